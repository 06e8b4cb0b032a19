// Benchmark of answer files at scale, on the dist built with the 300-question pack (scripts/bench.sh):
// import 50 files of 300 answers each at once, then compare all 50 and create the merged assessment.
// Prints the time each takes as a user sees it (from the action to the result on screen).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { launch } from './browser.mjs';
import { serveDist } from './static-server.mjs';

const dist = process.argv[2] ?? 'target/bench-dist';
const content = process.argv[3] ?? 'target/bench-content';
const FILES = 50;
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

/**
 * Milliseconds from the click `act` makes (its event's time) to the end of the first frame that
 * draws `selector`, and to the end of the first frame with nothing left to draw (no end of a first
 * part, `#rest-of-view-…`, waiting for the rest), with the longest task between: measured in the
 * page, the time a person waits, without the test driver's own checks before a click and after a change.
 */
async function toFrame(page, selector, act) {
  await page.evaluate((sel) => {
    window.__shown = undefined;
    window.__whole = undefined;
    window.__tasks = [];
    new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((t) => t.duration)))
      .observe({ type: 'longtask' });
    document.addEventListener('click', (e) => {
      const since = () => performance.now() - e.timeStamp;
      const look = () => {
        // Found before a frame: that frame draws it, and a task queued now runs once it is drawn.
        if (window.__shown === undefined && document.querySelector(sel)) setTimeout(() => { window.__shown = since(); }, 0);
        if (document.querySelector(sel) && !document.querySelector('[id^="rest-of-view-"]')) {
          setTimeout(() => { window.__whole = since(); }, 0);
        } else requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    }, { capture: true, once: true });
  }, selector);
  await act();
  await page.waitForFunction(() => window.__whole !== undefined, null, { timeout: 120000 });
  return page.evaluate(() => ({
    shown: Math.round(window.__shown), whole: Math.round(window.__whole), longest: Math.round(Math.max(0, ...window.__tasks)),
  }));
}

const server = await serveDist(dist);
const browser = await launch();
const page = await (await browser.newContext()).newPage();
await page.goto(`${server.url}#/assessments`);
await page.waitForSelector('html[data-ready="true"] #import-heading');

// From the files chosen (the input's change event) to the frame that reports the last of them.
await page.evaluate((n) => {
  document.querySelector('#import-files').addEventListener('change', (e) => {
    const look = () => {
      if (document.querySelectorAll('.import-results > li.import-done').length === n) {
        setTimeout(() => { window.__imported = performance.now() - e.timeStamp; }, 0);
      } else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  }, { capture: true, once: true });
}, FILES);
await page.locator('#import-files').setInputFiles(files);
await page.waitForFunction(() => window.__imported !== undefined, null, { timeout: 120000 });
const importMs = Math.round(await page.evaluate(() => window.__imported));
// Every file's fingerprint, computed here in JavaScript, must match the app's: a check of the form too.
const matched = await page.locator('.import-results > li', { hasText: 'matches the fingerprint' }).count();
if (matched !== FILES) throw new Error(`${FILES - matched} of ${FILES} files' fingerprints did not match`);

await page.getByRole('button', { name: 'Select all' }).click();
const compare = await toFrame(page, 'table.compare', () => page.getByRole('button', { name: 'Compare and merge selected' }).click());
const merge = await toFrame(page, 'fieldset.question', () => page.getByRole('button', { name: 'Create merged assessment' }).click());

const bytes = files.reduce((a, f) => a + f.buffer.length, 0);
console.log(`answer files: ${FILES} files of ${ids.length} answers (${(bytes / 1e6).toFixed(1)} MB in all):`);
console.log(`  import all at once, from the files chosen to the frame that reports the last: ${importMs} ms (${(importMs / FILES).toFixed(1)} ms per file)`);
console.log(`  compare all ${FILES}, from the click to the frame that shows the table: ${compare.shown} ms; ` +
  `to every section's table ${compare.whole} ms (longest task meanwhile ${compare.longest} ms)`);
console.log(`  create the merged assessment, from the click to the frame that shows its first question: ${merge.shown} ms`);
await browser.close();
await server.close();
