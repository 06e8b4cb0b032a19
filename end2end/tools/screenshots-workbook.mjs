// Screenshots of the workbook views (route and a stage, the linked risk assessment, a check not
// applicable, the sign-off with an override, a recorded and a draft decision citing risks, results,
// report, two workbooks compared) at desktop and phone widths.
// Usage: node end2end/tools/screenshots-workbook.mjs [outdir]   (after a release build)
import { mkdirSync } from 'node:fs';
import { startApp } from './fixture.mjs';
const out = process.argv[2] ?? 'end2end/artifacts';
mkdirSync(out, { recursive: true });
const app = await startApp();
const byId = (page, id) => page.locator(`[id="${id}"]`);
const risk = (id, title, extra = {}) => ({
  id, template: '', title, description: '', principles: ['P4.1'], affected_groups: [], stage: 'decide',
  likelihood: 4, severity: 4, controls: '', mitigations: [], residual_likelihood: 0, residual_severity: 0,
  decision: null, decided_by: '', rationale: '', ...extra,
});
const riskFile = {
  name: 'risks.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({
    format: 'rai-assess.answers', format_version: 5, app_version: '0.1.0', exported: 1795430400000,
    content: { id: 'rai-le-core', version: '1.0.0' },
    assessments: [{ id: 'risk-face', kind: 'risk', title: 'Face search risks', subject: '',
      respondent: { name: '', role: '' }, created: 1795000000000, updated: 1795000000000,
      content: { id: 'rai-le-core', version: '1.0.0' }, answers: {}, notes: {},
      risk: { register: [risk('K1', 'Biased matches'), risk('K3', 'Reviewers over-trust matches', { likelihood: 3, severity: 2 })], dismissed: {}, snapshots: [] } }],
  })),
};
const tab = (page, name) => page.getByRole('navigation', { name: 'Parts of this assessment' }).getByRole('link', { name }).click();
for (const [name, viewport] of Object.entries({ desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 800 } })) {
  const { context, page, ui, lib } = await app.visit({ viewport });
  await ui.open('/assessments');
  await page.getByLabel('Choose files to import').setInputFiles([riskFile]);
  await page.getByText('1 new assessment(s) added.').waitFor();
  await lib.create({ title: 'Face search pilot', kind: 'Life-cycle workbook', subject: 'Northshire Police' });
  await page.waitForSelector('[id="ws.decide"]');
  await byId(page, 'wb.route.buy').check();
  await page.waitForFunction(() => !document.getElementById('ws.design'));
  await page.locator('#workbook-heading').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-workbook-route.png` });
  await page.getByLabel('Risk assessment of this system').selectOption({ label: 'Face search risks' });
  await page.locator('.wb-risks').first().waitFor();
  await page.locator('.wb-link').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-workbook-link.png` });
  await byId(page, 'wp.W1.3').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-workbook-related.png` });
  await byId(page, 'wp.W1.1').fill('Missing children take days to find in CCTV.');
  await byId(page, 'wc.W1.C3.state.done').check();
  await byId(page, 'wc.W1.C5.state.na').check();
  await page.waitForSelector('[id="wc.W1.C5.note"]');
  await byId(page, 'wc.W1.C3').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-workbook-checks.png` });
  await byId(page, 'ws.decide.by').fill('A. Chief, Deputy Chief Constable');
  await byId(page, 'ws.decide.why').fill('The DPO signs off before contract award.');
  await byId(page, 'ws.decide.complete').check();
  await page.getByRole('button', { name: 'Log a decision' }).first().click();
  await byId(page, 'we.D1.verdict').selectOption('go_with_conditions');
  await byId(page, 'we.D1.by').fill('A. Chief');
  await byId(page, 'we.D1.rationale').fill('The need is shown and the legal basis confirmed.');
  await byId(page, 'we.D1.evidence').fill('LO-2026-14\nK1, K9');
  await page.getByRole('button', { name: 'Add a condition' }).click();
  await byId(page, 'wk.D1.0.text').fill('DPIA signed off by the DPO');
  await byId(page, 'wk.D1.0.due').fill('2026-01-15');
  await page.getByRole('button', { name: 'Record this decision' }).click();
  await byId(page, 'we.D1').getByText('Recorded', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Supersede this decision' }).click();
  await byId(page, 'we.D2.verdict').waitFor();
  await byId(page, 'we.D1').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-workbook-log.png` });
  await byId(page, 'we.D2').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-workbook-draft.png` });
  await tab(page, 'Results');
  await page.waitForSelector('table.wb-completion');
  await page.screenshot({ path: `${out}/${name}-workbook-results.png`, fullPage: true });
  await tab(page, 'Report');
  await page.waitForSelector('.report h1');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${out}/${name}-workbook-print.png` });
  // A second respondent's copy, changed, then both compared.
  await page.emulateMedia({ media: 'screen' });
  await ui.open('/assessments');
  await page.getByRole('button', { name: /^Duplicate Face search pilot/ }).click();
  await page.getByRole('link', { name: 'Face search pilot (copy)' }).click();
  await page.waitForSelector('[id="ws.decide"]');
  await byId(page, 'wp.W1.1').fill('Reviewers cannot keep up with the footage.');
  await byId(page, 'wc.W1.C3.state.not_done').check();
  await page.keyboard.press('Tab');
  await ui.open('/assessments');
  await page.getByRole('checkbox', { name: /^Face search pilot · / }).check();
  await page.getByRole('checkbox', { name: /^Face search pilot \(copy\) · / }).check();
  await page.getByRole('button', { name: 'Compare and merge selected' }).click();
  await page.waitForSelector('table.compare');
  await page.screenshot({ path: `${out}/${name}-workbook-compare.png` });
  await context.close();
}
await app.stop();
