// The one-file edition: `rai-assess.html`, one HTML file that holds the whole app built in dist/ (code,
// styles, content pack, tools module, samples) and runs opened straight from disk (file://), from a USB
// stick or a mail attachment, or from any server, with no other file and no network.
//
//   node scripts/one-file.mjs [dist] [out]      (defaults: dist, release/rai-assess.html)
//
// How: esbuild bundles the app's glue (with its snippet) and the tools module's glue with a small
// loader into one inline module script; the wasm files, the pack and the samples ride in it as gzip in
// base64, unpacked by the browser's DecompressionStream when the app asks for them: the loader answers
// the app's `fetch` of those names, so the app runs unchanged (the tools module's loader takes the
// module from `window.raiInline` instead of importing it: src/browser/tools.rs). The styles are inline.
// The page's Content-Security-Policy allows that one script and that one style by their SHA-256 and
// nothing else: no 'self', no network at all (default-src 'none'). It has no offline worker and no
// manifest, so it does not install; everything else works as in dist/.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const fail = (why) => { throw new Error(`one-file: ${why}`); };
const TOO_OLD = 'RAI Assess could not start in this browser. It needs a current Chrome, Edge, Firefox or Safari '
  + '(from 2023 on) with JavaScript and WebAssembly allowed. If the file came by mail, save it to disk first and open it from there.';
const hash = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The names index.html gives the build's files. */
function namesIn(html) {
  const find = (re, what) => html.match(re)?.[1] ?? fail(`no ${what} in index.html`);
  const tools = find(/<meta name="rai-tools" content="\.\/(rai-tools-[0-9a-f]{16})\.js">/, 'tools module');
  return {
    glue: find(/<link rel="modulepreload" href="\.\/(rai-assess-[0-9a-f]{12,16}\.js)"/, 'app glue'),
    wasm: find(/<link rel="preload" href="\.\/(rai-assess-[0-9a-f]{12,16}_bg\.wasm)"/, 'app wasm'),
    css: find(/<link rel="stylesheet" href="\.\/(app-[0-9a-f]{12,16}\.css)"/, 'stylesheet'),
    tools,
  };
}

/** The loader: answers the app's fetches of the carried files, starts the app as boot.js does. */
function loader(names, carried) {
  return `import * as app from './${names.glue}';
import * as tools from './${names.tools}.js';
const CARRIED = ${JSON.stringify(carried)};
const fetchAny = window.fetch;
const at = (name) => new URL(name, document.baseURI).href;
const files = new Map(Object.entries(CARRIED).map(([name, file]) => [at(name), file]));
async function unpack({ type, gz }) {
  const zipped = Uint8Array.from(atob(gz), (c) => c.charCodeAt(0));
  const body = new Blob([zipped]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(await new Response(body).arrayBuffer(), { headers: { 'content-type': type } });
}
// Only the carried files are ever asked for; anything else goes to the browser, which the page's
// policy refuses (default-src 'none'), as a missing file would be. Like fetch, it never throws:
// it rejects.
window.fetch = (url, init) => {
  try {
    const file = files.get(new URL(url?.url ?? url, document.baseURI).href);
    if (!file) return fetchAny(url, init);
    const signal = init?.signal ?? url?.signal;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const method = String(init?.method ?? url?.method ?? 'GET').toUpperCase();
    if (method === 'HEAD') return Promise.resolve(new Response(null, { headers: { 'content-type': file.type } }));
    if (method !== 'GET') throw new TypeError(method + ' of a file carried in the page');
    return unpack(file);
  } catch (e) {
    return Promise.reject(e);
  }
};
window.raiInline = { tools };
try {
  const wasm = await app.default({ module_or_path: fetch(at('${names.wasm}')) });
  window.wasmBindings = app;
  document.getElementById('boot')?.remove();
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (e) {
  const line = document.getElementById('boot');
  if (line) {
    line.textContent = line.dataset.failed;
    delete line.dataset.failed;
  }
  throw e;
}
`;
}

