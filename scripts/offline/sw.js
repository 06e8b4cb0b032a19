// The offline worker (a template: scripts/offline/write.mjs fills in BUILD, FILES and the messages for
// each build and writes it to dist/sw.js). It keeps exactly the files of the build it belongs to, each
// checked against its SHA-256, and answers every request for them from that copy, so the app opens,
// reloads and follows deep links with no network. It asks nothing of any other origin. A new build's
// worker waits until the page asks it to take over (the user chose "Reload now") or every tab of the
// app is closed. docs/self-hosting.md shows how to remove it (sw-remove.js).
const BUILD = '__BUILD__';
/** Every file of the build (relative to this worker; './' is index.html) and its SHA-256, hex. */
const FILES = __FILES__;
const SKIP_WAITING = '__SKIP_WAITING__';
const SCOPE = new URL('./', self.location.href);
// Cache storage is the origin's, shared by every copy of the app on it (two folders of one host):
// each copy's caches carry its folder, and a copy only ever deletes its own.
const MINE = `rai-assess-${SCOPE.pathname}`;
const CACHE = `${MINE}@${BUILD}`;
/** This copy's book of the builds that took over, in order: the last two are kept. */
const BOOK = new URL('./rai-assess-builds', SCOPE).href;

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');
const pathOf = (url) => (url === SCOPE.href ? './' : `./${url.slice(SCOPE.href.length)}`);

/**
 * Fetches one file of the build and refuses it unless its bytes are the ones this build was made
 * with. Hashed names may come from the HTTP cache (their content cannot change) unless what it holds
 * is wrong (a file cached while it was being copied, say): then once more from the server.
 */
async function fetchChecked(path, mode = /-[0-9a-f]{12,16}[._]/.test(path) ? 'default' : 'no-cache') {
  const response = await fetch(new URL(path, SCOPE), { cache: mode, redirect: 'error' });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  const digest = hex(await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer()));
  if (digest === FILES[path]) return response;
  if (mode !== 'reload') return fetchChecked(path, 'reload');
  throw new Error(`${path}: not the file of build ${BUILD} (another deployment under way?)`);
}

self.addEventListener('install', (event) => {
  // All or nothing: one missing or different file and this worker is not installed, the previous one
  // (if any) stays in charge, and the browser tries again at its next update check.
  event.waitUntil((async () => {
    const checked = await Promise.all(Object.keys(FILES).map(async (path) =>
      [new URL(path, SCOPE).href, await fetchChecked(path)]));
    const cache = await caches.open(CACHE);
    await Promise.all(checked.map(([url, response]) => cache.put(url, response)));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // The build that was in charge stays kept too: a tab still running it (the user chose "Not now"
    // there) may yet need one of its files. Older ones go.
    const book = await caches.open(MINE);
    const before = await (await book.match(BOOK))?.json().catch(() => []) ?? [];
    const kept = [...before.filter((name) => name !== CACHE), CACHE].slice(-2);
    await book.put(BOOK, new Response(JSON.stringify(kept)));
    for (const key of await caches.keys()) {
      if (key.startsWith(`${MINE}@`) && !kept.includes(key)) await caches.delete(key);
    }
    // The first visit's page is served from here too from now on, without waiting for a reload.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === SKIP_WAITING) self.skipWaiting();
  else console.warn('RAI Assess offline worker: unknown message', event.data);
});

/** A file of this copy: from this build's cache, then the previous build's, then the network. */
async function answer(request, url) {
  const cache = await caches.open(CACHE);
  const found = (await cache.match(url)) ?? (await caches.match(url));
  if (found) return found;
  const path = pathOf(url);
  if (!FILES[path]) return fetch(request);
  // A file of this build missing from its cache (storage cleared by the browser): fetched, checked
  // and kept again, so the copy mends itself the next time the network is there.
  const response = await fetchChecked(path);
  await cache.put(url, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== SCOPE.origin || !url.href.startsWith(SCOPE.href)) return;
  // The app's views live in the address fragment, so every page of it is the folder's index.html.
  const page = request.mode === 'navigate' && (url.pathname === SCOPE.pathname || url.pathname === `${SCOPE.pathname}index.html`);
  event.respondWith(answer(request, page ? SCOPE.href : url.origin + url.pathname));
});
