// Shared by the post-build hooks: the build's staging folder, every file under a folder, a file's SRI hash.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, at any depth. */
export const filesUnder = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]);

/** The `integrity` value of `bytes`: SHA-256, base64. */
export const sri = (bytes) => 'sha256-' + createHash('sha256').update(bytes).digest('base64');

/** The folder trunk is writing the build to; `hook` names the caller in the error when run by hand. */
export function stagingDir(hook) {
  const dir = process.env.TRUNK_STAGING_DIR;
  if (!dir) {
    console.error(`${hook}: TRUNK_STAGING_DIR is not set (run through trunk)`);
    process.exit(1);
  }
  return dir;
}
