import { mkdirSync } from 'node:fs';
import { startApp } from './fixture.mjs';
const out = '/tmp/shots'; mkdirSync(out, { recursive: true });
const app = await startApp();
for (const [name, viewport] of Object.entries({ desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 800 } })) {
  const { context, page, ui, lib } = await app.visit({ viewport });
  await ui.open('/assessments');
  await lib.create({ title: 'Live watchlist cameras', kind: 'Risk assessment' });
  await page.getByLabel('European Union or EEA').check();
  await page.getByLabel('Image analysis (including facial recognition)').check();
  await page.getByLabel('One-to-many identification against a watchlist or database').check();
  await page.getByLabel('Live or near real time, as images are captured').check();
  await page.getByLabel('Yes, at least some images come from publicly accessible spaces').check();
  await page.getByLabel('Why an exception applies').waitFor({ state: 'visible' });
  await page.locator('fieldset:has(legend:text("Practices the EU AI Act prohibits"))').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-legal-profile.png` });
  await lib.waitSaved();
  await page.getByRole('navigation', { name: 'Parts of this assessment' }).getByRole('link', { name: 'Results' }).click();
  await page.waitForSelector('.r-finding');
  await page.screenshot({ path: `${out}/${name}-legal-results.png` });
  await page.getByRole('navigation', { name: 'Parts of this assessment' }).getByRole('link', { name: 'Register' }).click();
  await page.waitForSelector('#h-register');
  await page.screenshot({ path: `${out}/${name}-legal-register.png` });
  await context.close();
}
await app.stop();
