// The offline worker (a template: scripts/offline/write.mjs fills in BUILD, FILES and SKIP_WAITING for
// each build and writes it to dist/sw.js). It keeps exactly the files of the build it belongs to, each
// checked against its SHA-256, and answers every request for them from that copy, so the app opens,
// reloads and follows deep links with no network and never mixes files of two builds. It asks nothing
// of any other origin. A new build's worker waits until the page asks it to take over (the user chose
// "Reload"); docs/self-hosting.md shows how to remove it (sw-remove.js).
const BUILD = '__BUILD__';
/** Every file of the build (relative to this worker; './' is index.html) and its SHA-256, hex. */
const FILES = __FILES__;
const SKIP_WAITING = '__SKIP_WAITING__';
const PREFIX = 'rai-assess-';
const CACHE = PREFIX + BUILD;
const SCOPE = new URL('./', self.location.href);

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** Fetches one file of the build and refuses it unless its bytes are the ones this build was made with. */
async function fetchChecked(path, sha256) {
  // Hashed names may come from the HTTP cache (their content cannot change); the others are revalidated.
  const hashed = /-[0-9a-f]{16}[._]/.test(path);
  const response = await fetch(new URL(path, SCOPE), { cache: hashed ? 'default' : 'no-cache', redirect: 'error' });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const digest = hex(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
  if (digest !== sha256) throw new Error(`${path}: not the file of build ${BUILD} (another deployment under way?)`);
  return response;
}

self.addEventListener('install', (event) => {
  // All or nothing: one missing or different file and this worker is not installed, the previous one
  // (if any) stays in charge, and the browser tries again at its next update check.
  event.waitUntil((async () => {
    const checked = await Promise.all(Object.entries(FILES).map(async ([path, sha256]) =>
      [new URL(path, SCOPE).href, await fetchChecked(path, sha256)]));
    const cache = await caches.open(CACHE);
    await Promise.all(checked.map(([url, response]) => cache.put(url, response)));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith(PREFIX) && key !== CACHE) await caches.delete(key);
    }
    // The first visit's page is served from here too from now on, without waiting for a reload.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING) self.skipWaiting();
  else console.warn('RAI Assess offline worker: unknown message', event.data);
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== SCOPE.origin) return;
  // The app's views live in the address fragment, so every page of it is the folder's index.html.
  const page = request.mode === 'navigate' && (url.pathname === SCOPE.pathname || url.pathname === `${SCOPE.pathname}index.html`);
  const key = page ? SCOPE.href : url.origin + url.pathname;
  event.respondWith((async () => (await (await caches.open(CACHE)).match(key)) ?? fetch(request))());
});
