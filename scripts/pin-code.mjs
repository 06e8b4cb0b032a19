// Post-build hook, run after the glue is minified (see post-build.sh): pins every script module the page may load by its
// hash, so a changed byte in any code file stops it. An import map's `integrity` section covers the
// app's glue, its snippets and the tools module's glue (loaded later with import(): see
// src/browser/tools.rs); the CSP allows that one inline map by its hash.
// The tools module's wasm and styles are fetched with the hashes in <meta name="rai-tools-pins">.
// (boot.js carries its own integrity attribute; the app's wasm is fetched by boot.js with one.)
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder, sri, stagingDir } from './dist-files.mjs';

const dir = stagingDir('pin-code');
const fail = (why) => { console.error(`pin-code: ${why}`); process.exit(1); };

const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');
const tools = html.match(/<meta name="rai-tools" content="\.\/([^"]+\.js)">/)?.[1] ?? fail('no rai-tools meta');

const integrity = {};
for (const path of filesUnder(dir)) {
  const name = relative(dir, path).split('\\').join('/');
  if (!name.endsWith('.js') || name.startsWith('boot-')) continue;
  integrity[`./${name}`] = sri(readFileSync(path));
}
if (!integrity[`./${tools}`]) fail(`${tools} is missing`);

const map = JSON.stringify({ integrity });
const mapHash = `'sha256-${createHash('sha256').update(map).digest('base64')}'`;
const csp = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src 'self')/;
if (!csp.test(html)) fail('no CSP with script-src \'self\' in index.html');
html = html.replace(csp, `$1 ${mapHash}`);
// Before any module loads: right after the CSP, which must come first to apply to it.
html = html.replace(/(<meta http-equiv="Content-Security-Policy"[^>]*>)/, `$1\n<script type="importmap">${map}</script>`);
// The tools module's wasm and styles are fetched with these hashes checked (src/browser/tools.rs).
const pin = (ext) => sri(readFileSync(join(dir, tools.replace(/\.js$/, ext))));
html = html.replace('</head>', `<meta name="rai-tools-pins" content="${pin('_bg.wasm')} ${pin('.css')}">\n</head>`);
writeFileSync(htmlPath, html);
console.log(`pin-code: ${Object.keys(integrity).length} module addresses pinned`);
