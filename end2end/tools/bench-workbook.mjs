// Benchmark of the workbook (dist built normally, see scripts/bench.sh): with every check of every
// stage answered, a log of 100 recorded decisions and a linked risk assessment of 30 risks, what an edit costs, measured in the page from
// the event until the view is updated: a check's state (the check and its stage's progress drawn again) and a keystroke in a
// prompt (no redraw). Prints medians and 95th percentiles.
import { launch } from './browser.mjs';
import { serveDist } from './static-server.mjs';

const dist = process.argv[2] ?? 'dist';
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const ms = (x) => `${x.toFixed(1)} ms`;

const server = await serveDist(dist);
const browser = await launch();
const page = await (await browser.newContext()).newPage();
await page.goto(`${server.url}#/assessments`);
await page.waitForSelector('html[data-ready="true"] main h1');
await page.getByLabel('Life-cycle workbook', { exact: true }).check();
await page.getByLabel('Title', { exact: true }).fill('Bench');
await page.getByRole('button', { name: 'Create and open' }).click();
await page.waitForSelector('[id="ws.decide"]');
// The stored record, filled as a long-running system's workbook would be, then read again.
const checks = await page.evaluate(() => [...document.querySelectorAll('fieldset.wb-check')].map((f) => f.id.slice(3)));
await page.evaluate((checks) => {
  const key = Object.keys(localStorage).find((k) => k.startsWith('rai.assessment.'));
  const record = JSON.parse(localStorage.getItem(key));
  const a = record.assessment;
  const stages = ['decide', 'design', 'procure', 'deploy', 'monitor', 'retire'];
  for (const c of checks) a.answers[c] = { t: 'choice', v: 'done' };
  for (const c of checks) a.notes[c] = `Evidence file ${c}, signed and dated.`;
  // The risk assessment of the same system, 30 risks, linked: every drawing and edit carries it.
  const risk = JSON.parse(JSON.stringify(record));
  Object.assign(risk.assessment, { id: 'risk-bench', kind: 'risk', title: 'Bench risks', answers: {}, notes: {} });
  delete risk.assessment.workbook;
  risk.assessment.risk = { dismissed: {}, snapshots: [], register: Array.from({ length: 30 }, (_, k) => ({
    id: `K${k + 1}`, template: '', title: `Risk ${k + 1}`, description: 'What could go wrong, and for whom. '.repeat(6),
    principles: ['P4.1'], affected_groups: [], stage: stages[k % stages.length], likelihood: 1 + (k % 5), severity: 1 + ((k * 3) % 5),
    controls: 'Existing controls. '.repeat(4), mitigations: [{ action: 'Mitigate', owner: 'Lead', due: '2026-06-01', status: 'planned' }],
    residual_likelihood: 0, residual_severity: 0, decision: null, decided_by: '', rationale: '',
  })) };
  localStorage.setItem('rai.assessment.risk-bench', JSON.stringify(risk));
  a.workbook = { route: 'hybrid', owners: {}, complete: [], overrides: [], log: [], linked: { id: 'risk-bench', title: 'Bench risks' } };
  for (let k = 1; k <= 100; k++) {
    a.workbook.log.push({
      id: `D${k}`, stage: stages[k % stages.length], verdict: 'go_with_conditions', date: '2026-03-10',
      by: 'A. Chief', role: 'Deputy Chief Constable', authority: 'Scheme of delegation 4.2',
      rationale: 'The need is shown and the legal basis confirmed. '.repeat(4), evidence: 'LO-14\nK1', dissent: '',
      conditions: [{ text: 'DPIA signed off', owner: 'DPO', due: '2026-05-01', status: 'planned' }],
      review_date: '2026-09-01', review_event: 'new_model', recorded: 1790000000000 + k, supersedes: '',
    });
  }
  localStorage.setItem(key, JSON.stringify(record));
}, checks);
await page.reload();
await page.waitForSelector('[id="we.D100"]');
const result = await page.evaluate(async (checks) => {
  const drawn = (root) => new Promise((r) => new MutationObserver((_, o) => { o.disconnect(); r(); }).observe(root, { childList: true, subtree: true }));
  const root = document.querySelector('.risk-workspace');
  const check = [];
  for (let k = 0; k < 30; k++) {
    const id = checks[(k * 7) % checks.length];
    // The other state than the one shown, so every click changes the draft.
    const done = document.getElementById(`wc.${id}.state.done`).checked;
    const radio = document.getElementById(`wc.${id}.state.${done ? 'not_done' : 'done'}`);
    const t0 = performance.now();
    const redrawn = drawn(root);
    radio.click();
    await redrawn;
    check.push(performance.now() - t0);
  }
  const key = [];
  const prompt = document.getElementById('wp.W4.1');
  for (let k = 0; k < 40; k++) {
    prompt.value += 'x';
    const t0 = performance.now();
    prompt.dispatchEvent(new Event('input', { bubbles: true }));
    for (let i = 0; i < 10; i++) await Promise.resolve();
    key.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 0));
  }
  return { check, key, checks: checks.length, entries: document.querySelectorAll('.wb-entry').length };
}, checks);
console.log(`workbook with ${result.checks} checks answered and ${result.entries} recorded decisions, linked to 30 risks:`);
for (const [name, xs] of [["change a check's state (the check drawn)", result.check], ['keystroke in a prompt (saved after 400 ms)', result.key]]) {
  console.log(`  ${name.padEnd(44)} median ${ms(pct(xs, 0.5))}, p95 ${ms(pct(xs, 0.95))}`);
}
await browser.close();
await server.close();
