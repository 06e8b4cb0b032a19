// Shared setup for the end-to-end tests: the built dist/ served under a sub-path, one browser.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { serveDist } from './static-server.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = process.env.DIST_DIR ?? join(ROOT, 'dist');

/** The versions the About page must show, read from the sources rather than repeated here. */
export function expectedVersions() {
  const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const pack = readFileSync(join(ROOT, 'content', 'pack.toml'), 'utf8');
  return {
    app: cargo.match(/^version\s*=\s*"([^"]+)"/m)[1],
    content: pack.match(/^version\s*=\s*"([^"]+)"/m)[1],
  };
}

export async function startApp() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: build first (trunk build --release)`);
  }
  const server = await serveDist(DIST);
  const browser = await launch();
  return {
    server,
    browser,
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}
