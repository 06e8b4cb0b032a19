// Screenshots of the readiness views (questions, results, report, print) with some answers, at desktop
// and phone widths. Usage: node end2end/tools/screenshots-readiness.mjs [outdir]   (after a release build)
import { mkdirSync } from 'node:fs';
import { startApp } from './fixture.mjs';
const out = process.argv[2] ?? 'end2end/artifacts';
mkdirSync(out, { recursive: true });
const app = await startApp();
for (const [name, viewport] of Object.entries({ desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 800 } })) {
  const { context, page, ui, lib } = await app.visit({ viewport });
  await ui.open('/assessments');
  await lib.create({ title: 'Readiness review 2027', subject: 'Northshire Police', name: 'A. Okafor', role: 'Ethics officer' });
  await page.waitForSelector('.q-sections:not([aria-busy])');
  const ids = await page.$$eval('fieldset.question', (f) => f.map((x) => x.id.slice(2)));
  for (const [i, id] of ids.entries()) if (i % 3 !== 2) await page.locator(`[id="q-${id}-${(i * 3) % 5}"]`).check();
  await page.getByRole('button', { name: 'Add notes and evidence R1.1' }).click();
  await page.getByLabel('Notes and evidence R1.1').fill('Strategy signed by the chief on 3 March <b>2026</b>.');
  await page.locator('fieldset[id="q-R1.2"] details summary').click();
  await page.locator('fieldset[id="q-R1.1"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-questions.png` });
  await page.getByRole('link', { name: 'Results' }).click();
  await page.waitForSelector('.r-overall');
  await page.screenshot({ path: `${out}/${name}-results.png`, fullPage: true });
  await page.getByRole('link', { name: 'Report' }).click();
  await page.waitForSelector('.report h1');
  await page.screenshot({ path: `${out}/${name}-report.png` });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${out}/${name}-print.png` });
  await context.close();
}
await app.stop();
