// End-to-end: every code file is pinned by its hash. A copy of the app whose files were changed (one
// byte added to any script or wasm module) does not run the changed code: the app stops with a
// message, or for the tools module, the view that needs it says it could not be loaded.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from '../tools/fixture.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

const FAILED = /RAI Assess could not start: one of its files did not load or was changed/;

/** A fresh visit whose requests for files matching `pattern` get the file with something added. */
async function tampered(pattern) {
  const visit = await app.visit({}, () => {
    // A script refused for its integrity fires "error" on its element, and nothing of it runs.
    document.addEventListener('error', (e) => {
      if (e.target?.tagName === 'SCRIPT') window.__scriptRefused = true;
    }, true);
  });
  await visit.context.route(pattern, async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    // To a wasm module, a custom section named "x": still a valid module, so only its hash can tell.
    const added = route.request().url().endsWith('.wasm')
      ? Buffer.from([0, 2, 1, 0x78])
      : Buffer.from('\n;window.__tampered = 1;\n');
    await route.fulfill({ response, body: Buffer.concat([body, added]) });
  });
  return visit;
}

const notRun = (page) => page.evaluate(() => window.__tampered === undefined);
const ready = (page) => page.evaluate(() => document.documentElement.dataset.ready === 'true');

describe('code integrity', () => {
  for (const [what, pattern] of [
    ['the app\'s wasm', /\/rai-assess-[0-9a-f]+_bg\.wasm$/],
    ['the app\'s glue script', /\/rai-assess-[0-9a-f]+\.js$/],
    ['a snippet the glue imports', /\/snippets\/.*\.js$/],
  ]) {
    test(`a changed byte in ${what} stops the app with a message`, async () => {
      const { context, page, ui } = await tampered(pattern);
      await page.goto(ui.base ?? app.server.url);
      await page.waitForFunction((re) => new RegExp(re).test(document.getElementById('boot')?.textContent ?? ''), FAILED.source);
      assert.equal(await page.locator('#boot').isVisible(), true);
      assert.equal(await notRun(page), true, 'the changed code never ran');
      assert.equal(await ready(page), false);
      await context.close();
    });
  }

  test('a changed byte in the loader script runs nothing, and the page soon says it could not start', async () => {
    const { context, page } = await tampered(/\/boot-[0-9a-f]+\.js$/);
    // The fallback line appears after 15 s of CSS animation delay: played 100 times faster here.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Animation.enable');
    await cdp.send('Animation.setPlaybackRate', { playbackRate: 100 });
    await page.goto(app.server.url);
    await page.waitForFunction(() => window.__scriptRefused === true);
    assert.match(await page.locator('#boot').innerText(), /Starting RAI Assess/);
    await page.waitForFunction(() => getComputedStyle(document.getElementById('boot'), '::after').visibility === 'visible');
    const late = await page.evaluate(() => getComputedStyle(document.getElementById('boot'), '::after').content);
    assert.match(late, /RAI Assess could not start/);
    assert.equal(await notRun(page), true);
    assert.equal(await ready(page), false);
    await context.close();
  });

  for (const [what, pattern] of [
    ['the tools module\'s script', /\/rai-tools-[0-9a-f]+\.js$/],
    ['the tools module\'s wasm', /\/rai-tools-[0-9a-f]+_bg\.wasm$/],
    ['the styles of the views the tools module draws', /\/rai-tools-[0-9a-f]+\.css$/],
  ]) {
    test(`a changed byte in ${what} is refused: the view that needs it says so`, async () => {
      const { context, page } = await tampered(pattern);
      await page.goto(`${app.server.url}#/guidance/methods`);
      await page.waitForSelector('html[data-ready="true"]');
      await page.waitForSelector('main .notice.problem[role="alert"]');
      assert.match(await page.locator('main .notice.problem').innerText(), /tools file could not be loaded/);
      assert.equal(await notRun(page), true);
      assert.notEqual(await page.evaluate(() => document.documentElement.dataset.tools), 'ready');
      await context.close();
    });
  }

  test('with the tools module refused, the library page\'s export panel says it could not be loaded', async () => {
    const { context, page } = await tampered(/\/rai-tools-[0-9a-f]+_bg\.wasm$/);
    await page.goto(`${app.server.url}#/assessments`);
    const alert = page.locator('#export .notice.problem[role="alert"]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /tools file could not be loaded/);
    await context.close();
  });

  test('a changed byte in the content pack is refused by its SHA-256: the page says so and shows no content', async () => {
    const { context, page } = await tampered(/\/pack-[a-z]+-[0-9a-f]{16}\.bin$/);
    await page.goto(`${app.server.url}#/guidance`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /The content could not be loaded/);
    assert.match(await alert.innerText(), /could not be downloaded from the server, or was changed/);
    assert.notEqual(await page.locator('main h1').textContent().catch(() => ''), 'Guidance');
    await context.close();
  });
});
