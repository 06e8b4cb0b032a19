// End-to-end: the one-file edition (scripts/one-file.mjs), built from dist/ and opened straight from
// disk (file://) in Chromium, as from a USB stick or a mail attachment: it creates, answers, reloads,
// shows results (the tools module it carries), opens a sample, exports and imports, asking for no other
// file, with its hash-only policy never violated.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from '../tools/browser.mjs';
import { DIST } from '../tools/fixture.mjs';
import { guard } from '../tools/guards.mjs';
import { AppPage } from '../pages/app-page.mjs';
import { LibraryPage } from '../pages/library-page.mjs';
import { buildOneFile } from '../../scripts/one-file.mjs';

let browser;
let dir;
let url;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rai-one-file-'));
  const file = join(dir, 'rai-assess.html');
  await buildOneFile(DIST, file);
  url = pathToFileURL(file).href;
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh profile with the one file open at `route`; every request the page makes is recorded. */
async function openFile(route = '/assessments') {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const guards = guard(page, 'file://');
  const ui = new AppPage(page, url);
  await ui.open(route);
  return { context, page, guards, ui, lib: new LibraryPage(page), requests };
}

describe('the one-file edition', () => {
  test('opened from disk: create, answer, reload, results and a sample, and no other file asked for', async () => {
    const { page, guards, ui, lib, requests } = await openFile();
    await lib.create({ title: 'From a USB stick' });
    await page.locator('fieldset.question').first().getByRole('radio').nth(2).check();
    await page.getByRole('button', { name: 'Add notes and evidence R1.1' }).click();
    await page.getByLabel('Notes and evidence R1.1').fill('Typed in the one file');
    await lib.waitSaved();
    await page.reload();
    await ui.ready();
    assert.equal(await ui.headingText(), 'From a USB stick');
    assert.equal(await page.locator('fieldset.question').first().getByRole('radio').nth(2).isChecked(), true);
    assert.equal(await page.getByLabel('Notes and evidence R1.1').inputValue(), 'Typed in the one file');

    await lib.openReadinessResults();
    await ui.open('/assessments');
    await lib.openSample('Sample (fictional): Domestic-abuse risk triage');

    await ui.open('/about');
    await page.locator('#app-version').waitFor();
    assert.deepEqual([...new Set(requests.map((r) => r.replace(/#.*$/, '')))], [url], 'the one file and nothing else');
    await guards.assertClean('one file');
  });

  test('an answer file exported from the one file imports into a fresh profile of it', async () => {
    const source = await openFile();
    await source.lib.create({ title: 'Carried by file' });
    await source.page.getByRole('button', { name: 'Add notes and evidence R1.1' }).click();
    await source.page.getByLabel('Notes and evidence R1.1').fill('Kept in the answer file');
    await source.lib.waitSaved();
    await source.ui.open('/assessments');
    await source.page.getByRole('checkbox', { name: /^Carried by file · / }).check();
    const [download] = await Promise.all([
      source.page.waitForEvent('download'),
      source.page.getByRole('button', { name: 'Export answer file' }).click(),
    ]);
    const buffer = readFileSync(await download.path());
    await source.guards.assertClean('export');
    await source.context.close();

    const { page, guards } = await openFile();
    await page.getByLabel('Choose files to import').setInputFiles([{ name: download.suggestedFilename(), mimeType: 'application/json', buffer }]);
    await page.waitForFunction(() => /1 new assessment/.test(document.querySelector('.import-results')?.textContent ?? ''));
    await page.getByRole('link', { name: 'Carried by file' }).first().click();
    await page.waitForSelector('fieldset.question');
    assert.equal(await page.getByLabel('Notes and evidence R1.1').inputValue(), 'Kept in the answer file');
    await guards.assertClean('import');
  });

  test('its policy allows only its own inline script and style, and no network', async () => {
    const html = readFileSync(join(dir, 'rai-assess.html'), 'utf8');
    const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    assert.match(csp, /^default-src 'none'; script-src 'sha256-[^']+' 'wasm-unsafe-eval'; style-src 'sha256-[^']+';/);
    assert.doesNotMatch(csp, /'self'|'unsafe-inline'|connect-src/);
    assert.doesNotMatch(html, /(src|href)="\.\//, 'no other file referenced');
    assert.match(html, /<!-- RAI Assess \S+, content \S+, build [0-9a-f]{16}: the one-file edition\. -->/);
  });
});
