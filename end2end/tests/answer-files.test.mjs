// End-to-end: answer files between browser profiles, plain and encrypted; a set of bad files; the
// same assessment imported twice; a downloaded HTML report imported back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';
import { QuestionsPage } from '../pages/questions-page.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

const NOTE = 'Board minutes 3 March <img src=x onerror="window.__pwned=1"> & "quotes"';
const CHOICES = { 'R1.1': 3, 'R1.2': 5, 'R2.1': 6, 'R9.6': 0 };

/** A readiness assessment with a few answers and a note containing markup, in a fresh profile. */
async function answered(title) {
  const visit = await app.visit({ acceptDownloads: true });
  const { page, ui, lib } = visit;
  await ui.open('/assessments');
  await lib.create({ title, subject: 'Northshire Police', name: 'A. Okafor', role: 'Ethics officer' });
  for (const [id, k] of Object.entries(CHOICES)) await page.locator(`[id="q-${id}-${k}"]`).check();
  await page.getByRole('button', { name: 'Add notes and evidence R1.1' }).click();
  await page.getByLabel('Notes and evidence R1.1').fill(NOTE);
  await lib.waitSaved();
  return visit;
}

async function exportFrom(page, { titles, passphrase = '' }) {
  await page.goto(page.url().replace(/#.*$/, '#/assessments'));
  await page.waitForSelector('#export-heading');
  for (const t of titles) await page.getByRole('checkbox', { name: new RegExp(`^${t} · `) }).check();
  if (passphrase) {
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Passphrase again').fill(passphrase);
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export answer file' }).click(),
  ]);
  if (passphrase) {
    // Once the file is written, the passphrase does not stay on screen for the next person.
    await page.waitForFunction(() => [...document.querySelectorAll('#x-pass, #x-pass2')].every((i) => i.value === ''));
  }
  return { name: download.suggestedFilename(), buffer: readFileSync(await download.path()) };
}

async function importFiles(page, files) {
  await page.getByLabel('Choose files to import').setInputFiles(
    files.map((f) => ({ name: f.name, mimeType: 'application/json', buffer: f.buffer })));
}

async function results(page, count) {
  await page.waitForFunction((n) => document.querySelectorAll('.import-results > li').length >= n, count);
  return page.locator('.import-results > li').allInnerTexts();
}

describe('answer files', () => {
  test('exported in one profile, imported in a fresh one: every answer and note identical', async () => {
    const source = await answered('Shared readiness');
    const file = await exportFrom(source.page, { titles: ['Shared readiness'] });
    assert.match(file.name, /^rai-assess_readiness_shared-readiness_\d{4}-\d{2}-\d{2}\.json$/);
    const json = JSON.parse(file.buffer.toString('utf8'));
    assert.equal(json.format, 'rai-assess.answers');
    assert.equal(json.format_version, 8);
    assert.match(json.assessments[0].fingerprint, /^sha256:[0-9a-f]{64}$/);
    await source.context.close();

    const { context, page, guards, ui, lib } = await app.visit();
    const q = new QuestionsPage(page);
    await ui.open('/assessments');
    await importFiles(page, [file]);
    const [row] = await results(page, 1);
    assert.match(row, /Imported: .* 1 new assessment\(s\) added\./);
    assert.match(row, /content matches the fingerprint recorded in the file/);
    await page.getByRole('link', { name: 'Shared readiness' }).first().click();
    await page.waitForSelector('fieldset.question');
    for (const [id, k] of Object.entries(CHOICES)) assert.equal(await q.checkedIndex(id), k, id);
    assert.equal(await page.getByLabel('Notes and evidence R1.1').inputValue(), NOTE);
    assert.equal(await page.getByLabel('Agency, unit or AI system it is about').inputValue(), 'Northshire Police');
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'the markup in the note never ran');
    await guards.assertClean('import');
    await context.close();
  });

  test('a file changed after export is imported with a warning that names the assessment', async () => {
    const source = await answered('Signed readiness');
    const file = await exportFrom(source.page, { titles: ['Signed readiness'] });
    await source.context.close();
    // One byte of one note, as a hand edit would: the file still reads, its content is not what was fingerprinted.
    const text = file.buffer.toString('utf8');
    assert.ok(text.includes('Board minutes 3 March'));
    const changed = { name: file.name, buffer: Buffer.from(text.replace('Board minutes 3 March', 'Board minutes 4 March')) };

    const { context, page, guards, ui } = await app.visit();
    await ui.open('/assessments');
    await importFiles(page, [changed]);
    const [row] = await results(page, 1);
    assert.match(row, /1 new assessment\(s\) added\./);
    const warning = page.locator('.import-done .field-error');
    assert.match(await warning.innerText(),
      /content of “Signed readiness” does not match the fingerprint recorded in the file.*shows that content changed, not who changed it/s);
    assert.doesNotMatch(row, /content matches the fingerprint recorded in the file/);
    assert.match(await page.locator('.library').textContent(), /Signed readiness/, 'imported all the same');
    assert.deepEqual(await axeViolations(page), []);
    await guards.assertClean('fingerprint');
    await context.close();
  });

  test('the report shows the fingerprint its answer file carries, in groups a person can compare', async () => {
    const { context, page, guards, lib } = await answered('Printed readiness');
    const file = await exportFrom(page, { titles: ['Printed readiness'] });
    const hex = JSON.parse(file.buffer.toString('utf8')).assessments[0].fingerprint.slice('sha256:'.length);
    const grouped = hex.match(/.{4}/g).join(' ');
    await page.getByRole('link', { name: 'Printed readiness' }).first().click();
    await lib.openPart('Report');
    const facts = page.locator('.r-title-page');
    await facts.waitFor();
    assert.match(await facts.innerText(), new RegExp(`Fingerprint \\(SHA-256\\)\\s+${grouped}`));
    await guards.assertClean('report fingerprint');
    await context.close();
  });

  test('an encrypted file: a wrong passphrase imports nothing, the right one imports it', async () => {
    const source = await answered('Secret readiness');
    const file = await exportFrom(source.page, { titles: ['Secret readiness'], passphrase: 'correct horse battery' });
    assert.match(file.name, /_encrypted\.json$/);
    const text = file.buffer.toString('utf8');
    assert.doesNotMatch(text, /Secret readiness|Board minutes/, 'nothing readable in the file');
    const envelope = JSON.parse(text);
    assert.equal(envelope.encryption.kdf, 'PBKDF2-SHA-256');
    assert.ok(envelope.encryption.iterations >= 600000);
    assert.equal(envelope.encryption.cipher, 'AES-256-GCM');
    await source.context.close();

    const { context, page, guards, ui } = await app.visit();
    await ui.open('/assessments');
    await importFiles(page, [file]);
    await results(page, 1);
    assert.match(await page.locator('.import-locked').innerText(), /encrypted\. Enter its passphrase/);
    await page.locator('.import-locked').getByLabel('Passphrase').fill('wrong horse');
    await page.getByRole('button', { name: 'Unlock and import' }).click();
    await page.locator('.import-locked').getByText('The passphrase is wrong').waitFor();
    // textContent, not innerText: cards out of view are not laid out (content-visibility: auto), and
    // innerText reads nothing from them whatever they hold.
    assert.equal(await page.locator('.library .assessment-card').count(), 0, 'nothing imported');
    await page.locator('.import-locked').getByLabel('Passphrase').fill('correct horse battery');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.import-done');
    assert.match(await page.locator('.import-done').innerText(), /now stored in this browser without encryption/);
    assert.match(await page.locator('.library').textContent(), /Secret readiness/);
    assert.deepEqual(await axeViolations(page), []);
    await guards.assertClean('encrypted');
    await context.close();
  });

  test('the passphrase\'s strength is said as it is typed, and only the minimum is enforced', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    await lib.create({ title: 'Strength check' });
    await ui.clickNav('Assessments');
    const field = page.getByLabel('Passphrase', { exact: true });
    const said = () => page.locator('#x-pass-strength').innerText();
    await field.fill('abc');
    assert.equal(await said(), 'Too short: at least 8 characters.');
    await field.fill('kqzvmwtx');
    assert.match(await said(), /^Weak: about 37 bits\./);
    await field.fill('abcdefghijklmnopqrstuvwxyz');
    assert.match(await said(), /^Weak: /, 'a run adds little');
    await field.fill('correct horse battery staple');
    assert.equal(await said(), 'Strong: about 141 bits.');
    assert.match(await field.getAttribute('aria-describedby'), /x-pass-strength/);
    await guards.assertClean('strength');
    await context.close();
  });

  test('bad files each say what is wrong and change nothing', async () => {
    const { context, page, ui } = await app.visit();
    await ui.open('/assessments');
    const good = JSON.parse(readFileSync('tests/fixtures/answer-files/v1.json', 'utf8'));
    const tooNew = { ...good, format_version: 99, app_version: '6.0.0' };
    const badLevel = structuredClone(good);
    badLevel.assessments[0].answers['R1.1'].v = 9;
    const files = [
      { name: 'broken.json', buffer: Buffer.from('{"format": "rai-assess.answers",\n  "format_version": 1,,}') },
      { name: 'other-tool.json', buffer: Buffer.from('{"format": "cnil-pia", "data": []}') },
      { name: 'future.json', buffer: Buffer.from(JSON.stringify(tooNew)) },
      { name: 'huge.json', buffer: Buffer.alloc(11 * 1024 * 1024, 32) },
      { name: 'bad-level.json', buffer: Buffer.from(JSON.stringify(badLevel)) },
    ];
    await importFiles(page, files);
    const rows = (await results(page, files.length)).reverse();
    const expected = [
      /broken\.json: the file is not valid JSON at line 2, column \d+/,
      /other-tool\.json: this is not an RAI Assess answer file: expected "format": "rai-assess.answers", found "format": "cnil-pia"/,
      /future\.json: this file was written by RAI Assess 6\.0\.0 in answer-file format 99.*Open it with RAI Assess 6\.0\.0 or later/,
      /huge\.json: the file is 11\.0 MB; answer files are at most 10 MB, so it was not read/,
      /bad-level\.json: at assessments\[0\]\.answers\.R1\.1: expected a level from 0 to 4, found 9/,
    ];
    for (const [i, re] of expected.entries()) {
      assert.match(rows[i], re);
      assert.match(rows[i], /Nothing was imported from this file\./);
    }
    assert.equal(await page.locator('.library .assessment-card').count(), 0, 'nothing imported');
    await context.close();
  });

  test('the same assessment twice: keep both or replace; a downloaded report imports back', async () => {
    const source = await answered('Twice readiness');
    const { page } = source;
    const file = await exportFrom(page, { titles: ['Twice readiness'] });
    await importFiles(page, [file]);
    const [row] = await results(page, 1);
    assert.match(row, /"Twice readiness" is already in this browser/);
    await page.getByRole('button', { name: 'Keep both Twice readiness' }).click();
    await page.getByText('Added as "Twice readiness (imported)".').waitFor();
    assert.equal(await page.locator('.library .assessment-card').count(), 2);

    // The report carries the answers: importing it in a fresh profile restores them.
    await page.getByRole('link', { name: 'Twice readiness', exact: true }).click();
    await page.getByRole('link', { name: 'Report' }).click();
    await page.waitForSelector('.report h1');
    // Told what the answers inside include, the user chooses: by default they stay out.
    const carry = page.getByLabel('Put the answers inside the HTML report, so it can be imported back into the app');
    assert.equal(await carry.isChecked(), false);
    assert.match(await page.locator('#report-carry-hint').innerText(), /including what the report does not show/);
    const [bare] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download report (HTML)' }).click(),
    ]);
    const bareText = readFileSync(await bare.path(), 'utf8');
    assert.match(bareText, /<h1>Twice readiness<\/h1>/);
    assert.doesNotMatch(bareText, /rai-answer-file|application\/json/, 'no answer file inside');
    await carry.check();
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download report (HTML)' }).click(),
    ]);
    const report = { name: dl.suggestedFilename(), buffer: readFileSync(await dl.path()) };
    await source.context.close();

    const fresh = await app.visit();
    await fresh.ui.open('/assessments');
    await fresh.page.getByLabel('Choose files to import').setInputFiles([{ name: report.name, mimeType: 'text/html', buffer: report.buffer }]);
    const [imported] = await results(fresh.page, 1);
    assert.match(imported, /1 new assessment\(s\) added/);
    await fresh.page.getByLabel('Choose files to import').setInputFiles([{ name: 'bare.html', mimeType: 'text/html', buffer: Buffer.from(bareText) }]);
    assert.match((await results(fresh.page, 2))[0], /bare\.html: this HTML file holds no answers/);
    await fresh.page.getByRole('link', { name: 'Twice readiness' }).click();
    await fresh.page.waitForSelector('fieldset.question');
    assert.equal(await new QuestionsPage(fresh.page).checkedIndex('R1.1'), CHOICES['R1.1']);
    // Importing it again and replacing keeps one copy.
    await fresh.ui.open('/assessments');
    await fresh.page.getByLabel('Choose files to import').setInputFiles([{ name: report.name, mimeType: 'text/html', buffer: report.buffer }]);
    await fresh.page.waitForSelector('.conflict');
    await fresh.page.getByRole('button', { name: 'Replace Twice readiness' }).click();
    await fresh.page.getByText('"Twice readiness" replaced with the file\'s version.').waitFor();
    assert.equal(await fresh.page.locator('.library .assessment-card').count(), 1);
    // A third time: keep both and go straight to comparing them.
    await fresh.page.getByLabel('Choose files to import').setInputFiles([{ name: report.name, mimeType: 'text/html', buffer: report.buffer }]);
    await fresh.page.waitForSelector('.import-results > li:first-child .conflict');
    await fresh.page.getByRole('button', { name: 'Compare and merge Twice readiness' }).first().click();
    await fresh.page.waitForSelector('table.compare');
    assert.match(await fresh.ui.mainText(), /Comparing 2 assessments/);
    await fresh.guards.assertClean('report import');
    await fresh.context.close();
  });

  test('three respondents imported, compared side by side and merged', async () => {
    const { context, page, guards, ui } = await app.visit();
    const q = new QuestionsPage(page);
    const file = (name, answers, note) => {
      const id = `resp-${name.toLowerCase()}`;
      const body = {
        format: 'rai-assess.answers', format_version: 1, app_version: '0.1.0', exported: 1795430400000,
        content: { id: 'rai-le-core', version: '1.0.0' },
        assessments: [{ id, kind: 'readiness', title: `Readiness, ${name}`, subject: 'Northshire Police',
          respondent: { name, role: '' }, created: 1795000000000, updated: 1795000000000,
          content: { id: 'rai-le-core', version: '1.0.0' }, answers, notes: note ? { 'R1.1': note } : {} }],
      };
      return { name: `${name}.json`, buffer: Buffer.from(JSON.stringify(body)) };
    };
    const level = (v) => ({ t: 'level', v });
    await ui.open('/assessments');
    await importFiles(page, [
      file('Ana', { 'R1.1': level(1), 'R1.2': level(3), 'R1.3': level(2), 'R2.1': level(3) }, 'Draft only.'),
      file('Ben', { 'R1.1': level(4), 'R1.2': level(3), 'R1.3': level(2) }, 'Signed in May.'),
      file('Cai', { 'R1.1': level(2), 'R1.2': { t: 'dont_know' }, 'R1.3': level(2) }),
    ]);
    await results(page, 3);
    for (const name of ['Ana', 'Ben', 'Cai']) await page.getByRole('checkbox', { name: new RegExp(`^Readiness, ${name} · `) }).check();
    await page.getByRole('button', { name: 'Compare and merge selected' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Compare and merge');
    const row = (id) => page.locator('table.compare tr', { has: page.locator(`select[name="${id}"]`) });
    assert.match(await row('R1.1').innerText(), /1 · .*\t4 · .*\t2 · .*≠ differ, spread 3/s);
    assert.match(await row('R1.2').innerText(), /≠ differ/);
    assert.match(await page.locator('.c-section').first().innerText(), /Agreement: 1 of 3 questions/);
    // Every section's table: those after the first arrive once it is on screen.
    const sections = readFileSync(new URL('../../content/readiness.toml', import.meta.url), 'utf8').match(/^\[\[dimension\]\]$/gm).length;
    await page.waitForFunction((n) => document.querySelectorAll('.c-section h2').length === n, sections);
    assert.match(await row('R2.1').textContent(), /3 · .*–.*–/s, "Ana's answer in the second section");
    await page.getByLabel('Show disagreements only').check();
    assert.equal(await row('R1.3').isVisible(), false, 'agreeing rows hidden');
    assert.equal(await row('R1.1').isVisible(), true);
    assert.deepEqual(await axeViolations(page), []);
    await page.getByLabel('Merged answer for R1.2').selectOption({ label: "Cai: Don't know" });
    await page.getByLabel('Title of the merged assessment').fill('Agreed readiness');
    await page.getByRole('button', { name: 'Create merged assessment' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Agreed readiness');
    await page.waitForSelector('fieldset.question');
    assert.equal(await q.checkedIndex('R1.1'), 2, 'the median of 1, 4, 2');
    assert.equal(await q.checkedIndex('R1.2'), 5, "Cai's don't know, as chosen");
    assert.equal(await q.checkedIndex('R1.3'), 2, 'all agreed');
    assert.equal(await q.checkedIndex('R2.1'), 3, 'the only answer, from the second section');
    assert.equal(await page.getByLabel('Notes and evidence R1.1').inputValue(), 'Ana: Draft only.\n\nBen: Signed in May.');
    assert.equal(await page.getByLabel('Your name').inputValue(), 'Ana, Ben, Cai');
    await ui.open('/assessments');
    assert.equal(await page.locator('.library .assessment-card').count(), 4, 'the three sources are untouched');
    await guards.assertClean('merge');
    await context.close();
  });
});
