// The offline worker's kill switch (docs/self-hosting.md, "Removing the offline worker"): copied over
// sw.js, it replaces the worker in every browser at its next visit, deletes the app's cached files and
// unregisters itself, so every later load comes from the server as on a site without a worker. It has
// no fetch handler: pages already open fetch from the server too. It does not reload them (the page
// registers sw.js at each start, so a reload would install this again and reload again). Answers stay:
// they are in the browser's storage, not in the cache.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('rai-assess-')) await caches.delete(key);
    }
    await self.registration.unregister();
  })());
});
