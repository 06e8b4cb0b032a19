// End-to-end: the life-cycle workbook of the face-search pilot, bought from a supplier. The route
// hides the design stage; a prompt is answered and a check does not apply without a reason; the
// decision stage is marked complete only with an override of its open blocking checks; a decision
// with a condition is recorded (after the app refused an incomplete one), then superseded; the
// results show the overdue condition; the report carries the log and imports back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

const byId = (page, id) => page.locator(`[id="${id}"]`);

async function tab(page, name) {
  await page.getByRole('navigation', { name: 'Parts of this assessment' }).getByRole('link', { name }).click();
}

/** Waits until the workbook's editor is drawn by the tools module. */
async function ready(page) {
  await page.waitForSelector('[id="ws.decide"]');
}

describe('the life-cycle workbook', () => {
  test('route, prompts, checks, sign-off with override, decisions recorded and superseded, results, report', async (t) => {
    const { page, guards, ui, lib } = await app.visit({ acceptDownloads: true });
    await ui.open('/assessments');
    await lib.create({ title: 'Face search pilot', kind: 'Life-cycle workbook', subject: 'Missing-persons unit' });
    await ready(page);
    const decide = byId(page, 'ws.decide');

    await t.test('Choosing "Buy" by keyboard hides the design stage and shows procurement', async () => {
      assert.equal(await byId(page, 'ws.design').count(), 1, 'every stage before a route is chosen');
      await byId(page, 'wb.route.build').focus();
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(() => !document.getElementById('ws.design'));
      assert.equal(await byId(page, 'wb.route.buy').isChecked(), true);
      assert.equal(await byId(page, 'ws.procure').count(), 1);
      assert.equal(await page.evaluate(() => document.activeElement.id), 'wb.route.buy', 'focus stays on the route');
      assert.deepEqual(await axeViolations(page), [], 'axe on the workbook');
    });

    await t.test('A prompt answered shows in the stage progress once the field is left', async () => {
      await decide.getByLabel(/What operational problem are you trying to solve/).fill('Missing children take days to find in CCTV.');
      await page.keyboard.press('Tab');
      await byId(page, 'ws.decide.p').getByText(/^1 of \d+ prompts answered/).waitFor();
    });

    await t.test('A check that does not apply asks for the reason, and counts once it is given', async () => {
      await byId(page, 'wc.W1.C3.state.done').check();
      await byId(page, 'wc.W1.C5.state.na').check();
      await decide.getByText('Give the reason this check does not apply').waitFor();
      await byId(page, 'wc.W1.C5.note').fill('Covered by the force-wide consultation of 2025');
      await page.keyboard.press('Tab');
      await decide.getByText('Give the reason this check does not apply').waitFor({ state: 'detached' });
      await byId(page, 'ws.decide.p').getByText(/2 of \d+ checks settled/).waitFor();
    });

    await t.test('The stage cannot be marked complete with open blocking checks until an override is recorded', async () => {
      await byId(page, 'ws.decide.complete').click();
      await page.getByRole('alert').getByText(/cannot be marked complete: the blocking checks W1\.C6, W1\.C8, W1\.C9 are not done/).waitFor();
      assert.equal(await byId(page, 'ws.decide.complete').isChecked(), false, 'the box shows the truth after the refusal');
      await byId(page, 'ws.decide.by').fill('A. Chief, Deputy Chief Constable');
      await byId(page, 'ws.decide.why').fill('The DPIA is opened; the DPO signs off before contract award.');
      await byId(page, 'ws.decide.complete').check();
      await byId(page, 'ws.decide.p').getByText('Complete').waitFor();
      await page.reload();
      await ready(page);
      assert.equal(await byId(page, 'ws.decide.complete').isChecked(), true, 'saved');
    });

    await t.test('A decision is refused until complete, then recorded and locked', async () => {
      await decide.getByRole('button', { name: 'Log a decision' }).click();
      await byId(page, 'we.D1.verdict').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement.id), 'we.D1.verdict');
      await byId(page, 'we.D1.verdict').selectOption('go_with_conditions');
      await byId(page, 'we.D1.by').fill('A. Chief');
      await byId(page, 'we.D1.role').fill('Deputy Chief Constable');
      await byId(page, 'we.D1.authority').fill('Scheme of delegation, 4.2');
      await byId(page, 'we.D1.rationale').fill('The need is shown and the legal basis confirmed.');
      await page.getByRole('button', { name: 'Record this decision' }).click();
      await page.getByRole('alert').getByText('Decision D1 cannot be recorded yet: give at least one condition.').waitFor();
      await page.getByRole('button', { name: 'Add a condition' }).click();
      await byId(page, 'wk.D1.0.text').fill('DPIA signed off by the DPO');
      await byId(page, 'wk.D1.0.owner').fill('Data protection officer');
      await byId(page, 'wk.D1.0.due').fill('2026-01-15');
      await page.getByRole('button', { name: 'Record this decision' }).click();
      await byId(page, 'we.D1').getByText('Recorded', { exact: true }).waitFor();
      assert.equal(await byId(page, 'we.D1.rationale').count(), 0, 'no field left to change');
      assert.equal(await page.evaluate(() => document.activeElement.id), 'we.D1.h', 'focus on the recorded entry');
    });

    await t.test('Superseding starts a copy; once recorded, the first says what replaced it', async () => {
      await page.getByRole('button', { name: 'Supersede this decision' }).click();
      await byId(page, 'we.D2.rationale').waitFor();
      assert.equal(await byId(page, 'we.D2.rationale').inputValue(), 'The need is shown and the legal basis confirmed.');
      await byId(page, 'we.D2.rationale').fill('Same decision; review brought forward after the supplier changed its model.');
      await byId(page, 'we.D2.review_event').selectOption('new_model');
      await byId(page, 'we.D2').getByRole('button', { name: 'Record this decision' }).click();
      await byId(page, 'we.D2').getByText('Recorded', { exact: true }).waitFor();
      await byId(page, 'we.D1').getByText('Superseded by D2').waitFor();
      assert.deepEqual(await axeViolations(page), [], 'axe with recorded entries');
    });

    await t.test('Results: completion by stage, decisions in order, the overdue condition', async () => {
      await tab(page, 'Results');
      await page.waitForSelector('table.wb-completion');
      const stages = await page.locator('table.wb-completion tbody th').allInnerTexts();
      assert.ok(stages.includes('Procurement') && !stages.includes('Design and development'), stages.join());
      const ids = await page.locator('table.wb-timeline tbody th').allInnerTexts();
      assert.deepEqual(ids, ['D1', 'D2']);
      const attention = await page.locator('table.wb-attention').innerText();
      assert.match(attention, /DPIA signed off by the DPO.*15 January 2026.*Overdue/s);
      assert.deepEqual(await axeViolations(page), [], 'axe on the results');
    });

    await t.test('The report carries the log, and its HTML imports back as a workbook', async () => {
      await tab(page, 'Report');
      await page.waitForSelector('.report h1');
      assert.match(await page.locator('.report').innerText(), /D2 · Go with conditions/);
      assert.deepEqual(await axeViolations(page), [], 'axe on the report');
      await page.getByLabel('Put the answers inside the HTML report, so it can be imported back into the app').check();
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download report (HTML)' }).click(),
      ]);
      const html = readFileSync(await dl.path(), 'utf8');
      assert.match(html, /Superseded by D2/);
      // Another browser, another colleague: the report brings the whole workbook.
      const other = await app.visit();
      await other.ui.open('/assessments');
      await other.page.getByLabel('Choose files to import').setInputFiles([{ name: 'report.html', mimeType: 'text/html', buffer: Buffer.from(html) }]);
      await other.page.getByText('1 new assessment(s) added.').waitFor();
      await other.page.getByRole('link', { name: 'Face search pilot' }).click();
      await ready(other.page);
      await byId(other.page, 'we.D1').getByText('Superseded by D2').waitFor();
      assert.equal(await byId(other.page, 'wb.route.buy').isChecked(), true);
      assert.equal(await byId(other.page, 'wc.W1.C5.note').inputValue(), 'Covered by the force-wide consultation of 2025');
      await other.guards.assertClean('workbook import');
      await other.context.close();
    });
    await guards.assertClean('workbook');
  });

  test('two respondents\' workbooks compared and merged: answers side by side, logs as their union', async () => {
    const { context, page, guards, ui } = await app.visit();
    const decided = {
      id: 'D1', stage: 'decide', verdict: 'go', date: '2026-03-10', by: 'A. Chief', role: 'Deputy Chief Constable',
      authority: '', rationale: 'The need is shown.', evidence: '', dissent: '', conditions: [], review_date: '',
      review_event: null, recorded: 1790001000000, supersedes: '',
    };
    const file = (name, route, problem, state, log) => {
      const body = {
        format: 'rai-assess.answers', format_version: 5, app_version: '0.1.0', exported: 1795430400000,
        content: { id: 'rai-le-core', version: '1.0.0' },
        assessments: [{ id: `wb-${name.toLowerCase()}`, kind: 'workbook', title: `Face search workbook, ${name}`, subject: '',
          respondent: { name, role: '' }, created: 1795000000000, updated: 1795000000000,
          content: { id: 'rai-le-core', version: '1.0.0' },
          answers: { 'W1.1': { t: 'text', v: problem }, 'W1.C3': { t: 'choice', v: state } }, notes: {},
          workbook: { route, owners: {}, complete: [], overrides: [], log } }],
      };
      return { name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) };
    };
    await ui.open('/assessments');
    await page.getByLabel('Choose files to import').setInputFiles([
      file('Ana', 'buy', 'Finding missing children in CCTV takes days.', 'done', [decided]),
      file('Ben', 'build', 'Reviewers cannot keep up with footage.', 'not_done',
        [decided, { ...decided, id: 'D2', stage: 'deploy', verdict: 'defer', date: '2026-05-01', rationale: 'Wait for the DPIA.', recorded: 1790005000000 }]),
    ]);
    await page.waitForFunction(() => document.querySelectorAll('.import-results > li').length >= 2);
    for (const name of ['Ana', 'Ben']) await page.getByRole('checkbox', { name: new RegExp(`^Face search workbook, ${name} · `) }).check();
    await page.getByRole('button', { name: 'Compare and merge selected' }).click();
    await page.waitForSelector('table.compare');
    const check = page.locator('table.compare tr', { has: page.locator('select[name="W1.C3"]') });
    assert.match(await check.innerText(), /Done.*Not done.*≠ differ/s);
    const prompt = page.locator('table.compare tr', { has: page.locator('select[name="W1.1"]') });
    assert.match(await prompt.innerText(), /Finding missing children.*Reviewers cannot keep up.*≠ differ/s);
    await page.getByText('The merged workbook takes every decision of every log once').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe on compare');
    await page.locator('select[name="W1.C3"]').selectOption({ label: 'Ben: Not done' });
    await page.getByLabel('Title of the merged assessment').fill('Agreed workbook');
    await page.getByRole('button', { name: 'Create merged assessment' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Agreed workbook');
    await ready(page);
    assert.equal(await byId(page, 'wb.route.hybrid').isChecked(), true, 'routes that differ: both');
    assert.equal(await byId(page, 'wc.W1.C3.state.not_done').isChecked(), true, 'the answer picked');
    const problem = await byId(page, 'ws.decide').getByLabel(/What operational problem are you trying to solve/).inputValue();
    assert.equal(problem, 'Ana: Finding missing children in CCTV takes days.\n\nBen: Reviewers cannot keep up with footage.');
    assert.equal(await page.locator('.wb-entry').count(), 2, 'the decision both hold is there once');
    await byId(page, 'we.D2').getByText('Merged in from another file: Ben, D2.').waitFor();
    assert.equal(await byId(page, 'we.D1').getByText('Merged in from').count(), 0, 'a shared decision needs no source');
    await guards.assertClean('workbook merge');
    await context.close();
  });

  test('linked to the risk assessment: open risks per stage, cited risks, struck through when gone, named when missing', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    const risk = (id, title, extra = {}) => ({
      id, template: '', title, description: '', principles: ['P4.1'], affected_groups: [], stage: 'decide',
      likelihood: 4, severity: 4, controls: '', mitigations: [], residual_likelihood: 0, residual_severity: 0,
      decision: null, decided_by: '', rationale: '', ...extra,
    });
    const body = {
      format: 'rai-assess.answers', format_version: 5, app_version: '0.1.0', exported: 1795430400000,
      content: { id: 'rai-le-core', version: '1.0.0' },
      assessments: [{ id: 'risk-face', kind: 'risk', title: 'Face search risks', subject: '',
        respondent: { name: '', role: '' }, created: 1795000000000, updated: 1795000000000,
        content: { id: 'rai-le-core', version: '1.0.0' }, answers: {}, notes: {},
        risk: { register: [risk('K1', 'Biased matches'), risk('K2', 'Stale watchlist', { decision: 'accept', decided_by: 'A. Chief', rationale: 'Weekly refresh.' })], dismissed: {}, snapshots: [] } },
      { id: 'readiness-2026', kind: 'readiness', title: 'Readiness 2026', subject: '',
        respondent: { name: '', role: '' }, created: 1795000000000, updated: 1795000000000,
        content: { id: 'rai-le-core', version: '1.0.0' }, answers: { 'R3.1': { t: 'level', v: 2 } }, notes: {} }],
    };
    await ui.open('/assessments');
    await page.getByLabel('Choose files to import').setInputFiles([{ name: 'risks.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) }]);
    await page.getByText('2 new assessment(s) added.').waitFor();
    await lib.create({ title: 'Linked workbook', kind: 'Life-cycle workbook' });
    await ready(page);
    await page.getByLabel('Risk assessment of this system').selectOption({ label: 'Face search risks' });
    const decide = byId(page, 'ws.decide');
    await decide.locator('.wb-risks').getByText('Biased matches').waitFor();
    assert.doesNotMatch(await decide.locator('.wb-risks').innerText(), /Stale watchlist/, 'an accepted risk is not open');
    assert.match(await page.locator('.wb-link-summary').innerText(), /has 1 open risk\(s\): 1 High/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'wb.link', 'focus stays on the choice');
    await page.getByLabel('Readiness assessment of the agency').selectOption({ label: 'Readiness 2026' });
    const related = byId(page, 'wp.W1.3.related');
    await related.getByText(/Answer in “Readiness 2026”: 2 · /).waitFor();
    assert.match(await related.innerText(), /S1\.1\.1.*Answer in “Face search risks”: not answered there yet/s);

    await decide.getByRole('button', { name: 'Log a decision' }).click();
    await byId(page, 'we.D1.evidence').fill('LO-2026-14\nK1, K9');
    await page.keyboard.press('Tab');
    await byId(page, 'we.D1').locator('.wb-cited').getByText('Biased matches').waitFor();
    await byId(page, 'we.D1').locator('.wb-cited s').getByText('K9').waitFor();
    assert.match(await byId(page, 'we.D1').locator('.wb-cited').innerText(), /K9 is not in the register of “Face search risks”: removed, renumbered by a merge, or mistyped/);
    assert.deepEqual(await axeViolations(page), [], 'axe with a linked register');
    await page.reload();
    await ready(page);
    await decide.locator('.wb-risks').getByText('Biased matches').waitFor();

    await ui.open('/assessments');
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Delete Face search risks' }).click();
    await page.getByText(/Moved “Face search risks” to recently deleted/).waitFor();
    await page.getByRole('link', { name: 'Linked workbook' }).click();
    await ready(page);
    await page.getByText('The linked risk assessment “Face search risks” is not in this browser\'s library').waitFor();
    assert.equal(await page.locator('.wb-risks').count(), 0, 'no risks from a register it does not have');
    await guards.assertClean('workbook link');
    await context.close();
  });
});
