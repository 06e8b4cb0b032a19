// End-to-end: the report as a Word document, downloaded from the report page and read back by
// LibreOffice (an independent reader) as a person would read it: the same headings, figures and
// text as on screen, the charts as pictures, user text as typed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../tools/fixture.mjs';
import { documentText, packagePart, packageParts, sheetRows } from '../tools/office.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

/** Downloads a file from the open report's button; the saved file's path and suggested name. */
async function downloadFrom(page, button) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  const file = join(mkdtempSync(join(tmpdir(), 'rai-docx-')), download.suggestedFilename());
  await download.saveAs(file);
  return { file, name: download.suggestedFilename() };
}

const TRIAGE = 'Sample (fictional): Domestic-abuse risk triage';

/** A fresh browser with a copy of a sample open at its report, downloads allowed. */
async function reportOf(sample) {
  const visit = await app.visit({ acceptDownloads: true });
  const { page, ui, lib } = visit;
  await ui.open('/assessments');
  await lib.openSample(sample);
  await lib.openPart('Report');
  await page.locator('.report h1').waitFor();
  return visit;
}

/** Text as both readers give it: spaces of any kind as one. */
const squash = (s) => s.replace(/[\s\u00a0]+/g, ' ').trim();

describe('the report as a Word document', () => {
  test('a readiness report reads as on screen, its chart a picture', async () => {
    const visit = await reportOf('Sample (fictional): Agency readiness review 2027');
    const { page, guards } = visit;
    const { file, name } = await downloadFrom(page, 'Download report (Word)');
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

  test('a risk report as a Word document: its heat maps as pictures, its register as tables', async () => {
    const visit = await reportOf(TRIAGE);
    const { page, guards } = visit;
    const { file } = await downloadFrom(page, 'Download report (Word)');
    const parts = packageParts(file);
    const pictures = Object.keys(parts).filter((p) => p.startsWith('word/media/'));
    assert.equal(pictures.length, await page.locator('.report figure svg').count(), 'one picture per chart on screen');
    const text = squash(documentText(file));
    const sample = JSON.parse(readFileSync('content/samples/abuse-triage.json', 'utf8')).assessments[0];
    for (const risk of sample.risk.register) assert.ok(text.includes(squash(risk.title)), `risk "${risk.title}" not in the document`);
    await guards.assertClean('risk as Word');
    await visit.context.close();
  });

  test('a workbook report as a Word document reads as on screen', async () => {
    const visit = await reportOf('Sample (fictional): Face search for missing persons, life-cycle workbook');
    const { page, guards } = visit;
    const { file, name } = await downloadFrom(page, 'Download report (Word)');
    assert.match(name, /^rai-assess_workbook_.*_report\.docx$/);
    const text = squash(documentText(file));
    const headings = await page.locator('.report h1, .report h2, .report h3').allTextContents();
    assert.ok(headings.length > 5);
    for (const h of headings) assert.ok(text.includes(squash(h)), `heading "${h}" not in the document`);
    assert.equal(await page.getByRole('button', { name: 'Download as a spreadsheet (Excel)' }).count(), 0,
      'a workbook has no spreadsheet to offer');
    await guards.assertClean('workbook as Word');
    await visit.context.close();
  });

  test('the rights impact assessment as a Word document keeps the parts Art. 27 asks for, in order', async () => {
    const visit = await reportOf(TRIAGE);
    const { page, guards } = visit;
    const { file, name } = await downloadFrom(page, 'Download the rights impact assessment (Word)');
    assert.match(name, /_rights-assessment\.docx$/);
    const text = squash(documentText(file));
    const parts = ['(a) How and for what', '(b) Period and frequency', '(c) People and groups', '(d) Specific risks',
      '(e) Human oversight', '(f) If the risks materialise', 'Summary for the notification'];
    const at = parts.map((p) => text.indexOf(p));
    assert.ok(at.every((x, i) => x > 0 && (i === 0 || x > at[i - 1])), `parts in order: ${at}`);
    await guards.assertClean('rights assessment as Word');
    await visit.context.close();
  });

  test('a draft transparency record in the ATRS fields: the profile and the risks, no names', async () => {
    const visit = await reportOf(TRIAGE);
    const { page, guards } = visit;
    const json = await downloadFrom(page, 'Download a draft transparency record (ATRS, JSON)');
    assert.match(json.name, /_transparency-record\.json$/);
    const record = JSON.parse(readFileSync(json.file, 'utf8'));
    const sample = JSON.parse(readFileSync('content/samples/abuse-triage.json', 'utf8')).assessments[0];
    assert.equal(record.draft, true);
    assert.equal(record.standard, 'UK Algorithmic Transparency Recording Standard (ATRS)');
    assert.match(record.status, /^Draft/);
    assert.equal(record.tier_1_overview.name, sample.title);
    assert.equal(record.owner_and_responsibility.organisation, sample.subject);
    assert.equal(record.tier_1_overview.description, sample.answers.purpose.v);
    const risks = record.risks_mitigations_and_impact_assessments.risks;
    assert.deepEqual(risks.map((r) => r.risk_name).sort(), sample.risk.register.map((r) => r.title).sort());
    // Who owns a mitigation, who decided, why and the controls in place stay inside the agency.
    for (const r of risks) assert.deepEqual(Object.keys(r), ['risk_name', 'risk_description', 'mitigations', 'decision']);
    const csv = await downloadFrom(page, 'Download a draft transparency record (ATRS, CSV)');
    const csvText = readFileSync(csv.file, 'utf8');
    assert.match(csvText, /^\uFEFF"section","field","value"\r\n"record","draft","true"\r\n/);
    const kept = sample.risk.register.flatMap((r) => [r.decided_by, r.rationale, r.controls])
      .filter((t) => t && t.length > 12);
    assert.ok(kept.length > 0, 'the sample records who decided, why and its controls');
    for (const t of kept) {
      assert.ok(!JSON.stringify(record).includes(JSON.stringify(t).slice(1, -1)), `"${t.slice(0, 40)}…" is not published (JSON)`);
      assert.ok(!csvText.includes(t.slice(0, 40)), `"${t.slice(0, 40)}…" is not published (CSV)`);
    }
    await guards.assertClean('transparency record');
    await visit.context.close();
  });

  test('a risk register as a spreadsheet: one row per risk and per mitigation, dates as dates', async () => {
    const visit = await reportOf(TRIAGE);
    const { page, guards } = visit;
    const { file, name } = await downloadFrom(page, 'Download as a spreadsheet (Excel)');
    assert.match(name, /^rai-assess_risk_sample-fictional-domestic-abuse-risk-triage_\d{4}-\d{2}-\d{2}_register\.xlsx$/);
    const sheets = sheetRows(file);
    assert.deepEqual(Object.keys(sheets).sort(), ['About this file', 'Mitigations', 'Register']);
    assert.deepEqual(sheets['About this file'][1], ['Assessment', 'Sample (fictional): Domestic-abuse risk triage']);
    const [head, ...risks] = sheets.Register;
    assert.deepEqual(head.slice(0, 3), ['Id', 'Title', 'Description']);
    const sample = JSON.parse(readFileSync('content/samples/abuse-triage.json', 'utf8')).assessments[0];
    const register = sample.risk.register;
    assert.deepEqual(risks.map((r) => r[1]).sort(), register.map((r) => r.title).sort());
    const first = register[0];
    const row = risks.find((r) => r[1] === first.title);
    assert.equal(row[head.indexOf('Likelihood (1-5)')], String(first.likelihood), 'a rating as a number');
    const mitigations = register.flatMap((r) => r.mitigations.map((m) => ({ ...m, risk: r.title })));
    const [mHead, ...mRows] = sheets.Mitigations;
    assert.equal(mRows.length, mitigations.length);
    const dated = mitigations.find((m) => m.due);
    const dueRow = mRows.find((r) => r[mHead.indexOf('Action')] === dated.action);
    assert.equal(dueRow[mHead.indexOf('Due date')], dated.due, 'a due date reads as the date');
    await guards.assertClean('risk as a spreadsheet');
    await visit.context.close();
  });

  test('what a user typed shows as typed in the Word document and the spreadsheet, formulas included', async () => {
    const visit = await app.visit({ acceptDownloads: true });
    const { page, guards, ui, lib } = visit;
    await ui.open('/assessments');
    await lib.create({ title: 'Typed <text> & =1+2' });
    const typed = '=1+2 <b>bold?</b> & "quotes"\n+second line @A1';
    await page.getByRole('button', { name: 'Add notes and evidence R1.1' }).click();
    await page.getByLabel('Notes and evidence R1.1').fill(typed);
    await lib.waitSaved();
    await lib.openPart('Report');
    await page.locator('.report h1').waitFor();
    const word = await downloadFrom(page, 'Download report (Word)');
    const text = documentText(word.file);
    assert.ok(text.includes('Typed <text> & =1+2'), 'the title');
    assert.ok(text.includes('=1+2 <b>bold?</b> & "quotes"'), 'the note, first line');
    assert.ok(text.includes('+second line @A1'), 'the note, second line');
    const sheet = await downloadFrom(page, 'Download as a spreadsheet (Excel)');
    const answers = sheetRows(sheet.file).Answers;
    const r11 = answers.find((r) => r[0] === 'R1.1');
    assert.equal(r11[answers[0].indexOf('Notes')], typed, 'the note as typed, never computed');
    await guards.assertClean('typed text');
    await visit.context.close();
  });
});
