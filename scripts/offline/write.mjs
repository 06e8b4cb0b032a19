// Post-build step (scripts/post-build.sh, before compress.mjs): writes the offline worker for this
// build (dist/sw.js, from the sw.js template: every file of the build with its SHA-256), its kill
// switch (sw-remove.js) and version.json (the app's and the content's versions and the build's
// fingerprint, for administrators and for archiving the exact tool beside an assessment). Exported
// too, so the end-to-end tests can make a second build from a copy of dist/ (an update).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder, stagingDir } from '../dist-files.mjs';
import { SKIP_WAITING } from './messages.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
/** Written here, or about the build rather than part of it: never in the worker's list. */
const NOT_CACHED = new Set(['sw.js', 'sw-remove.js', 'version.json', 'SHA256SUMS']);

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const versionIn = (file) => readFileSync(join(ROOT, file), 'utf8').match(/^version\s*=\s*"([^"]+)"/m)[1];

/** The files the worker keeps (paths relative to dist/, index.html as './') with their SHA-256. */
export function buildFiles(dir) {
  const files = {};
  for (const path of filesUnder(dir).sort()) {
    const name = relative(dir, path).split('\\').join('/');
    if (/\.(br|gz)$/.test(name) || NOT_CACHED.has(name)) continue;
    files[name === 'index.html' ? './' : `./${name}`] = sha256(readFileSync(path));
  }
  return files;
}

/** Writes sw.js, sw-remove.js and version.json into `dir`; returns the build's fingerprint. */
export function writeOffline(dir) {
  const files = buildFiles(dir);
  if (!files['./']) throw new Error(`offline: no index.html in ${dir}`);
  const build = sha256(Object.entries(files).map(([p, h]) => `${h}  ${p}\n`).join('')).slice(0, 16);
  const worker = readFileSync(join(HERE, 'sw.js'), 'utf8')
    .replace("'__BUILD__'", JSON.stringify(build))
    .replace('__FILES__', JSON.stringify(files, null, 1))
    .replace("'__SKIP_WAITING__'", JSON.stringify(SKIP_WAITING));
  if (/__[A-Z_]+__/.test(worker)) throw new Error('offline: a placeholder of sw.js was not filled in');
  writeFileSync(join(dir, 'sw.js'), worker);
  writeFileSync(join(dir, 'sw-remove.js'), readFileSync(join(HERE, 'sw-remove.js'), 'utf8')
    .replace("'__SKIP_WAITING__'", JSON.stringify(SKIP_WAITING)));
  const version = { app: versionIn('Cargo.toml'), content: versionIn('content/pack.toml'), build, files: Object.keys(files).length };
  writeFileSync(join(dir, 'version.json'), `${JSON.stringify(version, null, 2)}\n`);
  return build;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = stagingDir('offline');
  const build = writeOffline(dir);
  console.log(`offline: sw.js keeps ${Object.keys(buildFiles(dir)).length} files of build ${build}`);
}
