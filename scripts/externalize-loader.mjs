// Post-build hook (see Trunk.toml): replaces trunk's inline module loader in index.html with
// boot-<hash>.js, pinned by an SRI hash, so the page runs under `script-src 'self'` with no inline
// script. The new loader fetches the wasm with its integrity checked (Chromium ignores `integrity` on
// the wasm's preload link, and wasm-bindgen's own fetch has none) and, if anything fails to load or
// start, says so in the page's #boot line. Fails the build if the loader's shape is not the expected
// one or any inline script remains.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';
import { sri, stagingDir } from './dist-files.mjs';
import { SKIP_WAITING } from './offline/messages.mjs';

const dir = stagingDir('externalize-loader');
const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

const inline = /<script type="module"(?:\s+nonce="[^"]*")?>([\s\S]*?)<\/script>/g;
const loaders = [...html.matchAll(inline)].filter((m) => m[1].includes('import init'));
if (loaders.length !== 1) {
  console.error(`externalize-loader: expected one inline loader, found ${loaders.length}`);
  process.exit(1);
}
const [tag, body] = loaders[0];
const glue = body.match(/import init, \* as bindings from '([^']+)';/)?.[1];
const wasmPath = body.match(/module_or_path: '([^']+)'/)?.[1];
if (!glue || !wasmPath || !body.includes('TrunkApplicationStarted')) {
  console.error('externalize-loader: trunk\'s loader changed shape; update this hook');
  process.exit(1);
}
const wasmIntegrity = sri(readFileSync(join(dir, wasmPath)));
// The content packs, one per language, published by publish-pack.mjs (run before this hook). The
// app fetches the one of its language by name (src/browser/content.rs); every fetch of a pack's name
// from the page carries its SHA-256, so the browser refuses a changed pack (done here rather than in
// the wasm, where it cost 500 bytes of the first load).
const packs = Object.fromEntries(readdirSync(dir).filter((f) => /^pack-[a-z]{2,3}-[0-9a-f]{16}\.bin$/.test(f))
  .map((f) => [f.split('-')[1], [f, sri(readFileSync(join(dir, f)))]]));
if (!packs.en) {
  console.error('externalize-loader: no English content pack in dist (run publish-pack.mjs first)');
  process.exit(1);
}
// The glue is imported inside the try so that a glue that fails its integrity check (see the import
// map written by pin-code.mjs) is reported like any other failure to start.
// The page's language is chosen as src/core/language.rs chooses it (the app decides again and is
// the authority): remembered, else the browser's first preference offered, else English. It is set on
// the document now, so nothing is laid out in the wrong direction, and its pack preloaded.
// Every fetch of a pack's address (a string, URL or Request, relative or not) carries its hash. A
// refused pack is asked for again without its body (HEAD), so that a missing file still reads as the
// server's answer (404, 410) and any other refusal as changed.
const code = `const fetchAny = window.fetch;
const packs = ${JSON.stringify(packs)};
let lang;
try { lang = localStorage.getItem('rai.language')?.toLowerCase(); } catch {}
if (!Object.hasOwn(packs, lang)) lang = navigator.languages.map((l) => l.split(/[-_]/)[0].toLowerCase()).find((l) => Object.hasOwn(packs, l)) ?? 'en';
document.documentElement.lang = lang;
document.documentElement.dir = ['ar', 'fa', 'he', 'ur'].includes(lang) ? 'rtl' : 'ltr';
document.head.append(Object.assign(document.createElement('link'), { rel: 'preload', href: './' + packs[lang][0],
  as: 'fetch', type: 'application/octet-stream', crossOrigin: 'anonymous', integrity: packs[lang][1] }));
const sums = new Map(Object.values(packs).map(([name, sum]) => [new URL('./' + name, document.baseURI).href, sum]));
window.fetch = (url, init) => {
  const href = new URL(url?.url ?? url, document.baseURI).href;
  return !sums.has(href) ? fetchAny(url, init)
    : fetchAny(url, { ...init, integrity: sums.get(href) }).catch((e) => fetchAny(href, { method: 'HEAD', signal: init?.signal })
      .then((r) => (r.status === 404 || r.status === 410 ? r : Promise.reject(e))));
};
${await offlineSide()}
try {
  const bindings = await import('${glue}');
  const wasm = await bindings.default({ module_or_path: fetch('${wasmPath}', { integrity: '${wasmIntegrity}' }) });
  window.wasmBindings = bindings;
  // The app is in the page now: the line goes before anything is painted, so nothing moves up.
  document.getElementById('boot')?.remove();
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
  startOffline();
} catch (e) {
  startOffline();
  const line = document.getElementById('boot');
  if (line) {
    line.textContent = line.dataset.failed;
    delete line.dataset.failed; // said once, not again by the late fallback in base.css
  }
  throw e;
}
`;
/**
 * The page's side of the offline worker (scripts/offline/register.js), minified, as the function
 * `startOffline`: called once the app started or failed to.
 */
async function offlineSide() {
  const source = `function startOffline() {\n${readFileSync(new URL('./offline/register.js', import.meta.url), 'utf8')}\n}`
    .replace("'__SKIP_WAITING__'", JSON.stringify(SKIP_WAITING));
  const { code } = await minify(source, { module: false, toplevel: false, ecma: 2020, compress: { passes: 2 }, mangle: true });
  if (!code || code.includes('__SKIP_WAITING__') || !code.startsWith('function startOffline(')) {
    console.error('externalize-loader: could not prepare scripts/offline/register.js');
    process.exit(1);
  }
  return code;
}
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
const integrity = sri(code);
writeFileSync(join(dir, name), code);
html = html.replace(tag, `<script type="module" src="./${name}" integrity="${integrity}"></script>`);

const leftover = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => m[2].trim() !== '');
if (leftover.length) {
  console.error(`externalize-loader: ${leftover.length} inline script(s) left in index.html`);
  process.exit(1);
}
writeFileSync(htmlPath, html);
console.log(`externalize-loader: loader moved to ${name}`);
