// End-to-end: review comments as two people exchange them by file, in two browser profiles. A
// respondent sends a risk assessment; a reviewer comments on two items; the respondent brings the
// comments in, resolves one, changes a rating and sends it back; the reviewer's copy combines both
// and is approved; a later edit shows what changed since. Also: "next open comment", and the name
// and role each browser remembers.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

const TITLE = 'Face search pilot';

/** A risk assessment with two risks in its register, as a respondent's earlier file holds it. */
function riskFile() {
  const risk = (id, title, l, s) => ({
    id, template: '', title, description: '', principles: ['P4.1'], affected_groups: [], stage: '',
    likelihood: l, severity: s, controls: '', mitigations: [], residual_likelihood: 0, residual_severity: 0,
    decision: null, decided_by: '', rationale: '',
  });
  const body = {
    format: 'rai-assess.answers', format_version: 2, app_version: '0.1.0', exported: 1795430400000,
    content: { id: 'rai-le-core', version: '1.0.0' },
    assessments: [{ id: 'risk-face-search', kind: 'risk', title: TITLE, subject: 'Northshire Police',
      respondent: { name: 'A. Okafor', role: 'Analyst' }, created: 1795000000000, updated: 1795000000000,
      content: { id: 'rai-le-core', version: '1.0.0' },
      answers: { application_type: { t: 'choice', v: 'image' }, 'S1.1.1': { t: 'choice', v: 'partly' } }, notes: {},
      risk: { register: [risk('K1', 'Biased matches', 4, 4), risk('K2', 'Stale watchlist', 3, 3)], dismissed: {}, snapshots: [] } }],
  };
  return { name: 'face-search.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) };
}

async function importFile(visit, file, { replace = false } = {}) {
  const { page, ui } = visit;
  await ui.open('/assessments');
  await page.getByLabel('Choose files to import').setInputFiles([file]);
  if (replace) {
    await page.getByRole('button', { name: `Replace ${TITLE}` }).click();
    await page.locator('.import-done', { hasText: 'replaced with the file' }).waitFor();
  } else {
    await page.locator('.import-done').waitFor();
  }
}

async function openReview(visit) {
  const { page, lib } = visit;
  await page.goto(page.url().replace(/#.*$/, '#/assessments'));
  await page.getByRole('link', { name: TITLE }).first().click();
  await page.waitForSelector('main h1');
  await lib.openPart('Review');
  await page.locator('#rv-comments').waitFor();
}

async function exportFile(page) {
  await page.goto(page.url().replace(/#.*$/, '#/assessments'));
  await page.waitForSelector('#export-heading');
  await page.getByRole('checkbox', { name: new RegExp(`^${TITLE} · `) }).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export answer file' }).click(),
  ]);
  return { name: download.suggestedFilename(), mimeType: 'application/json', buffer: readFileSync(await download.path()) };
}

/** Writes a comment on `on` (the option's words) and waits until it is drawn. */
async function comment(page, on, text) {
  await page.getByLabel('Comment on', { exact: true }).selectOption({ label: on });
  await page.getByLabel('Comment', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Add the comment' }).click();
  await page.locator('.comment', { hasText: text }).waitFor();
}

const status = (page) => page.locator('#rv-status').innerText();
const counted = (page) => page.locator('.review-comments > .review-count').innerText();

async function who(page, name, role) {
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel('Your role').fill(role);
}

describe('review comments', () => {
  test('comments go back and forth by file: resolved on one side, combined on the other, then approved', async () => {
    // The respondent has the assessment, asks for review and sends it.
    const respondent = await app.visit({ acceptDownloads: true });
    await importFile(respondent, riskFile());
    await openReview(respondent);
    await who(respondent.page, 'A. Okafor', 'Analyst');
    await respondent.page.getByRole('button', { name: 'Ask for review' }).click();
    await respondent.page.waitForFunction(() => /Status: In review/.test(document.querySelector('#rv-status')?.textContent ?? ''));
    await respondent.lib.waitSaved();
    const sent = await exportFile(respondent.page);

    // The reviewer comments on a risk and a question, and sends the file back.
    const reviewer = await app.visit({ acceptDownloads: true });
    await importFile(reviewer, sent);
    await openReview(reviewer);
    let page = reviewer.page;
    assert.equal(await counted(page), 'No comments yet.');
    await who(page, 'C. Reviewer', 'Head of legal');
    await comment(page, 'K1 · Biased matches', 'Likelihood 4: on what evidence?');
    // Focus is on the comment just added, and the box is empty for the next one.
    await page.waitForFunction(() => document.activeElement?.classList.contains('comment'));
    assert.equal(await page.getByLabel('Comment', { exact: true }).inputValue(), '');
    const question = await page.locator('#rv\\.on option[value="S1.1.1"]').innerText();
    await comment(page, question, 'Which watchlists does this cover?');
    assert.equal(await counted(page), '2 open, 0 resolved.');
    // And asks for the changes the two comments are about: a draft again until review is asked for.
    assert.match(await status(page), /Status: In review/);
    await page.getByRole('button', { name: 'Ask for changes' }).click();
    await page.waitForFunction(() => /Status: Draft/.test(document.querySelector('#rv-status')?.textContent ?? ''));
    assert.match(await page.locator('.review-line').innerText(), /^Changes asked for on \d{1,2} [A-Z][a-z]+ \d{4} by C\. Reviewer \(Head of legal\)/);
    assert.deepEqual(await axeViolations(page), [], 'axe on the review with comments');
    await reviewer.lib.waitSaved();
    const commented = await exportFile(page);
    assert.match(await reviewer.lib.card(TITLE).innerText(), /2 open comments/);
    // The reviewer goes on after sending: a comment the respondent's copy will not have.
    await openReview(reviewer);
    await comment(page, 'The assessment as a whole', 'Also: how long are matches kept?');
    await reviewer.lib.waitSaved();

    // The respondent replaces their copy with the reviewer's: the comments are there.
    await importFile(respondent, commented, { replace: true });
    assert.match(await respondent.lib.card(TITLE).innerText(), /2 open comments/);
    await openReview(respondent);
    page = respondent.page;
    assert.match(await page.locator('.review-line').innerText(), /^Changes asked for on .* by C\. Reviewer \(Head of legal\)/);
    await who(page, 'A. Okafor', 'Analyst');
    await page.getByRole('button', { name: 'Mark resolved: the comment by C. Reviewer (Head of legal) on K1' }).click();
    await page.locator('.comment.is-resolved', { hasText: 'Likelihood 4' }).getByText(/Resolved on \d{1,2} [A-Z][a-z]+ \d{4}, \d{2}:\d{2} UTC by A\. Okafor \(Analyst\)/).waitFor();
    assert.equal(await counted(page), '1 open, 1 resolved.');
    await respondent.lib.waitSaved();
    // And lowers the rating the comment was about.
    await respondent.lib.openPart('Register');
    await page.waitForSelector('#h-register');
    await page.locator('[id="rk.K1.l.2"]').check();
    await page.waitForFunction(() => document.getElementById('rk.K1.l.2')?.checked);
    await respondent.lib.waitSaved();
    const answered = await exportFile(page);
    await respondent.guards.assertClean('respondent');
    await respondent.context.close();

    // The reviewer's copy combines both: the comment written after sending kept, the one the
    // respondent resolved resolved; the name and role this browser remembers filled in; approved.
    await importFile(reviewer, answered, { replace: true });
    await openReview(reviewer);
    page = reviewer.page;
    assert.equal(await counted(page), '2 open, 1 resolved.');
    await page.locator('.comment.is-open', { hasText: 'how long are matches kept' }).waitFor();
    // The history came with the file: the respondent's change of rating, by name.
    const change = page.locator('.review-log tbody tr', { hasText: 'K1 · likelihood' }).first();
    assert.match(await change.innerText(), /A\. Okafor\s+K1 · likelihood\s+4\s+2/);
    assert.equal(await page.getByLabel('Your name').inputValue(), 'C. Reviewer');
    assert.equal(await page.getByLabel('Your role').inputValue(), 'Head of legal');
    assert.match(await page.locator('.review-approve').innerText(), /2 comments are still open/);
    await page.getByLabel('Statement').fill('Fit for the pilot, with the likelihood as revised.');
    await page.getByRole('button', { name: 'Approve as version 1' }).click();
    await page.waitForFunction(() => /Status: Approved/.test(document.querySelector('#rv-status')?.textContent ?? ''));
    await reviewer.lib.waitSaved();

    // A later edit: a draft changed since version 1, the rating named in what changed.
    await reviewer.lib.openPart('Register');
    await page.waitForSelector('#h-register');
    await page.locator('[id="rk.K1.s.3"]').check();
    await page.waitForFunction(() => document.getElementById('rk.K1.s.3')?.checked);
    await reviewer.lib.waitSaved();
    await reviewer.lib.openPart('Review');
    await page.locator('#rv-status').waitFor();
    assert.match(await page.locator('#rv-status').innerText(), /Status: Draft/);
    assert.match(await page.locator('.review-line').innerText(), /changed since version 1 was approved/);
    assert.match(await page.locator('.review-changes').innerText(), /K1 · severity\s+4\s+3/);
    await reviewer.guards.assertClean('reviewer');
    await reviewer.context.close();
  });

  test('"Next open comment" moves focus to each open comment in turn, skipping resolved ones', async () => {
    const visit = await app.visit();
    await importFile(visit, riskFile());
    await openReview(visit);
    const { page, guards } = visit;
    await who(page, 'C. Reviewer', 'Head of legal');
    await comment(page, 'K1 · Biased matches', 'First');
    await comment(page, 'K2 · Stale watchlist', 'Second');
    await comment(page, 'The assessment as a whole', 'Third');
    await page.getByRole('button', { name: 'Mark resolved: the comment by C. Reviewer (Head of legal) on K2' }).click();
    await page.locator('.comment.is-resolved', { hasText: 'Second' }).waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.querySelector('.comment-text')?.textContent);
    const next = async (text) => {
      await page.getByRole('button', { name: 'Next open comment' }).click();
      await page.waitForFunction((t) => document.activeElement?.querySelector('.comment-text')?.textContent === t, text);
    };
    // In the panel's order: the assessment as a whole first, then the register; round again.
    await next('Third');
    await next('First');
    await next('Third');
    assert.equal(await focused(), 'Third');
    await guards.assertClean('next open');
    await visit.context.close();
  });

  test('the public version of the report leaves out a restricted risk, and its downloads do too', async () => {
    const visit = await app.visit({ acceptDownloads: true });
    await importFile(visit, riskFile());
    await openReview(visit);
    const { page, guards } = visit;
    await page.getByLabel('K1 · Biased matches').check();
    await visit.lib.waitSaved();
    await page.getByRole('link', { name: 'Open the public version of the report' }).click();
    await page.locator('.r-title-page').waitFor();
    assert.match(await page.locator('.report-head .notice').innerText(), /public version of the report/);
    assert.match(await page.locator('.r-title-page').innerText(), /Public version: 1 restricted item\(s\) and the review's comments left out/);
    const report = await page.locator('.report').innerText();
    assert.ok(!report.includes('Biased matches'), 'the restricted risk is not in the public report');
    assert.ok(report.includes('Stale watchlist'));
    assert.deepEqual(await axeViolations(page), [], 'axe on the public version');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Markdown/ }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    assert.ok(!text.includes('Biased matches') && text.includes('Stale watchlist'));
    // The full report still has it.
    await visit.lib.openPart('Report');
    await page.locator('.report', { hasText: 'Biased matches' }).waitFor();
    await guards.assertClean('public version');
    await visit.context.close();
  });
});
