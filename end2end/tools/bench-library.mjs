// Benchmark of the assessment library at scale: 200 stored assessments of 300 answers each with notes.
// Prints bytes per assessment, the time to list them (the app's own `rai-list` measure, and from
// navigation to the cards on screen), and the cost of saving one answer (`rai-save`).
import { launch } from './browser.mjs';
import { serveDist } from './static-server.mjs';

const dist = process.argv[2] ?? 'dist';
const COUNT = 200;
const ANSWERS = 300;
const NOTES = 40;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const server = await serveDist(dist);
const browser = await launch();
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(`${server.url}#/`);
await page.waitForSelector('html[data-ready="true"]');

// Seed storage in the app's stored format (schema 1), as the app would have written it.
const seeded = await page.evaluate(({ COUNT, ANSWERS, NOTES }) => {
  const answers = {};
  for (let i = 0; i < ANSWERS; i++) answers[`Q${Math.floor(i / 6)}.${i % 6}`] = { t: 'level', v: i % 5 };
  const notes = {};
  for (let i = 0; i < NOTES; i++) notes[`Q${i}.0`] = `Evidence: policy document v${i}, reviewed by the board; follow-up with legal before the next stage.`;
  let bytes = 0;
  for (let n = 0; n < COUNT; n++) {
    const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const assessment = { id, kind: 'readiness', title: `Assessment ${n}`, subject: 'Unit', respondent: { name: 'N', role: 'R' },
      created: 1, updated: 1_790_000_000_000 + n, content: { id: 'rai-le-core', version: '1.0.0' }, answers, notes, revision: 1, deleted: null };
    const record = JSON.stringify({ schema: 1, revision: 1, assessment });
    const summary = JSON.stringify({ id, kind: 'readiness', title: `Assessment ${n}`, subject: 'Unit', respondent: 'N (R)',
      answered: ANSWERS, total: ANSWERS, updated: assessment.updated, revision: 1, deleted: null });
    localStorage.setItem(`rai.assessment.${id}`, record);
    localStorage.setItem(`rai.summary.${id}`, summary);
    bytes += 2 * (record.length + summary.length + 60);
  }
  return bytes;
}, { COUNT, ANSWERS, NOTES });

const list = [];
const render = [];
for (let i = 0; i < 7; i++) {
  await page.goto(`${server.url}#/`);
  await page.waitForSelector('html[data-ready="true"]');
  const ms = await page.evaluate(async (count) => {
    const start = performance.now();
    location.hash = '#/assessments';
    while (document.querySelectorAll('.library .assessment-card').length !== count) await new Promise(requestAnimationFrame);
    return performance.now() - start;
  }, COUNT);
  render.push(ms);
  list.push(await page.evaluate(() => performance.getEntriesByName('rai-list', 'measure').at(-1)?.duration ?? NaN));
}

// Save cost: type into the notes of one assessment, let each save happen, read the app's measure.
await page.goto(`${server.url}#/assessments/00000000-0000-4000-8000-000000000007`);
await page.waitForSelector('#a-notes');
const saves = [];
for (let i = 0; i < 9; i++) {
  await page.locator('#a-notes').pressSequentially(String(i));
  await page.waitForFunction(() => /All changes saved/.test(document.querySelector('.save-status').textContent));
  saves.push(await page.evaluate(() => performance.getEntriesByName('rai-save', 'measure').at(-1)?.duration ?? NaN));
  await page.waitForTimeout(50);
}
await browser.close();
await server.close();

console.log(`\nlibrary at scale: ${COUNT} assessments x ${ANSWERS} answers + ${NOTES} notes (headless Chromium)`);
console.log(`  stored: ${(seeded / 1e6).toFixed(2)} MB of localStorage, ${(seeded / COUNT / 1000).toFixed(1)} KB per assessment`);
console.log(`  list (read ${COUNT} summaries), median: ${median(list).toFixed(1)} ms`);
console.log(`  open the library until ${COUNT} cards are on screen, median: ${median(render).toFixed(0)} ms`);
console.log(`  save one answer (check revision, encode, write record + summary, refresh the listing), median: ${median(saves).toFixed(2)} ms`);
