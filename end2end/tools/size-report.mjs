// Prints each file of dist/ with raw, gzip -9 and brotli -11 sizes, and what a visit fetches, counted
// honestly: the first load of code (html + js + wasm + css, the budget in PRODUCT.md); the first usable
// view, which also waits for the content pack (fetched in parallel with the wasm); everything a visit
// fetches in its first seconds, which adds the tools module (rai-tools-*) that the app loads in the
// background right after start so every view works offline (see docs/architecture.md); what the offline
// worker keeps after the first start (its own script, the manifest, the icons and the fictional samples,
// which without the worker were fetched only when a user opened one); and what no visit fetches (the
// worker's kill switch, version.json and SHA256SUMS, for administrators).
// Exits non-zero when the code's brotli total is over the budget: a size check, not a timed test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const BUDGET_BROTLI = 250_000; // bytes: the app's first load (html + js + wasm + css; the icon is inline)
// A visit fetches the pack of its language: counted is the largest of them (set in sizeReport); the
// offline worker keeps the others, so that switching language works offline.
let visitPack = '';
const isData = (file) => file === visitPack;
const otherPack = (file) => file.endsWith('.bin') && !isData(file);
const isTools = (file) => file.startsWith('rai-tools-');
// Fetched after start for the offline copy: the worker, the manifest, the icons, the samples and the
// other languages' packs.
const forOffline = (file) => otherPack(file) || file === 'sw.js' || file === 'manifest.webmanifest' || file.startsWith('icons/')
  || file.startsWith('samples/');
// About the build, for administrators: no visit fetches them.
const neverFetched = (file) => ['sw-remove.js', 'version.json', 'SHA256SUMS'].includes(file);
const onDemand = (file) => forOffline(file) || neverFetched(file);

// The precompressed copies (scripts/compress.mjs) are the same files sent another way: not counted.
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (/\.(br|gz)$/.test(name)) return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function sizeReport(dist) {
  const rows = files(dist).sort().map((path) => {
    const data = readFileSync(path);
    return {
      file: relative(dist, path),
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
  visitPack = rows.filter((r) => r.file.endsWith('.bin')).sort((a, b) => b.brotli - a.brotli)[0]?.file ?? '';
  const sum = (list) => list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  return {
    rows,
    total: sum(rows.filter((r) => !isData(r.file) && !isTools(r.file) && !onDemand(r.file))),
    withData: sum(rows.filter((r) => !isTools(r.file) && !onDemand(r.file))),
    tools: sum(rows.filter((r) => isTools(r.file))),
    visit: sum(rows.filter((r) => !onDemand(r.file))),
    offline: sum(rows.filter((r) => forOffline(r.file))),
    firstVisit: sum(rows.filter((r) => !neverFetched(r.file))),
  };
}

export function printReport({ rows, total, withData, tools, visit, offline, firstVisit }) {
  const kb = (n) => (n / 1000).toFixed(1).padStart(8);
  console.log(`${'file'.padEnd(44)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
  for (const r of rows) console.log(`${r.file.padEnd(44)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
  const line = (label, t) => console.log(`${label.padEnd(44)} ${kb(t.raw)} ${kb(t.gzip)} ${kb(t.brotli)}`);
  line('first load, code (budgeted)', total);
  line('first usable view: code + content pack', withData);
  line('tools module, in the background after start', tools);
  line('every visit, first 5 s (all three)', visit);
  line('kept by the offline worker after start', offline);
  line('a first visit in all (a repeat one: sw.js only)', firstVisit);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist';
  const report = sizeReport(dist);
  printReport(report);
  const budget = `${(report.total.brotli / 1000).toFixed(1)} KB of the ${BUDGET_BROTLI / 1000} KB brotli budget`;
  if (report.total.brotli > BUDGET_BROTLI) {
    console.error(`size budget: FAILED, first load is ${budget}`);
    process.exit(1);
  }
  console.log(`size budget: ok, first load uses ${budget}`);
}
