// End-to-end tests of the app shell, driving the built dist/ served under a sub-path in Chromium.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, expectedVersions, startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });


const VIEWS = [
  { route: '/', nav: 'Home', heading: 'Assess AI in policing responsibly, in your own browser' },
  { route: '/assessments', nav: 'Assessments', heading: 'Assessments' },
  { route: '/guidance', nav: 'Guidance', heading: 'Guidance' },
  { route: '/about', nav: 'About', heading: 'About this app' },
];

describe('the app shell', () => {
  // The built page carries no inline code: the strict CSP would block it and the app stay blank. Its
  // one inline element is the import map that pins the modules, allowed by its hash and nothing else.
  test('dist/index.html has a strict CSP and no inline script but the import map it allows by hash', () => {
    const html = readFileSync(join(DIST, 'index.html'), 'utf8');
    const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
    assert.doesNotMatch(policy, /unsafe-inline/);
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => m[2].trim());
    assert.deepEqual(inline.map((m) => m[1].trim()), ['type="importmap"'], 'only the import map is inline');
    const hash = createHash('sha256').update(inline[0][2]).digest('base64');
    assert.match(policy, new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/]/g, '\\$&')}' 'wasm-unsafe-eval';`));
    assert.ok(Object.keys(JSON.parse(inline[0][2]).integrity).some((k) => /rai-tools-/.test(k)), 'the tools module is pinned');
    assert.doesNotMatch(html, /(src|href)="\//, 'an asset URL is absolute; dist/ would break under a sub-path');
  });

  // dist/ carries a brotli and a gzip copy of every compressible file (scripts/compress.mjs), and the
  // test server sends them as a server set up by docs/self-hosting.md would: a visit gets every file
  // compressed, the content pack included, whatever type it has.
  test('a visit gets every file compressed from a server that sends the precompressed copies', async () => {
    const { context, page, guards, ui } = await app.visit();
    const sent = [];
    page.on('response', (res) => sent.push(res));
    await ui.open('/');
    await page.waitForFunction(() => document.documentElement.dataset.tools === 'ready');
    const files = sent.filter((r) => /\.(html|js|css|wasm|bin)$|\/$/.test(new URL(r.url()).pathname));
    assert.ok(files.some((r) => /pack-[a-z]+-[0-9a-f]{16}\.bin$/.test(r.url())), 'the content pack was fetched');
    assert.ok(files.length >= 9, `${files.length} files`);
    for (const r of files) {
      assert.equal(await r.headerValue('content-encoding'), 'br', `${r.url()} arrived compressed`);
    }
    for (const [name, ext] of [['index.html', '.br'], ['index.html', '.gz']]) {
      assert.ok(existsSync(join(DIST, name + ext)), `${name}${ext} is in dist/`);
    }
    await guards.assertClean('compressed');
    await context.close();
  });

  // Fetched with its hash checked, the pack still arrives once: its preload carries the same hash.
  test('the content pack is downloaded once per visit', async () => {
    const { context, page, guards, ui } = await app.visit();
    const packs = [];
    page.on('request', (r) => { if (/pack-[a-z]+-[0-9a-f]{16}\.bin$/.test(r.url())) packs.push(r.method()); });
    await ui.open('/guidance');
    await page.waitForFunction(() => document.documentElement.dataset.tools === 'ready');
    assert.deepEqual(packs, ['GET']);
    await guards.assertClean('pack once');
    await context.close();
  });

  test('home explains the three tools, the independence and what happens to the data', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/');
    assert.equal(await ui.headingText(), VIEWS[0].heading);
    const banner = page.getByRole('banner');
    assert.match(await banner.innerText(), /RAI Assess/);
    assert.match(await banner.innerText(), /independent tool built on the published structure of the INTERPOL–UNICRI Toolkit/);
    assert.match(await banner.innerText(), /not an official product/);
    const tools = page.locator('main .tool-card h3');
    assert.deepEqual(await tools.allTextContents(),
      ['Organizational readiness', 'Risk assessment of one AI system', 'Life-cycle workbook']);
    const text = await ui.mainText();
    assert.match(text, /Nothing is sent to any server/);
    assert.match(text, /only when you export them yourself/);
    assert.equal(await page.title(), 'Home · RAI Assess');
    await guards.assertClean('home');
    await context.close();
  });

  test('every view is reached from the navigation, marked current, clean and accessible', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/');
    for (const view of VIEWS) {
      await ui.clickNav(view.nav);
      await page.waitForFunction((h) => document.querySelector('main h1')?.textContent === h, view.heading);
      assert.equal(await ui.currentNavLabel(), view.nav);
      assert.ok(page.url().endsWith(`#${view.route}`), `address of ${view.nav}: ${page.url()}`);
      assert.deepEqual(await axeViolations(page), [], `axe on ${view.nav}`);
      await guards.assertClean(view.nav);
    }
    await context.close();
  });

  test('a deep link opens its view, and a reload keeps it, under a sub-path with no rewrites', async () => {
    const { context, page, guards, ui } = await app.visit();
    for (const view of VIEWS) {
      await ui.open(view.route);
      assert.equal(await ui.headingText(), view.heading);
      await page.reload();
      await ui.ready();
      assert.equal(await ui.headingText(), view.heading, `after reloading ${view.route}`);
    }
    await guards.assertClean('deep links');
    await context.close();
  });

  test('the browser back button returns to the previous view', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/');
    await ui.clickNav('About');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'About this app');
    await page.goBack();
    await page.waitForFunction(() => location.hash === '#/' || location.hash === '');
    assert.equal(await ui.headingText(), VIEWS[0].heading);
    await guards.assertClean('back');
    await context.close();
  });

  test('About credits UNICRI and INTERPOL and shows the app, content and toolkit versions', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/about');
    // Below its heading the page is written by the tools module: wait for it, as a reader would.
    await page.locator('#app-version').waitFor();
    const text = await ui.mainText();
    assert.match(text, /published by UNICRI/);
    assert.match(text, /INTERPOL/);
    assert.match(text, /not made, reviewed or endorsed by INTERPOL or UNICRI/);
    const { app: appVersion, content } = expectedVersions();
    assert.equal((await page.locator('#app-version').textContent()).trim(), appVersion);
    assert.equal((await page.locator('#content-version').textContent()).trim(), content);
    assert.match(text, /February 2024 revision/);
    // Where answers live, and what that means on a shared host or a shared computer.
    assert.match(text, /not for the folder the app is in: any other page published under the same host name can read them/);
    assert.match(text, /an encrypted file you import is stored here unencrypted too/);
    const links = await page.locator('main a[href^="https://"]').evaluateAll((as) => as.map((a) => a.href));
    assert.ok(links.some((h) => h.includes('interpol.int')), 'link to INTERPOL toolkit page');
    assert.ok(links.some((h) => h.includes('unicri.org')), 'link to UNICRI toolkit page');
    await guards.assertClean('about');
    await context.close();
  });

  test('an unknown address shows the not-found view with a way home', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/no/such/page');
    assert.equal(await ui.headingText(), 'Page not found');
    assert.match(await ui.mainText(), /\/no\/such\/page/);
    assert.deepEqual(await axeViolations(page), [], 'axe on not found');
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent.startsWith('Assess AI'));
    await guards.assertClean('not found');
    await context.close();
  });

  test('keyboard: the skip link comes first and navigation works with Tab and Enter', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to main content');
    assert.ok(await page.evaluate(() => document.activeElement.getBoundingClientRect().top >= 0), 'skip link visible when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
    assert.ok(page.url().endsWith('#/'), 'the skip link does not change the route');
    await ui.open('/');
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement.textContent === 'About');
    }
    assert.ok(reached, 'About link reachable by Tab');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'About this app');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'focus moves to the new view');
    await guards.assertClean('keyboard');
    await context.close();
  });

  // WCAG reflow: at 320 CSS px (the width of 1280 px at 400 %, or a small phone) nothing scrolls sideways.
  test('readable at 320 px wide without horizontal scrolling', async () => {
    const { context, page, guards, ui } = await app.visit({ viewport: { width: 320, height: 640 } });
    for (const view of VIEWS) {
      await ui.open(view.route);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${view.route} overflows by ${overflow}px at 320px`);
    }
    await guards.assertClean('phone');
    await context.close();
  });

  test('print drops navigation and keeps the content', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/about');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('nav.main-nav').evaluate((n) => getComputedStyle(n).display), 'none');
    assert.equal(await page.locator('.skip-link').evaluate((n) => getComputedStyle(n).display), 'none');
    assert.ok(await page.locator('main h1').isVisible());
    await guards.assertClean('print');
    await context.close();
  });

  // No service worker yet: this covers a network drop after load, not an offline reload.
  test('a content file that cannot be fetched gives an alert with a retry that recovers', async () => {
    const { context, page } = await app.visit();
    let block = true;
    await context.route(/pack-[a-z]+-[0-9a-f]{16}\.bin$/, (r) => (block ? r.fulfill({ status: 404, body: 'gone' }) : r.continue()));
    await page.goto(`${app.server.url}#/guidance`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /The content could not be loaded/);
    assert.match(await alert.innerText(), /the server answered 404 for the content file pack-/);
    assert.equal(await page.getByRole('banner').isVisible(), true, 'the shell still shows');
    block = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Guidance');
    await context.close();
  });

  // A pack that never arrives (a stalled network) leaves no blank page: after 15 s the loading line says
  // what to do, and the footer held back until the content is in shows. CSS animations, played 100
  // times faster here instead of waiting.
  test('a content file that never arrives: the page soon says what to do, and the footer shows', async () => {
    const { context, page } = await app.visit();
    const stalled = [];
    await context.route(/pack-[a-z]+-[0-9a-f]{16}\.bin$/, (r) => { stalled.push(r); });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Animation.enable');
    await cdp.send('Animation.setPlaybackRate', { playbackRate: 100 });
    await page.goto(`${app.server.url}#/guidance`);
    await page.locator('main .loading').waitFor();
    await page.waitForFunction(() => getComputedStyle(document.querySelector('main .loading'), '::after').visibility === 'visible');
    const late = await page.evaluate(() => getComputedStyle(document.querySelector('main .loading'), '::after').content);
    assert.match(late, /This is taking long: the network may be slow, or the server out of reach\. Reloading the page tries again\./);
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.site-footer')).visibility === 'visible');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.ready), undefined, 'the content never came');
    await context.close();
  });

  // The app fetches its tools module right after start; once it is in (the page says so on its root
  // element), every view works without the network, including those the module writes.
  test('the app keeps working with the network cut after load', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/');
    await page.waitForFunction(() => document.documentElement.dataset.tools === 'ready');
    await context.setOffline(true);
    await ui.clickNav('Guidance');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Guidance');
    await page.getByRole('link', { name: 'Scales, rubrics and the risk matrix' }).click();
    await page.locator('.methods h1').waitFor();
    await guards.assertClean('offline');
    await context.close();
  });

  // Cut before the module arrived: the view says so and offers to try again, and recovers by itself
  // when the browser is back online.
  test('a view that needs the tools module while offline recovers when the network returns', async () => {
    const { context, page } = await app.visit();
    let block = true;
    await context.route(/rai-tools-[0-9a-f]+\.js/, (r) => (block ? r.abort('internetdisconnected') : r.continue()));
    await page.goto(`${app.server.url}#/guidance/methods`);
    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await alert.waitFor();
    assert.equal(await alert.getByRole('button', { name: 'Try again' }).isVisible(), true);
    block = false;
    await context.setOffline(true);
    await context.setOffline(false);
    await page.locator('.methods h1').waitFor();
    assert.equal(await alert.count(), 0, 'the alert is gone');
    await context.close();
  });
});
