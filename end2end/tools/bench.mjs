// Benchmark of the built app: first-load sizes, and the median time from navigation start to the app
// being interactive (the `app-ready` performance mark set right after mounting), over fresh page loads.
import { launch } from './browser.mjs';
import { serveDist } from './static-server.mjs';
import { printReport, sizeReport } from './size-report.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = Number(process.env.BENCH_RUNS ?? 9);

printReport(sizeReport(dist));

const server = await serveDist(dist);
const browser = await launch();
const ready = [];
const interactive = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}#/`);
  await page.waitForSelector('html[data-ready="true"]');
  const t = await page.evaluate(() => ({
    ready: performance.getEntriesByName('app-ready')[0].startTime,
    dom: performance.getEntriesByType('navigation')[0].domInteractive,
  }));
  ready.push(t.ready);
  interactive.push(t.dom);
  await context.close();
}
await browser.close();
await server.close();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
console.log(`\nfirst load over ${runs} fresh loads (loopback, headless Chromium):`);
console.log(`  html parsed (domInteractive), median: ${median(interactive).toFixed(0)} ms`);
console.log(`  app interactive (app-ready mark), median: ${median(ready).toFixed(0)} ms ` +
  `(min ${Math.min(...ready).toFixed(0)}, max ${Math.max(...ready).toFixed(0)})`);
