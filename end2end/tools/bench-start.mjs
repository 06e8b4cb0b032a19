// Start-up as users meet it: for the home view and for an assessment view opened by a reload, the first
// usable control, the largest contentful paint (LCP), the layout shift while the view loads (CLS) and
// the bytes fetched in the first 5 seconds, medians of fresh visits (empty cache) and of repeat visits
// answered by the offline worker (scripts/offline/sw.js), on two profiles:
// unthrottled, and a slow laptop on a slow network (4x CPU slowdown, 1.6 Mbps down, 750 kbps up, 150 ms
// round trip: Chromium's CDP emulation), each from a server that sends the precompressed brotli copies
// and from one that sends gzip (most intranet servers once set up). Targets are in the issue "Instant
// at scale": first usable control at most 1/5 of the fastest peer's (623 ms and 8,412 ms measured),
// CLS at most 0.02, LCP at most 1.5 s on the slow profile, at most 260 KB in the first 5 s. The bytes
// are the page's own (its network events) and, for fresh unthrottled visits, also what the server sent
// in those 5 s with the offline worker's copy of the build included (the page's events leave it out).
import { launch } from './browser.mjs';
import { serveDist } from './static-server.mjs';
import { LibraryPage } from '../pages/library-page.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = Number(process.env.BENCH_RUNS ?? 5);
const SLOW = { cpu: 4, latency: 150, down: 1.6e6 / 8, up: 750e3 / 8 };

// Recorded in the page from its first script on: the first frame in which the view's heading and a
// control of it are in the page with the app running (it paints at the end of that frame), the shifts
// (without input) and the largest paint.
function observe() {
  window.__start = { cls: 0, lcp: 0, usable: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__start.cls += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__start.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const usable = () => {
    const ready = document.documentElement.dataset.ready === 'true';
    const control = document.querySelector('main h1') && document.querySelector('main a[href], main button, main input, main select, main textarea');
    if (ready && control) window.__start.usable = performance.now();
    else requestAnimationFrame(usable);
  };
  requestAnimationFrame(usable);
}

async function visit(browser, url, heading, profile, storageState, repeat = false) {
  const context = await browser.newContext(storageState ? { storageState } : {});
  await context.addInitScript(observe);
  const page = await context.newPage();
  if (repeat) {
    // A visit before, unmeasured, until the offline worker holds the app: the measured one reloads.
    await page.goto(url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120000 });
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // A fresh visit's context has an empty cache; a repeat visit's must not take from the one the
  // visit before filled: what it gets comes from the offline worker's copy.
  if (repeat) await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (profile) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: profile.latency, downloadThroughput: profile.down, uploadThroughput: profile.up,
    });
  }
  // Bytes as they arrive (a file still arriving at 5 s counts for what came before).
  let first = null;
  let bytes = 0;
  cdp.on('Network.requestWillBeSent', (e) => { first ??= e.timestamp; });
  cdp.on('Network.dataReceived', (e) => {
    if (first !== null && e.timestamp - first <= 5) bytes += e.encodedDataLength;
  });
  // What the server sent in the same 5 s, the offline worker's fetches included (the page's
  // network events leave them out). Unthrottled only: throttling delays what the page receives,
  // not what the server sends.
  sending = { first: null, bytes: 0 };
  await (repeat ? page.reload() : page.goto(url));
  await page.waitForFunction(() => window.__start.usable > 0, null, { timeout: 120000 });
  if (heading !== await page.locator('main h1').textContent()) throw new Error(`not the view measured: ${url}`);
  // The rest of the first 5 s (bytes, later shifts and paints): a benchmark may wait for a clock.
  await page.waitForTimeout(Math.max(0, 5200 - await page.evaluate(() => performance.now())));
  const figures = await page.evaluate(() => window.__start);
  await context.close();
  const sent = sending.bytes;
  sending = null;
  return { ...figures, bytes, sent };
}

/** The visit being measured's count of bytes sent by the server (see `visit`). */
let sending = null;
const counted = (path, n) => {
  if (!sending) return;
  const now = Date.now();
  sending.first ??= now;
  if (now - sending.first <= 5000) sending.bytes += n;
};

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const browser = await launch();
for (const encoding of ['br', 'gzip']) {
  // Hashed files cacheable, as docs/self-hosting.md sets a server up: the offline worker's copy of
  // what the page fetched comes from the browser's cache, as it would there.
  const server = await serveDist(dist, '/srv/tools/rai/', 0, [encoding], { cached: true, sent: counted });
  // One assessment, kept as storage state, so each visit of it is a reload of its editor.
  const setup = await browser.newContext();
  const page = await setup.newPage();
  await page.goto(`${server.url}#/assessments`);
  await page.waitForSelector('html[data-ready="true"]');
  await new LibraryPage(page).create({ title: 'Bench start-up' });
  const assessment = page.url();
  const state = await setup.storageState();
  await setup.close();
  for (const [label, profile] of [['unthrottled', null], ['slow laptop, slow network', SLOW]]) {
    for (const [view, url, heading, storage, repeat] of [
      ['home', `${server.url}#/`, 'Assess AI in policing responsibly, in your own browser', null],
      ['assessment (reload)', assessment, 'Bench start-up', state],
      ['assessment (repeat visit, from the offline copy)', assessment, 'Bench start-up', state, true],
    ]) {
      const all = [];
      for (let i = 0; i < runs; i++) all.push(await visit(browser, url, heading, profile, storage, repeat));
      const m = (k) => median(all.map((f) => f[k]));
      console.log(`${encoding} server, ${label}, ${view}: first usable control ${m('usable').toFixed(0)} ms, ` +
        `LCP ${m('lcp').toFixed(0)} ms, CLS ${m('cls').toFixed(3)} (max ${Math.max(...all.map((f) => f.cls)).toFixed(3)}), ` +
        `${(m('bytes') / 1000).toFixed(0)} KB in the first 5 s` +
        (profile || repeat ? '' : `; ${(m('sent') / 1000).toFixed(0)} KB sent by the server, the offline worker's copy included`) +
        `  (median of ${runs})`);
    }
  }
  await server.close();
}
await browser.close();
