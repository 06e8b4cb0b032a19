// Post-build hook, run before pin-code.mjs (see post-build.sh): minifies the JavaScript that
// wasm-bindgen wrote (the app's glue, its snippets and the tools module's glue) with terser, keeping
// every export, and updates the hashes trunk put on their module preloads. The glue came unminified
// (trunk's own minifier fails on it); minified, the app's glue went from 7.8 to 6.0 KB with brotli, all of it
// in the first load (and the tools module's from 4.1 to 2.8 KB). boot-*.js is written by externalize-loader.mjs and already small.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { minify } from 'terser';
import { filesUnder, sri, stagingDir } from './dist-files.mjs';

const dir = stagingDir('minify-glue');

const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
let before = 0;
let after = 0;
for (const path of filesUnder(dir)) {
  const name = relative(dir, path).split('\\').join('/');
  if (!name.endsWith('.js') || name.startsWith('boot-')) continue;
  const source = readFileSync(path, 'utf8');
  const { code } = await minify(source, { module: true, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (!code) {
    console.error(`minify-glue: terser wrote nothing for ${name}`);
    process.exit(1);
  }
  writeFileSync(path, code);
  before += source.length;
  after += code.length;
  // trunk's module preload carries the hash of the file as it wrote it.
  const preload = new RegExp(`(<link rel="modulepreload" href="\\./${name.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]*(")`);
  html = html.replace(preload, `$1${sri(code)}$2`);
}
// Every module preload must now carry the hash of the file as it is.
for (const [, href, hash] of html.matchAll(/<link rel="modulepreload" href="\.\/([^"]+)"[^>]*integrity="([^"]+)"/g)) {
  if (sri(readFileSync(join(dir, href))) !== hash) {
    console.error(`minify-glue: the module preload of ${href} has a stale hash; update this hook`);
    process.exit(1);
  }
}
writeFileSync(htmlPath, html);
console.log(`minify-glue: ${before} → ${after} bytes of JavaScript`);
