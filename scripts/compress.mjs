// Post-build hook, run last (see post-build.sh): writes `<file>.br` (brotli 11) and `<file>.gz`
// (gzip 9) beside every compressible file of the build, so any server that can serve precompressed
// files sends them compressed whatever its own settings (docs/self-hosting.md shows nginx, Apache, IIS
// and Caddy). Most intranet servers compress only HTML by default and none the content pack
// (`application/octet-stream`): 148 KiB more on the wire than gzip. The end-to-end server serves
// them too, so the tests run on what such a server sends.
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { filesUnder, stagingDir } from './dist-files.mjs';

const dir = stagingDir('compress');
const COMPRESSIBLE = /\.(html|js|css|wasm|bin|json|svg|webmanifest)$/;
let raw = 0;
let br = 0;
for (const path of filesUnder(dir).filter((p) => COMPRESSIBLE.test(p))) {
  const data = readFileSync(path);
  const brotli = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  writeFileSync(`${path}.br`, brotli);
  writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  raw += data.length;
  br += brotli.length;
}
console.log(`compress: ${(raw / 1024).toFixed(0)} KiB written again as .br (${(br / 1024).toFixed(0)} KiB) and .gz`);
