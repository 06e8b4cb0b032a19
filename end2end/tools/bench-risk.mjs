// Benchmark of the risk tool (dist built normally, see scripts/bench.sh): the first time a view needs
// the tools module (fetch, compile, start, install the pack) and, with a register of 30 risks, what an
// edit costs, measured in the page from the event until the view is updated: adding a risk (its card
// drawn and added), changing a rating (its card redrawn), and a keystroke in a title (no redraw). Prints
// medians and 95th percentiles.
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
await page.getByLabel('Risk assessment', { exact: true }).check();
await page.getByLabel('Title', { exact: true }).fill('Bench');
const opened = Date.now();
await page.getByRole('button', { name: 'Create and open' }).click();
await page.waitForSelector('[id="pf.application_type.image"]');
const firstToolsMs = Date.now() - opened;

await page.getByRole('navigation', { name: 'Parts of this assessment' }).getByRole('link', { name: 'Register' }).click();
await page.waitForSelector('#h-register');
const result = await page.evaluate(async () => {
  // Resolves when the workspace's HTML changes (a redraw) or after the microtasks of a plain edit.
  const drawn = (root) => new Promise((r) => new MutationObserver((_, o) => { o.disconnect(); r(); }).observe(root, { childList: true, subtree: true }));
  const root = document.querySelector('.risk-workspace');
  const add = [];
  for (let k = 0; k < 30; k++) {
    const t0 = performance.now();
    const done = drawn(root);
    document.querySelector('[data-act="add"]').click();
    await done;
    add.push(performance.now() - t0);
  }
  const rate = [];
  for (let k = 0; k < 30; k++) {
    const radio = document.getElementById(`rk.K${(k % 30) + 1}.l.${(k % 5) + 1}`);
    const t0 = performance.now();
    const done = drawn(root);
    radio.click();
    await done;
    rate.push(performance.now() - t0);
  }
  // A keystroke's handling: the listener and the tasks it starts (microtasks), not the wait for the
  // next frame or a timer, which an idle page pays too.
  const key = [];
  const title = document.getElementById('rk.K15.title');
  for (let k = 0; k < 40; k++) {
    title.value += 'x';
    const t0 = performance.now();
    title.dispatchEvent(new Event('input', { bubbles: true }));
    for (let i = 0; i < 10; i++) await Promise.resolve();
    key.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 0));
  }
  return { add, rate, key, risks: document.querySelectorAll('.risk-card').length };
});
console.log(`risk tool: tools module on first use (profile drawn after create) ${firstToolsMs} ms`);
console.log(`register of ${result.risks} risks:`);
for (const [name, xs] of [['add a risk (its card drawn)', result.add], ['change a rating (its card redrawn)', result.rate], ['keystroke in a title (saved after 400 ms)', result.key]]) {
  console.log(`  ${name.padEnd(44)} median ${ms(pct(xs, 0.5))}, p95 ${ms(pct(xs, 0.95))}`);
}
await browser.close();
await server.close();
