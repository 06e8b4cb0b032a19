// Post-build hook (see Trunk.toml): publishes the content pack files that build.rs wrote to
// <target>/content/pack-<lang>-<fingerprint>.bin, one per language, next to index.html. The loader
// (externalize-loader.mjs) preloads the one of the page's language while the wasm downloads, so
// waiting for content adds no round trip. Fails the build unless there is exactly one English pack.
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stagingDir } from './dist-files.mjs';

const dir = stagingDir('publish-pack');
const target = process.env.CARGO_TARGET_DIR ?? join(process.env.TRUNK_SOURCE_DIR ?? '.', 'target');
const source = join(target, 'content');
let files = [];
try {
  files = readdirSync(source).filter((f) => /^pack-[a-z]{2,3}-[0-9a-f]{16}\.bin$/.test(f));
} catch {
  // reported below
}
const languages = files.map((f) => f.split('-')[1]);
if (languages.filter((l) => l === 'en').length !== 1 || new Set(languages).size !== languages.length) {
  console.error(`publish-pack: expected one pack file per language, English included, in ${source}; found ${files.join(', ') || 'none'}`);
  process.exit(1);
}
for (const name of files) copyFileSync(join(source, name), join(dir, name));
console.log(`publish-pack: ${files.join(', ')}`);
