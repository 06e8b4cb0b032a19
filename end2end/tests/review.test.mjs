// End-to-end: review and sign-off as two people would do it with files, in two browser profiles:
// asking for review, approving, the status on the library and in reports, what changed since an
// approval, the approved version's report as it was, and approvals travelling in answer files.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

/** A readiness assessment with two answers, open on its Review tab, in a fresh profile. */
async function reviewing(title) {
  const visit = await app.visit({ acceptDownloads: true });
  const { page, ui, lib } = visit;
  await ui.open('/assessments');
  await lib.create({ title, subject: 'Northshire Police', name: 'A. Okafor', role: 'Analyst' });
  await page.locator('[id="q-R1.1-3"]').check();
  await page.locator('[id="q-R1.2-2"]').check();
  await lib.waitSaved();
  await lib.openPart('Review');
  await page.locator('#rv-status').waitFor();
  return visit;
}

const status = (page) => page.locator('#rv-status').innerText();

async function sign(page, { name = 'C. Reviewer', role = 'Head of legal', statement = 'Fit for the pilot.' } = {}) {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your role').fill(role);
  if (statement) await page.getByLabel('Statement').fill(statement);
}

async function approve(page, version = 1) {
  await page.getByRole('button', { name: `Approve as version ${version}` }).click();
  await page.waitForFunction(() => /Status: Approved/.test(document.querySelector('#rv-status')?.textContent ?? ''));
}

