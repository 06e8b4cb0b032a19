// Post-build step, run last (scripts/post-build.sh): SHA256SUMS lists every file of dist/ with its
// SHA-256, in the format `sha256sum -c SHA256SUMS` checks, so an administrator can confirm that a copy
// on an intranet server is the build that was released, file by file.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { filesUnder, stagingDir } from './dist-files.mjs';

const dir = stagingDir('checksums');
const lines = filesUnder(dir).map((path) => relative(dir, path).split('\\').join('/'))
  .filter((name) => name !== 'SHA256SUMS').sort()
  .map((name) => `${createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')}  ${name}\n`);
writeFileSync(join(dir, 'SHA256SUMS'), lines.join(''));
console.log(`checksums: ${lines.length} files in SHA256SUMS`);
