// Prints each file of dist/ with raw, gzip -9 and brotli -11 sizes, and two totals: the app's code
// (html + js + wasm + css, the budget in PRODUCT.md) and everything a first visit downloads, which adds
// the content pack data file (fetched in parallel with the wasm, see docs/architecture.md), and a third:
// the tools module (rai-tools-*), which the app fetches only when a results, report or register view
// opens (see src/core/render.rs).
// Exits non-zero when the code's brotli total is over the budget: a size check, not a timed test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const BUDGET_BROTLI = 250_000; // bytes: the app's first load (html + js + wasm + css; the icon is inline)
const isData = (file) => file.endsWith('.bin');
const onDemand = (file) => file.startsWith('rai-tools-');

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
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
  const sum = (list) => list.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }),
    { raw: 0, gzip: 0, brotli: 0 });
  return {
    rows,
    total: sum(rows.filter((r) => !isData(r.file) && !onDemand(r.file))),
    withData: sum(rows.filter((r) => !onDemand(r.file))),
    tools: sum(rows.filter((r) => onDemand(r.file))),
  };
}

export function printReport({ rows, total, withData, tools }) {
  const kb = (n) => (n / 1000).toFixed(1).padStart(8);
  console.log(`${'file'.padEnd(44)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
  for (const r of rows) console.log(`${r.file.padEnd(44)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);
  console.log(`${'TOTAL first load, code (budgeted)'.padEnd(44)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
  console.log(`${'TOTAL first visit, code + content data'.padEnd(44)} ${kb(withData.raw)} ${kb(withData.gzip)} ${kb(withData.brotli)}`);
  console.log(`${'TOTAL tools module, fetched on demand'.padEnd(44)} ${kb(tools.raw)} ${kb(tools.gzip)} ${kb(tools.brotli)}`);
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