/** Writes the one-file edition of the build in `dist` to `out`; returns its size in bytes. */
export async function buildOneFile(dist, out) {
  dist = resolve(dist);
  let html = readFileSync(join(dist, 'index.html'), 'utf8');
  const names = namesIn(html);
  const carry = (name, type) => ({ type, gz: gzipSync(readFileSync(join(dist, name)), { level: 9 }).toString('base64') });
  const carried = {
    [names.wasm]: carry(names.wasm, 'application/wasm'),
    [`${names.tools}_bg.wasm`]: carry(`${names.tools}_bg.wasm`, 'application/wasm'),
  };
  // Every language's pack rides along: the app picks one as it starts, and switching needs no server.
  const packs = readdirSync(dist).filter((n) => /^pack-[a-z]{2,3}-[0-9a-f]{16}\.bin$/.test(n));
  if (!packs.some((n) => n.startsWith('pack-en-'))) fail('no English content pack in the build');
  for (const pack of packs) carried[pack] = carry(pack, 'application/octet-stream');
  for (const sample of readdirSync(join(dist, 'samples')).filter((n) => n.endsWith('.json'))) {
    carried[`samples/${sample}`] = carry(`samples/${sample}`, 'application/json');
  }
  const bundled = await build({
    stdin: { contents: loader(names, carried), resolveDir: dist, sourcefile: 'one-file-loader.js', loader: 'js' },
    bundle: true, format: 'esm', minify: true, write: false, target: 'es2022', legalComments: 'none', logLevel: 'error',
  });
  const script = bundled.outputFiles[0].text.trim();
  const style = ['\n', readFileSync(join(dist, names.css), 'utf8'), readFileSync(join(dist, `${names.tools}.css`), 'utf8'), '\n'].join('');
  if (/<\/script|<!--/i.test(script)) fail('the bundled script holds "</script" or "<!--"');
  if (/<\/style/i.test(style)) fail('the styles hold "</style"');

  const version = JSON.parse(readFileSync(join(dist, 'version.json'), 'utf8'));
  const csp = `default-src 'none'; script-src ${hash(script)} 'wasm-unsafe-eval'; style-src ${hash(style)}; img-src data:; `
    + "object-src 'none'; base-uri 'none'; form-action 'none'";
  const replace = (re, by, what) => {
    if (!re.test(html)) fail(`index.html changed shape: no ${what}`);
    html = html.replace(re, by);
  };
  replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*" \/>\n<script type="importmap">[^<]*<\/script>/,
    `<meta http-equiv="Content-Security-Policy" content="${csp}" />`, 'CSP and import map');
  replace(/<meta name="theme-color"[^>]*>\s*<link rel="manifest"[^>]*>\s*<link rel="apple-touch-icon"[^>]*>/, '', 'manifest links');
  replace(/<link rel="stylesheet" href="\.\/app-[^>]*>/, () => `<style>${style}</style>`, 'stylesheet');
  replace(/<script type="module" src="\.\/boot-[^>]*><\/script>/, () => `<script type="module">${script}</script>`, 'loader');
  // The preloads alone: what follows them on their line (the tools module's meta) stays.
  replace(/(\s*<link rel="(?:module)?preload"[^>]*>)+/, '', 'preloads');
  replace(/\s*<div id="update"[\s\S]*?<\/div>/, '', 'update bar');
  // With no server, a failure to start can only be the browser's.
  replace(/(<p id="boot" role="status"[^>]*? data-failed=")[^"]*"/, `$1${TOO_OLD}"`, 'boot line');
  replace(/<head>/, `<head>\n    <!-- RAI Assess ${version.app}, content ${version.content}, build ${version.build}: the one-file edition. -->`, 'head');
  if (/(href|src)="\.\//.test(html)) fail('a reference to another file is left');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  return Buffer.byteLength(html);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dist = 'dist', out = 'release/rai-assess.html'] = process.argv.slice(2);
  const size = await buildOneFile(dist, out);
  console.log(`one-file: ${out}, ${(size / 1e6).toFixed(2)} MB`);
}
