// Post-build hook (see Trunk.toml): builds the tools module (src/tools.rs: results, reports and the
// risk workspace, see src/core/render.rs), which the app loads only when such a view opens, so none of
// it counts in the first load. Same steps as trunk takes for the app: cargo, wasm-bindgen, and in
// release wasm-opt -Oz; then content-hashed names, and a <meta name="rai-tools"> telling the app
// which file to load.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { filesUnder, stagingDir } from './dist-files.mjs';

const dir = stagingDir('build-tools');
const release = process.env.TRUNK_PROFILE === 'release';
const target = process.env.CARGO_TARGET_DIR ?? join(process.env.TRUNK_SOURCE_DIR ?? '.', 'target');
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });

run('cargo', [
  'build', '--offline', '--target', 'wasm32-unknown-unknown', '--bin', 'rai-tools',
  ...(release ? ['--release'] : []),
]);
const out = join(target, 'tools');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const built = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'rai-tools.wasm');
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', 'rai-tools', built]);
const wasmPath = join(out, 'rai-tools_bg.wasm');
if (release) {
  run('wasm-opt', [
    '-Oz', '--converge', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue', '--flatten', '--rereloop', '-Oz',
    wasmPath, '-o', wasmPath,
  ]);
}
const wasm = readFileSync(wasmPath);
let js = readFileSync(join(out, 'rai-tools.js'), 'utf8');
// The styles of the views this module draws (scripts/bundle-css.mjs), linked when it loads.
const css = readFileSync(join(process.env.TRUNK_SOURCE_DIR ?? '.', 'target', 'css', 'tools.css'));
// Its own snippets (inline JavaScript of its Rust code, such as the backup folder's adapter) carry the
// crate's name like the app's, so they would land on the app's snippet files: they go under a folder
// named after this module.
const snippetDir = join(out, 'snippets');
const snippets = existsSync(snippetDir) ? filesUnder(snippetDir).map((path) => relative(snippetDir, path).split('\\').join('/')) : [];
const hasher = createHash('sha256').update(wasm).update(js).update(css);
for (const name of snippets) hasher.update(name).update(readFileSync(join(snippetDir, name)));
const hash = hasher.digest('hex').slice(0, 16);
const base = `rai-tools-${hash}`;
for (const name of snippets) {
  if (!js.includes(`from './snippets/${name}'`) && !js.includes(`from "./snippets/${name}"`)) {
    console.error(`build-tools: the glue does not import ./snippets/${name} as expected; update this hook`);
    process.exit(1);
  }
  // Only where the glue imports the file: the wasm's own import names stay as they are.
  js = js.replaceAll(`from './snippets/${name}'`, `from './snippets/${base}/${name}'`)
    .replaceAll(`from "./snippets/${name}"`, `from "./snippets/${base}/${name}"`);
  mkdirSync(dirname(join(dir, 'snippets', base, name)), { recursive: true });
  writeFileSync(join(dir, 'snippets', base, name), readFileSync(join(snippetDir, name)));
}
if (!js.includes("'rai-tools_bg.wasm'")) {
  console.error('build-tools: the glue no longer names rai-tools_bg.wasm; update this hook');
  process.exit(1);
}
js = js.replace("'rai-tools_bg.wasm'", `'${base}_bg.wasm'`);
writeFileSync(join(dir, `${base}.js`), js);
writeFileSync(join(dir, `${base}_bg.wasm`), wasm);
writeFileSync(join(dir, `${base}.css`), css);

const htmlPath = join(dir, 'index.html');
const html = readFileSync(htmlPath, 'utf8');
writeFileSync(htmlPath, html.replace('</head>', `<meta name="rai-tools" content="./${base}.js">\n</head>`));
console.log(`build-tools: ${base} (${(wasm.length / 1024).toFixed(1)} KB wasm)`);
