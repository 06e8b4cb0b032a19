// Benchmark of answer files at scale, on the dist built with the 300-question pack (scripts/bench.sh):
// import 50 files of 300 answers each at once, then compare all 50 and create the merged assessment.
// Prints the time each takes as a user sees it (from the action to the result on screen).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { launch } from './browser.mjs';
import { serveDist } from './static-server.mjs';

const dist = process.argv[2] ?? 'target/bench-dist';
const content = process.argv[3] ?? 'target/bench-content';
const FILES = Number(process.argv[4] ?? 3);
const ids = [...readFileSync(`${content}/readiness.toml`, 'utf8').matchAll(/^id = "(R\d+\.\d+)"/gm)].map((m) => m[1]);

/** JSON with every object's keys sorted and no whitespace (docs/answer-file-format.md, Fingerprints). */
function canonicalJson(v) {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** The fingerprint a current file carries, so the import checks every one as it would a real file's. */
function fingerprint(a) {
  const { updated, ...content } = a;
  const canon = `rai-assess.canonical.1\n${canonicalJson(content)}`;
  return `sha256:${createHash('sha256').update(canon, 'utf8').digest('hex')}`;
}

const files = Array.from({ length: FILES }, (_, n) => {
  const answers = Object.fromEntries(ids.map((id, i) => [id, (i + n) % 7 === 6 ? { t: 'dont_know' } : { t: 'level', v: (i * 7 + n) % 5 }]));
  const notes = Object.fromEntries(ids.slice(0, 20).map((id) => [id, `Respondent ${n}: evidence for ${id}, see the policy register.`]));
  const body = {
    format: 'rai-assess.answers', format_version: 7, app_version: '0.1.0', exported: 1795430400000,
    content: { id: 'rai-le-core', version: '1.0.0' },
    assessments: [{ id: `bench-${n}`, kind: 'readiness', title: `Respondent ${n}`, subject: 'Unit',
      respondent: { name: `R${n}`, role: 'Bench' }, created: 1795000000000, updated: 1795000000000,
      content: { id: 'rai-le-core', version: '1.0.0' }, answers, notes }],
  };
  body.assessments[0].fingerprint = fingerprint(body.assessments[0]);
  return { name: `respondent-${n}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) };
});

const server = await serveDist(dist);
const browser = await launch();
for (const [w, h, tag] of [[1280, 900, 'desk'], [390, 844, 'phone']]) {
  const page = await (await browser.newContext({ viewport: { width: w, height: h } })).newPage();
  await page.goto(`${server.url}#/assessments`);
  await page.waitForSelector('html[data-ready="true"] #import-heading');
  await page.locator('#import-files').setInputFiles(files);
  await page.waitForFunction((n) => document.querySelectorAll('.import-results > li.import-done').length === n, FILES, { timeout: 120000 });
  await page.getByRole('button', { name: 'Select all' }).click();
  await page.getByRole('button', { name: 'Compare and merge selected' }).click();
  await page.waitForSelector('table.compare');
  await page.waitForTimeout(500);
  await page.locator('table.compare').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/shot-${process.argv[5] ?? 'x'}-${tag}-${FILES}.png` });
  const widths = await page.evaluate(() => [...document.querySelectorAll('table.compare')].slice(0, 2).map((t) => [t.getBoundingClientRect().width, t.rows[1]?.getBoundingClientRect().height]));
  console.log(tag, JSON.stringify(widths));
}
await browser.close();
await server.close();
