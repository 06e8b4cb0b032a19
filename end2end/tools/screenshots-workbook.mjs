// Screenshots of the workbook views (route and a stage, a check not applicable, the sign-off with an
// override, a recorded and a draft decision, results, report) at desktop and phone widths.
// Usage: node end2end/tools/screenshots-workbook.mjs [outdir]   (after a release build)
import { mkdirSync } from 'node:fs';
import { startApp } from './fixture.mjs';
const out = process.argv[2] ?? 'end2end/artifacts';
mkdirSync(out, { recursive: true });
const app = await startApp();
const byId = (page, id) => page.locator(`[id="${id}"]`);
const tab = (page, name) => page.getByRole('navigation', { name: 'Parts of this assessment' }).getByRole('link', { name }).click();
for (const [name, viewport] of Object.entries({ desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 800 } })) {
  const { context, page, ui, lib } = await app.visit({ viewport });
  await ui.open('/assessments');
  await lib.create({ title: 'Face search pilot', kind: 'Life-cycle workbook', subject: 'Northshire Police' });
  await page.waitForSelector('[id="ws.decide"]');
  await byId(page, 'wb.route.buy').check();
  await page.waitForFunction(() => !document.getElementById('ws.design'));
  await page.locator('#workbook-heading').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-workbook-route.png` });
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
  await context.close();
}
await app.stop();
