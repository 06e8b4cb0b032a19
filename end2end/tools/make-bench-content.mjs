// Writes a copy of content/ whose readiness questionnaire has 300 questions (each dimension's questions
// repeated under new numbers), for measuring the questionnaire at the size PRODUCT.md asks for.
// Usage: node end2end/tools/make-bench-content.mjs <outdir>
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const TARGET = 300;
const out = process.argv[2] ?? 'target/bench-content';
cpSync('content', out, { recursive: true });
const toml = readFileSync('content/readiness.toml', 'utf8');
// Split into blocks at each [[...]] header; question blocks belong to the dimension before them.
const blocks = toml.split(/(?=^\[\[)/m);
const dims = blocks.filter((b) => b.startsWith('[[dimension]]')).length;
let made = blocks.filter((b) => b.startsWith('[[dimension.question]]')).length;
const perDim = Math.ceil(TARGET / dims);
const result = [];
let current = [];
const flush = () => {
  if (!current.length) return;
  const dimId = current[0].match(/^id = "(R\d+)\.\d+"/m)[1];
  let n = current.length;
  const copies = [];
  while (n < perDim && made < TARGET) {
    const src = current[copies.length % current.length];
    copies.push(src.replace(/^id = "R\d+\.\d+"/m, `id = "${dimId}.${++n}"`));
    made++;
  }
  result.push(...current, ...copies);
  current = [];
};
for (const b of blocks) {
  if (b.startsWith('[[dimension.question]]')) current.push(b);
  else {
    flush();
    result.push(b);
  }
}
flush();
writeFileSync(join(out, 'readiness.toml'), result.join(''));
// The copied questions have no translations: the bench app is in English alone.
const pack = readFileSync(join(out, 'pack.toml'), 'utf8');
writeFileSync(join(out, 'pack.toml'), pack.replace(/^languages = \[.*\]$/m, 'languages = ["en"]'));
console.log(`bench content: ${made} readiness questions in ${out}`);
