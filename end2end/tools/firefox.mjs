// The Firefox smoke suite's setup: Debian's firefox-esr driven by puppeteer-core over WebDriver BiDi (no
// browser download; Playwright cannot drive a stock Firefox), headless, with a fresh temporary profile per
// run, the built dist/ served as for the Chromium suite, and the same guards on every page.
import puppeteer from 'puppeteer-core';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, watch as watchDir } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from './fixture.mjs';
import { watch } from './guards.mjs';
import { serveDist } from './static-server.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** How long one wait for the app may take before the test fails: generous, CI machines can be busy. */
export const PATIENCE = 60_000;

/**
 * The guards of the Chromium suite on a Puppeteer page: console errors and uncaught exceptions, CSP
 * violations, requests leaving the served origin. The CSP listener goes in as a BiDi preload script,
 * which the page's CSP does not govern.
 */
export async function guardPage(page, origin) {
  const guards = watch(page, origin, (script) => page.evaluateOnNewDocument(script));
  await guards.installed;
  return guards;
}

export async function startFirefoxApp() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: build first (trunk build --release)`);
  }
  if (!existsSync(FIREFOX)) throw new Error(`Firefox not found at ${FIREFOX}; run scripts/setup.sh --browser`);
  const root = mkdtempSync(join(tmpdir(), 'rai-firefox-'));
  const downloads = join(root, 'downloads');
  mkdirSync(downloads);
  const server = await serveDist(DIST);
  const cleanUp = async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    timeout: 120_000, // to start; CI machines can be busy
    userDataDir: join(root, 'profile'),
    defaultViewport: { width: 1280, height: 720 },
    protocolTimeout: 180_000,
    extraPrefsFirefox: {
      // Downloads go straight to `downloads`, with no dialog, as a user's do with the default settings.
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
      'browser.download.manager.addToRecentDocs': false,
      // Nothing from the browser itself goes out to the network while the tests run.
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.region.network.url': '',
      'browser.region.update.enabled': false,
      'toolkit.telemetry.enabled': false,
      'toolkit.telemetry.server': '',
      'extensions.systemAddon.update.enabled': false,
      'browser.aboutwelcome.enabled': false,
    },
  }).catch(async (e) => {
    await cleanUp();
    throw e;
  });
  return {
    server,
    browser,
    downloads,
    /** A fresh browser context (a BiDi user context: empty storage) with one guarded page. */
    async visit() {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(PATIENCE);
      const guards = await guardPage(page, server.origin);
      return { context, page, guards };
    },
    async stop() {
      try {
        await browser.close();
      } finally {
        await cleanUp();
      }
    },
  };
}

/**
 * Runs `action` (a click that makes the app save a file) and resolves to the path of the file that
 * Firefox then saves to `dir`: the real download, through the app's own Blob-and-link code. Firefox
 * first reserves the name with an empty file and writes to `<name>.part`, renaming it over the
 * reserved name when done: the download is complete when a new name is there, with content, and its
 * `.part` is gone. Waits on the directory's change events; `timeout` is only the deadline to fail.
 */
export async function downloadOf(dir, action, timeout = PATIENCE) {
  const before = new Set(readdirSync(dir));
  const complete = () => readdirSync(dir).find((name) => !before.has(name) && !name.endsWith('.part')
    && !existsSync(join(dir, `${name}.part`)) && (statSync(join(dir, name), { throwIfNoEntry: false })?.size ?? 0) > 0);
  let watcher;
  let timer;
  const done = new Promise((resolve, reject) => {
    const check = () => {
      const name = complete();
      if (name) resolve(join(dir, name));
    };
    watcher = watchDir(dir, check);
    const there = () => readdirSync(dir).join(', ') || 'nothing';
    timer = setTimeout(() => reject(new Error(`no download completed in ${dir} within ${timeout} ms; there: ${there()}`)), timeout);
    check();
  });
  done.catch(() => {}); // a deadline passed during `action` is reported below, not as unhandled
  try {
    await action();
    return await done;
  } finally {
    watcher.close();
    clearTimeout(timer);
  }
}
