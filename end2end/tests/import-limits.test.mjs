// End-to-end: imports are bounded and whole. A file over the cap is refused before anything is
// stored; a file the storage cannot hold is not imported in part; many assessments leave at once.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from '../tools/fixture.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

const CONTENT = { id: 'rai-le-core', version: '1.0.0' };

/** An answer file of `count` small readiness assessments, each with a note of `note` characters. */
function answerFile(count, { note = 0, prefix = 'bulk' } = {}) {
  const assessments = Array.from({ length: count }, (_, i) => ({
    id: `${prefix}-${i}`,
    kind: 'readiness',
    title: `${prefix} ${i}`,
    subject: '',
    respondent: { name: '', role: '' },
    created: 1795000000000,
    updated: 1795000000000 + i,
    content: CONTENT,
    answers: { 'R1.1': { t: 'level', v: 2 } },
    notes: note ? { 'R1.1': 'n'.repeat(note) } : {},
  }));
  const text = JSON.stringify({
    format: 'rai-assess.answers', format_version: 2, app_version: '0.1.0', exported: 1795000000000,
    content: CONTENT, assessments,
  });
  return { name: `${prefix}.json`, mimeType: 'application/json', buffer: Buffer.from(text) };
}

async function importFile(page, file) {
  return (await importFiles(page, [file], 1))[0];
}

/**
 * Picks `files` together and waits until the import is over (the results list is no longer busy) with
 * `rows` more result lines; their texts, first file first.
 */
async function importFiles(page, files, rows) {
  const before = await page.locator('.import-results > li').count();
  await page.getByLabel('Choose files to import').setInputFiles(files);
  await page.waitForFunction((n) => document.querySelectorAll('.import-results > li').length >= n
    && document.querySelector('.import-results').getAttribute('aria-busy') === 'false', before + rows);
  const texts = await page.locator('.import-results > li').allInnerTexts();
  assert.equal(texts.length, before + rows, 'one line per file');
  return texts.slice(0, rows).reverse();
}

const storedIds = (page) => page.evaluate(() =>
  Object.keys(localStorage).filter((k) => k.startsWith('rai.assessment.')).length);

