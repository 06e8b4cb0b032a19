import { mkdirSync } from 'node:fs';
import { startApp } from './fixture.mjs';
const out = '/tmp/shots'; mkdirSync(out, { recursive: true });
const app = await startApp();
const STORED = { schema: 3, revision: 2, assessment: { id: 'old-risk', kind: 'risk', title: 'Old face search', subject: '', respondent: { name: '', role: '' },
  created: 1790000000000, updated: 1790000000000, content: { id: 'rai-le-core', version: '1.0.0' },
  answers: { application_type: { t: 'choice', v: 'content-generation' }, 'S1.1.1': { t: 'choice', v: 'yes' }, 'S1.1.2': { t: 'choice', v: 'no' }, 'S3.3.4': { t: 'choice', v: 'yes' }, 'S2.2.4': { t: 'choice', v: 'partly' }, 'S2.3.6': { t: 'choice', v: 'partly' } },
  notes: { 'S1.1.2': 'Legal opinion still awaited.', 'S3.3.4': 'Shared with the national hub.' } } };
const seed = `localStorage.setItem('rai.assessment.old-risk', ${JSON.stringify(JSON.stringify(STORED))});`;
const tab = (page, name) => page.getByRole('navigation', { name: 'Parts of this assessment' }).getByRole('link', { name }).click();
for (const [name, viewport] of Object.entries({ desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 800 } })) {
  const { context, page, ui } = await app.visit({ viewport }, seed);
  await ui.open('/assessments/old-risk');
  await page.locator('[id="pf.output_in_record"]').first().waitFor().catch(() => {});
  await page.getByText('Generated text in records').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-profile-record.png` });
  await page.locator('[id="q-S1.1.1"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-who.png` });
  await tab(page, 'Results');
  await page.locator('.r-kept').waitFor();
  await page.locator('.r-kept').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/${name}-kept.png` });
  await context.close();
}
await app.stop();
