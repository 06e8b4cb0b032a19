// Switching language as a user does it: from a click on a language in the header to the view usable
// again in that language (the page loads again: its heading and a control in place, the pack of the
// new language fetched and installed), median over several switches on loopback, with the browser's
// cache as a second visit has it. Target in the issue "Four languages": at most 300 ms.
import { launch } from './browser.mjs';
import { serveDist } from './static-server.mjs';

const dist = process.argv[2] ?? 'dist';
const runs = Number(process.env.BENCH_RUNS ?? 7);
const NAMES = { en: 'English', fr: 'Français', es: 'Español', ar: 'العربية' };

const server = await serveDist(dist);
const browser = await launch();
const context = await browser.newContext({ locale: 'en-GB' });
const page = await context.newPage();
await page.goto(`${server.url}#/assessments`);
await page.waitForSelector('html[data-ready="true"] main h1');
const times = {};
const order = ['fr', 'ar', 'es', 'en'];
for (let i = 0; i < runs * order.length; i++) {
  const lang = order[i % order.length];
  const clicked = Date.now();
  await page.locator(`.language-menu button[lang="${lang}"]`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l && document.documentElement.dataset.ready === 'true'
    && document.querySelector('main h1') && document.querySelector('main button, main a[href], main input'), lang, { polling: 'raf' });
  (times[lang] ??= []).push(Date.now() - clicked);
}
await browser.close();
await server.close();

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
console.log(`switching language on the library view, click → usable in the new language (loopback, ${runs} each):`);
for (const lang of order) {
  console.log(`  to ${NAMES[lang].padEnd(8)} median ${median(times[lang])} ms (min ${Math.min(...times[lang])}, max ${Math.max(...times[lang])})`);
}