async function exportFile(page, title) {
  await page.goto(page.url().replace(/#.*$/, '#/assessments'));
  await page.waitForSelector('#export-heading');
  await page.getByRole('checkbox', { name: new RegExp(`^${title} · `) }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export answer file' }).click(),
  ]);
  return { name: download.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(await download.path()) };
}

describe('review and sign-off', () => {
  test('asked for review, then approved: the status shows on the review, the library card and its filter', async () => {
    const { context, page, guards, lib } = await reviewing('Reviewed readiness');
    assert.match(await status(page), /Status: Draft/);
    await sign(page, { statement: '' });
    await page.getByRole('button', { name: 'Ask for review' }).click();
    await page.waitForFunction(() => /Status: In review/.test(document.querySelector('#rv-status')?.textContent ?? ''));
    assert.match(await page.locator('.review-line').innerText(), /asked for on \d{1,2} [A-Z][a-z]+ \d{4} by C\. Reviewer \(Head of legal\)/);
    await page.getByLabel('Statement').fill('Fit for the pilot.');
    await approve(page);
    // Focus moves to the new status (waited for: focus follows the drawing).
    await page.waitForFunction(() => document.activeElement?.id === 'rv-status');
    assert.match(await page.locator('.review-line').innerText(), /Version 1, approved on \d{1,2} [A-Z][a-z]+ \d{4} by C\. Reviewer/);
    assert.match(await page.locator('.review-signoff').innerText(), /Fit for the pilot\.[\s\S]*Fingerprint \(SHA-256\)\s+([0-9a-f]{4} ){15}[0-9a-f]{4}/);
    assert.deepEqual(await axeViolations(page), []);
    await lib.waitSaved();

    await page.goto(page.url().replace(/#.*$/, '#/assessments'));
    await lib.cards().first().waitFor();
    assert.match(await lib.card('Reviewed readiness').innerText(), /Approved \(version 1\)/);
    await page.getByLabel('Review status').selectOption('in_review');
    assert.equal(await lib.cards().count(), 0);
    await page.getByLabel('Review status').selectOption('approved');
    assert.deepEqual(await lib.cardTitles(), ['Reviewed readiness']);
    assert.deepEqual(await axeViolations(page), [], 'axe on the library filtered by status');
    await guards.assertClean('approve');
    await context.close();
  });

  test('an edit after approval makes a draft that shows what changed; the approved version stays as it was', async () => {
    const { context, page, guards, lib } = await reviewing('Changed readiness');
    await sign(page);
    await approve(page);
    await lib.waitSaved();
    await lib.openPart('Answer');
    await page.locator('[id="q-R1.1-1"]').check();
    await lib.waitSaved();
    await lib.openPart('Review');
    await page.locator('#rv-status').waitFor();
    assert.match(await status(page), /Status: Draft/);
    assert.match(await page.locator('.review-line').innerText(), /changed since version 1 was approved/);
    assert.match(await page.locator('[aria-labelledby="rv-changes"] .review-count').innerText(), /^1 change\(s\) from version 1 to now \(the current draft\)\./);
    const row = await page.locator('.review-changes tbody tr').innerText();
    assert.match(row, /^R1\.1/);
    assert.notEqual(...row.split('\t').slice(-2), 'before and after differ');
    // The history names the change, by the name given on the review panel.
    assert.match(await page.locator('.review-log tbody tr').first().innerText(), /C\. Reviewer\s+R1\.1\s/);
    assert.deepEqual(await axeViolations(page), []);

    // The current report says it changed; version 1's report shows the answer as approved.
    await lib.openPart('Report');
    await page.locator('.r-title-page').waitFor();
    assert.match(await page.locator('.r-title-page').innerText(), /Draft: changed since version 1 was approved/);
    const now = await page.locator('.report').innerText();
    await lib.openPart('Review');
    await page.getByRole('link', { name: 'Open the report of version 1 as approved' }).click();
    await page.locator('.r-title-page').waitFor();
    assert.match(await page.locator('.r-title-page').innerText(), /Approved: version 1, on \d{1,2} [A-Z][a-z]+ \d{4} by C\. Reviewer \(Head of legal\)[\s\S]*Fit for the pilot\./);
    assert.match(await page.locator('.report-head .notice').innerText(), /version 1 as it was approved/);
    assert.notEqual(await page.locator('.report').innerText(), now);
    assert.deepEqual(await axeViolations(page), [], 'axe on the approved version\'s report');
    await guards.assertClean('changed since approval');
    await context.close();
  });

  test('after an approval, the answer view shows the status and marks each question changed since', async () => {
    const { context, page, guards, lib } = await reviewing('Marked readiness');
    await sign(page);
    await approve(page);
    await lib.waitSaved();
    await lib.openPart('Answer');
    const header = page.locator('.assessment-status');
    await page.waitForFunction(() => /Status: Approved \(version 1\)/.test(document.querySelector('.assessment-status')?.textContent ?? ''));
    assert.equal(await page.locator('.changed-mark').count(), 0);
    // A changed answer: its question is marked in words, the status says so and links to the diff.
    await page.locator('[id="q-R1.1-1"]').check();
    await page.waitForFunction(() => document.querySelectorAll('.changed-mark').length === 1);
    // Named as one would hear it: the question, then the mark.
    await page.getByRole('group', { name: /^R1\.1 Does the agency .+\?\s*,\s*Changed since version 1 was approved$/ }).waitFor();
    await page.waitForFunction(() => /Draft \(changed since version 1\)/.test(document.querySelector('.assessment-status')?.textContent ?? ''));
    assert.equal(await page.getByRole('link', { name: 'See what changed since the approval' }).getAttribute('href'), `#/assessments/${lib.currentId()}/review`);
    // A note typed on another question marks it too, once saved.
    await page.getByRole('button', { name: 'Add notes and evidence R1.3' }).click();
    await page.getByLabel('Notes and evidence R1.3').fill('Asked the data protection officer.');
    await page.waitForFunction(() => document.querySelectorAll('.changed-mark').length === 2);
    assert.match(await page.locator('[id="q-R1.3"] legend').innerText(), /Changed since version 1 was approved$/);
    assert.deepEqual(await axeViolations(page), []);
    // Put back as approved, nothing is marked and it is approved again.
    await page.locator('[id="q-R1.1-3"]').check();
    await page.getByLabel('Notes and evidence R1.3').fill('');
    await page.getByLabel('Notes and evidence R1.3').blur();
    await page.waitForFunction(() => document.querySelectorAll('.changed-mark').length === 0);
    await page.waitForFunction(() => /Status: Approved \(version 1\)/.test(document.querySelector('.assessment-status')?.textContent ?? ''));
    assert.match(await header.innerText(), /^Status: Approved \(version 1\)$/);
    assert.equal(await page.getByRole('link', { name: 'See what changed since the approval' }).count(), 0);
    await guards.assertClean('changed since approval marks');
    await context.close();
  });

  test('a next review date that has passed marks the assessment "review due" on the review and in the library', async () => {
    const { context, page, guards, lib } = await reviewing('Yearly readiness');
    await page.getByLabel('Review again by').fill('2020-01-31');
    await page.getByLabel('A change in the law').check();
    await lib.waitSaved();
    // Drawn again (as after a reload), the panel says it is due and keeps what was chosen.
    await lib.openPart('Answer');
    await lib.openPart('Review');
    await page.locator('#rv-status').waitFor();
    assert.match(await page.locator('.review-now').innerText(), /Review due since 31 January 2020\./);
    assert.equal(await page.getByLabel('Review again by').inputValue(), '2020-01-31');
    assert.ok(await page.getByLabel('A change in the law').isChecked());
    assert.deepEqual(await axeViolations(page), []);
    // The report says when the next review is.
    await lib.openPart('Report');
    await page.locator('.r-title-page').waitFor();
    assert.match(await page.locator('.r-title-page').innerText(), /Next review\s+By 31 January 2020, or sooner on any of: A change in the law/);
    await page.goto(page.url().replace(/#.*$/, '#/assessments'));
    await lib.cards().first().waitFor();
    assert.match(await lib.card('Yearly readiness').innerText(), /Draft · review due since 31 January 2020/);
    await guards.assertClean('review due');
    await context.close();
  });

  test('approving without a statement says what is missing and moves focus to it', async () => {
    const { context, page, guards } = await reviewing('Unsigned readiness');
    await sign(page, { statement: '' });
    await page.getByRole('button', { name: 'Approve as version 1' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('[role="alert"]')].some((p) => !p.hidden && /approval statement/.test(p.textContent)));
    // Focus moves to the field to fill, in the frame after the problem is shown.
    await page.waitForFunction(() => document.activeElement?.id === 'rv.statement');
    assert.match(await status(page), /Status: Draft/);
    await guards.assertClean('unsigned');
    await context.close();
  });

  test('an approval travels in the answer file: the respondent replaces their copy and keeps working on it', async () => {
    const respondent = await reviewing('Shared review');
    const file = await exportFile(respondent.page, 'Shared review');

    const reviewer = await app.visit({ acceptDownloads: true });
    await reviewer.ui.open('/assessments');
    await reviewer.page.getByLabel('Choose files to import').setInputFiles([file]);
    await reviewer.page.locator('.import-done').waitFor();
    await reviewer.page.getByRole('link', { name: 'Shared review' }).first().click();
    await reviewer.page.waitForSelector('fieldset.question');
    await reviewer.lib.openPart('Review');
    await reviewer.page.locator('#rv-status').waitFor();
    await sign(reviewer.page);
    await approve(reviewer.page);
    await reviewer.lib.waitSaved();
    const approved = await exportFile(reviewer.page, 'Shared review');
    const json = JSON.parse(approved.buffer.toString('utf8'));
    assert.equal(json.assessments[0].review.approvals[0].by, 'C. Reviewer');

    const { page, lib, guards } = respondent;
    await page.getByLabel('Choose files to import').setInputFiles([approved]);
    await page.getByRole('button', { name: 'Replace Shared review' }).click();
    await page.locator('.import-done', { hasText: 'replaced with the file' }).waitFor();
    assert.match(await lib.card('Shared review').innerText(), /Approved \(version 1\)/);

    // The respondent keeps working and sends it back: the reviewer's approved copy is not edited;
    // the import says the file's content is a new draft.
    await page.getByRole('link', { name: 'Shared review' }).first().click();
    await page.locator('[id="q-R1.1-1"]').check();
    await page.waitForFunction(() => /Draft \(changed since version 1\)/.test(document.querySelector('.assessment-status')?.textContent ?? ''));
    const edited = await exportFile(page, 'Shared review');
    await reviewer.ui.open('/assessments');
    await reviewer.page.getByLabel('Choose files to import').setInputFiles([edited]);
    await reviewer.page.getByRole('button', { name: 'Replace Shared review' }).click();
    await reviewer.page.locator('.import-done', { hasText: 'a new draft, changed since version 1 was approved, which stays as it was' }).waitFor();
    assert.match(await reviewer.lib.card('Shared review').innerText(), /Draft \(changed since version 1\)/);
    await guards.assertClean('travel');
    await respondent.context.close();
    await reviewer.context.close();
  });
});
