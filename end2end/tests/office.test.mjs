// End-to-end: the report as a Word document, downloaded from the report page and read back by
// LibreOffice (an independent reader) as a person would read it: the same headings, figures and
// text as on screen, the charts as pictures, user text as typed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../tools/fixture.mjs';
import { documentText, packagePart, packageParts } from '../tools/office.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

/** Downloads the open report as a Word document; the saved file's path and suggested name. */
async function downloadWord(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download report (Word)' }).click(),
  ]);
  const file = join(mkdtempSync(join(tmpdir(), 'rai-docx-')), download.suggestedFilename());
  await download.saveAs(file);
  return { file, name: download.suggestedFilename() };
}

/** Opens a copy of a sample and its report. */
async function openReport({ page, ui, lib }, sample) {
  await ui.open('/assessments');
  await lib.openSample(sample);
  await lib.openPart('Report');
  await page.locator('.report h1').waitFor();
}

/** Text as both readers give it: spaces of any kind as one. */
const squash = (s) => s.replace(/[\s\u00a0]+/g, ' ').trim();

describe('the report as a Word document', () => {
  test('a readiness report reads as on screen, its chart a picture', async () => {
    const visit = await app.visit({ acceptDownloads: true });
    const { page, guards } = visit;
    await openReport(visit, 'Sample (fictional): Agency readiness review 2027');
    const { file, name } = await downloadWord(page);
    assert.match(name, /^rai-assess_readiness_sample-fictional-agency-readiness-review-2027_\d{4}-\d{2}-\d{2}_report\.docx$/);
    const text = squash(documentText(file));
    const headings = await page.locator('.report h1, .report h2, .report h3').allTextContents();
    assert.ok(headings.length > 5);
    for (const h of headings) assert.ok(text.includes(squash(h)), `heading "${h}" not in the document`);
    const overall = squash(await page.locator('.report .r-overall').first().innerText());
    assert.ok(text.includes(overall), `"${overall}" not in the document`);
    for (const row of await page.locator('.report .r-dimensions tbody tr').all()) {
      const cells = (await row.locator('th, td').allTextContents()).map(squash);
      for (const cell of cells.filter(Boolean)) assert.ok(text.includes(cell), `cell "${cell}" not in the document`);
    }
    const parts = packageParts(file);
    assert.ok(parts['word/media/figure1.png'] > 5_000, 'the chart drawn as a picture');
    assert.equal(packagePart(file, 'word/media/figure1.png').subarray(1, 4).toString(), 'PNG');
    await guards.assertClean('readiness as Word');
    await visit.context.close();
  });
});
