// The offline worker's kill switch (docs/self-hosting.md, "Removing the offline worker"): copied over
// sw.js, it takes the worker's place in every browser like a new build would (at once where the user
// chooses "Reload now" in the update bar, or once every tab of the app is closed), deletes this
// copy's cached files and unregisters itself, so every later load comes from the server as on a
// site without a worker. It has no fetch handler. Answers stay: they are in the browser's storage,
// not in the cache. (Written to dist/ by write.mjs, which fills in the message.)
const MINE = `rai-assess-${new URL('./', self.location.href).pathname}`;
self.addEventListener('message', (event) => {
  if (event.data === '__SKIP_WAITING__') self.skipWaiting();
});
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key === MINE || key.startsWith(`${MINE}@`)) await caches.delete(key);
    }
    await self.registration.unregister();
  })());
});