describe('bounded imports', () => {
  test('a file over 500 assessments is refused whole; 500 arrive in one go, listed', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    const refused = await importFile(page, answerFile(501));
    assert.match(refused, /Not imported: bulk\.json: the file holds 501 assessments; one file brings at most 500/);
    assert.match(refused, /Nothing was imported from this file\./);
    assert.equal(await storedIds(page), 0);
    const done = await importFile(page, answerFile(500));
    assert.match(done, /Imported: bulk\.json: 500 new assessment\(s\) added\./);
    await page.waitForFunction(() => document.querySelectorAll('.library .assessment-card').length === 500);
    assert.equal(await storedIds(page), 500);
    assert.equal(await lib.cards().count(), 500);
    await guards.assertClean('bounded import');
    await context.close();
  });

  test('one import adds at most 500 assessments: a file past that is refused whole and named', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/assessments');
    const rows = await importFiles(page, [
      answerFile(300, { prefix: 'first' }), answerFile(300, { prefix: 'second' }), answerFile(200, { prefix: 'third' }),
      answerFile(1, { prefix: 'fourth' }),
    ], 4);
    assert.match(rows[0], /Imported: first\.json: 300 new assessment\(s\) added\./);
    assert.match(rows[1], /Not imported: second\.json: the files before it in this import added 300 assessment\(s\), and one import adds at most 500: import this file on its own\. Nothing was imported from this file\./);
    assert.match(rows[2], /Imported: third\.json: 200 new assessment\(s\) added\./);
    assert.match(rows[3], /Not imported: fourth\.json: the files before it in this import added 500 assessment\(s\)/);
    assert.equal(await storedIds(page), 500);
    // Picked again on its own, the refused file comes in.
    assert.match((await importFiles(page, [answerFile(300, { prefix: 'second' })], 1))[0], /Imported: second\.json: 300 new/);
    await guards.assertClean('import budget');
    await context.close();
  });

  test('assessments already here do not count towards an import\'s 500', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/assessments');
    await importFiles(page, [answerFile(100, { prefix: 'old' })], 1);
    const rows = await importFiles(page, [answerFile(100, { prefix: 'old' }), answerFile(450, { prefix: 'new' })], 2);
    assert.match(rows[0], /Imported: old\.json: 0 new assessment\(s\) added\./);
    assert.match(rows[1], /Imported: new\.json: 450 new assessment\(s\) added\./);
    assert.equal(await storedIds(page), 550);
    await guards.assertClean('import budget with existing');
    await context.close();
  });

  test('more than 100 files picked together are refused before any is read', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/assessments');
    const files = Array.from({ length: 101 }, (_, i) => answerFile(1, { prefix: `f${i}` }));
    const [row] = await importFiles(page, files, 1);
    assert.equal(row, 'Not imported: 101 files at once: one import reads at most 100 files, so none of them was read. Import them in smaller groups.');
    assert.equal(await storedIds(page), 0);
    await guards.assertClean('too many files');
    await context.close();
  });

  test('a file the storage cannot hold is not imported in part, and says so', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    await lib.create({ title: 'Real work' });
    await ui.clickNav('Assessments');
    await page.waitForSelector('.library .assessment-card');
    // Fill the origin's storage with another page's data, then free one chunk: room for part of the
    // import, not all of it, so what was written must be removed again.
    await page.evaluate(() => {
      const chunk = 'f'.repeat(256 * 1024);
      for (let i = 0; i < 200; i += 1) {
        try { localStorage.setItem(`other.fill.${i}`, chunk); } catch { break; }
      }
      localStorage.removeItem('other.fill.0');
    });
    const row = await importFile(page, answerFile(40, { note: 20000, prefix: 'junk' }));
    assert.match(row, /Not imported: junk\.json: .*full.*Nothing was imported from this file\./s);
    assert.equal(await storedIds(page), 1, 'only the real work is stored');
    assert.deepEqual(await lib.cardTitles(), ['Real work']);
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('other.')).forEach((k) => localStorage.removeItem(k)));
    await guards.assertClean('storage full import');
    await context.close();
  });

  test('many assessments move to recently deleted at once, after a question', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    await importFile(page, answerFile(30));
    await page.waitForFunction(() => document.querySelectorAll('.library .assessment-card').length === 30);
    await page.getByRole('button', { name: 'Select all' }).click();
    page.once('dialog', (d) => d.dismiss());
    await page.getByRole('button', { name: 'Move to recently deleted' }).click();
    assert.equal(await lib.cards().count(), 30, 'cancelled: all still there');
    page.once('dialog', (d) => { assert.match(d.message(), /Move 30 assessment\(s\) to recently deleted\?/); d.accept(); });
    await page.getByRole('button', { name: 'Move to recently deleted' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.library .assessment-card').length === 0);
    assert.match(await page.locator('.share-status').innerText(), /Moved 30 assessment\(s\) to recently deleted\./);
    await page.getByRole('button', { name: 'Restore bulk 7' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.library .assessment-card').length === 1);
    await guards.assertClean('bulk delete');
    await context.close();
  });

  test('an export says which selected assessment it left out, and a backup is only called one when whole', async () => {
    const { context, page, guards, ui } = await app.visit({ acceptDownloads: true });
    await ui.open('/assessments');
    await importFile(page, answerFile(3));
    await page.waitForFunction(() => document.querySelectorAll('.library .assessment-card').length === 3);
    // One record damaged behind the app's back, its summary intact: it is still listed.
    await page.evaluate(() => localStorage.setItem('rai.assessment.bulk-1', '{"schema":1,"revision":1,"assessment":{}}'));
    await page.getByRole('button', { name: 'Select all' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('.export-list input')].filter((i) => i.checked).length === 3);
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export answer file' }).click();
    // What the user is told comes first, so that a missing download fails with what they saw.
    await page.waitForFunction(() => !/^\s*(Preparing…)?$/.test(document.querySelector('.share-status').textContent));
    assert.match(await page.locator('.share-status').innerText(),
      /Exported 2 assessment\(s\) to .*\. 1 selected assessment\(s\) could not be read and are not in the file/);
    const download = await downloaded;
    assert.match(download.suggestedFilename(), /^rai-assess_2-assessments_/, 'not named a backup');
    await guards.assertClean('export skipped');
    await context.close();
  });
});
