// Shared by the post-build hooks: every file under a folder, and a file's SRI hash.
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, at any depth. */
export const filesUnder = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
  e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]);

/** The `integrity` value of `bytes`: SHA-256, base64. */
export const sri = (bytes) => 'sha256-' + createHash('sha256').update(bytes).digest('base64');
