import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { serveDist } from './static-server.mjs';
const out = '/tmp/shots';
mkdirSync(out, { recursive: true });
const risk = (id, title, l, s) => ({ id, template: '', title, description: '', principles: ['P4.1'], affected_groups: [], stage: '',
  likelihood: l, severity: s, controls: '', mitigations: [], residual_likelihood: 0, residual_severity: 0, decision: null, decided_by: '', rationale: '' });
const body = { format: 'rai-assess.answers', format_version: 2, app_version: '0.1.0', exported: 1795430400000,
  content: { id: 'rai-le-core', version: '1.0.0' },
  assessments: [{ id: 'risk-face-search', kind: 'risk', title: 'Face search pilot', subject: 'Northshire Police',
    respondent: { name: 'A. Okafor', role: 'Analyst' }, created: 1795000000000, updated: 1795000000000,
    content: { id: 'rai-le-core', version: '1.0.0' },
    answers: { application_type: { t: 'choice', v: 'image' }, 'S1.1.1': { t: 'choice', v: 'partly' } }, notes: {},
    risk: { register: [risk('K1', 'Biased matches', 4, 4), risk('K2', 'Stale watchlist', 3, 3)], dismissed: {}, snapshots: [] } }] };
const file = { name: 'f.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) };
const server = await serveDist('dist');
const browser = await launch();
for (const [name, viewport] of Object.entries({ desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 740 } })) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto(`${server.url}#/assessments`);
  await page.waitForSelector('html[data-ready="true"] #import-heading');
  await page.locator('#import-files').setInputFiles([file]);
  await page.locator('.import-done').waitFor();
  await page.goto(`${server.url}#/assessments/risk-face-search/review`);
  await page.locator('#rv-comments').waitFor();
  await page.getByLabel('Your name').fill('C. Reviewer');
  await page.getByLabel('Your role').fill('Head of legal');
  const add = async (on, text) => {
    await page.getByLabel('Comment on', { exact: true }).selectOption({ label: on });
    await page.getByLabel('Comment', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Add the comment' }).click();
    await page.locator('.comment', { hasText: text }).waitFor();
  };
  await add('K1 · Biased matches', 'Likelihood 4: on what evidence? The pilot report says the error rate was measured on a different population.');
  await add('K2 · Stale watchlist', 'Who reviews the watchlist, and how often?');
  await add('The assessment as a whole', 'Please add the DPIA reference number.');
  await page.getByRole('button', { name: /Mark resolved: the comment by C. Reviewer \(Head of legal\) on K2/ }).click();
  await page.locator('.comment.is-resolved').waitFor();
  await page.getByRole('button', { name: 'Next open comment' }).click();
  await page.waitForTimeout(300);
  await page.locator('#rv-comments').scrollIntoViewIfNeeded();
  await page.locator('section.review-comments').screenshot({ path: join(out, `${name}_comments.png`) });
  await page.locator('.review-approve').screenshot({ path: join(out, `${name}_approve.png`) });
  await page.goto(`${server.url}#/assessments/risk-face-search/report`);
  await page.locator('.r-comments').waitFor();
  await page.locator('.r-comments').screenshot({ path: join(out, `${name}_report-comments.png`) });
  await page.goto(`${server.url}#/assessments`);
  await page.locator('.review-status').first().waitFor();
  await page.locator('.review-status').first().evaluate((e) => e.closest('li, article').scrollIntoView());
  await page.locator('.review-status').first().evaluate((e) => e.closest('li, article')).then(() => {});
  await page.screenshot({ path: join(out, `${name}_library.png`) });
  await context.close();
}
await browser.close();
await server.close?.();
console.log('done');
