// Screenshots of the library's import results at desktop and phone widths: one import whose second file
// would pass the 500-assessment limit, and a pick of too many files.
// Usage: node end2end/tools/screenshots-import.mjs [outdir]   (after a release build)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { serveDist } from './static-server.mjs';

const out = process.argv[2] ?? 'end2end/artifacts';
const CONTENT = { id: 'rai-le-core', version: '1.0.0' };
const file = (count, prefix) => ({
  name: `${prefix}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({
    format: 'rai-assess.answers', format_version: 2, app_version: '0.1.0', exported: 1795000000000, content: CONTENT,
    assessments: Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${i}`, kind: 'readiness', title: `${prefix} ${i}`,
      subject: '', respondent: { name: '', role: '' }, created: 1795000000000, updated: 1795000000000 + i, content: CONTENT,
      answers: { 'R1.1': { t: 'level', v: 2 } }, notes: {} })),
  })),
});
mkdirSync(out, { recursive: true });
const server = await serveDist('dist');
const browser = await launch();
for (const [name, viewport] of Object.entries({ desktop: { width: 1280, height: 900 }, phone: { width: 375, height: 740 } })) {
  const page = await browser.newPage({ viewport });
  await page.goto(`${server.url}#/assessments`);
  await page.waitForSelector('html[data-ready="true"] #import-heading');
  const idle = () => page.waitForFunction(() => document.querySelector('.import-results')?.getAttribute('aria-busy') === 'false');
  await page.locator('#import-files').setInputFiles([file(300, 'team-a'), file(300, 'team-b'), file(150, 'team-c')]);
  await page.waitForFunction(() => document.querySelectorAll('.import-results > li').length === 3);
  await idle();
  await page.locator('#import-files').setInputFiles(Array.from({ length: 120 }, (_, i) => file(1, `f${i}`)));
  await page.waitForFunction(() => document.querySelectorAll('.import-results > li').length === 4);
  await idle();
  const path = join(out, `${name}_import-limits.png`);
  await page.locator('#import-heading').evaluate((h) => h.closest('section').scrollIntoView());
  await page.locator('#import-heading').evaluate((h) => h.closest('section')).then(() => {});
  await page.locator('section.drop').screenshot({ path });
  console.log(path);
  await page.close();
}
await browser.close();
await server.close();
