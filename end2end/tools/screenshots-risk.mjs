// Screenshots of the risk views (profile and screening, register, results, report) for a profiled
// face-search system with three rated risks, at desktop and phone widths.
// Usage: node end2end/tools/screenshots-risk.mjs [outdir]   (after a release build)
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
  await lib.create({ title: 'Missing-persons face search', kind: 'Risk assessment', subject: 'Northshire Police' });
  await page.getByLabel('Image analysis (including facial recognition)').check();
  await page.getByLabel('One-to-many identification against a watchlist or database').check();
  await page.getByLabel('Purpose', { exact: true }).fill('Find missing people in CCTV stills.');
  for (const [id, k] of [['S1.1.1', 2], ['S1.1.6', 1], ['S1.3.3', 2]]) await byId(page, `q-${id}-${k}`).check();
  await page.locator('#profile-heading').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-risk-profile.png` });
  await byId(page, 'q-S1.3.3').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-risk-screening.png` });
  await tab(page, 'Register');
  await page.waitForSelector('#h-register');
  await page.screenshot({ path: `${out}/${name}-risk-proposals.png` });
  for (const t of ['T-legal-basis', 'T-frt-watchlist']) {
    await byId(page, `b.accept.${t}`).click();
    await page.waitForSelector('.risk-card:nth-of-type(1)');
  }
  await byId(page, 'b.add').click();
  await byId(page, 'rk.K3.title').waitFor();
  await byId(page, 'rk.K3.title').fill('Reviewer fatigue');
  for (const [g, v] of [['rk.K1.l', 3], ['rk.K1.s', 5], ['rk.K1.rl', 2], ['rk.K1.rs', 4], ['rk.K2.l', 4], ['rk.K2.s', 4], ['rk.K3.l', 2], ['rk.K3.s', 2]]) {
    await byId(page, `${g}.${v}`).check();
    await page.waitForFunction(([a, b]) => document.getElementById(`${a}.${b}`)?.checked, [g, v]);
  }
  await byId(page, 'rk.K1.h').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-risk-register.png` });
  await byId(page, 'rk.K1.l.3').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-risk-rating.png` });
  await tab(page, 'Results');
  await page.waitForSelector('.heat-table');
  await page.screenshot({ path: `${out}/${name}-risk-results.png`, fullPage: true });
  await tab(page, 'Report');
  await page.waitForSelector('.report h1');
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${out}/${name}-risk-print.png` });
  await context.close();
}
await app.stop();
