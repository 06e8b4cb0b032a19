// Post-build hook (see Trunk.toml): publishes the content pack file that build.rs wrote to
// <target>/content/pack-<fingerprint>.bin next to index.html, and tells the browser to fetch it while
// the wasm downloads (<link rel="preload">), so waiting for content adds no round trip.
// Fails the build unless there is exactly one pack file.
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stagingDir } from './dist-files.mjs';

const dir = stagingDir('publish-pack');
const target = process.env.CARGO_TARGET_DIR ?? join(process.env.TRUNK_SOURCE_DIR ?? '.', 'target');
const source = join(target, 'content');
let files = [];
try {
  files = readdirSync(source).filter((f) => /^pack-[0-9a-f]{16}\.bin$/.test(f));
} catch {
  // reported below
}
if (files.length !== 1) {
  console.error(`publish-pack: expected one pack file in ${source}, found ${files.length}`);
  process.exit(1);
}
const [name] = files;
copyFileSync(join(source, name), join(dir, name));

const htmlPath = join(dir, 'index.html');
const html = readFileSync(htmlPath, 'utf8');
const preload = `<link rel="preload" href="./${name}" as="fetch" type="application/octet-stream" crossorigin>`;
if (!html.includes('</head>')) {
  console.error('publish-pack: no </head> in index.html');
  process.exit(1);
}
writeFileSync(htmlPath, html.replace('</head>', `${preload}\n</head>`));
console.log(`publish-pack: ${name}`);
