// Shared setup for the end-to-end tests: the built dist/ served under a sub-path, one browser.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.mjs';
import { guard } from './guards.mjs';
import { AppPage } from '../pages/app-page.mjs';
import { GuidancePage } from '../pages/guidance-page.mjs';
import { LibraryPage } from '../pages/library-page.mjs';
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
  /** One page with its guards and page objects, in the given browser context. */
  async function open(context) {
    const page = await context.newPage();
    return {
      context,
      page,
      guards: guard(page, server.origin),
      ui: new AppPage(page, server.url),
      guidance: new GuidancePage(page),
      lib: new LibraryPage(page),
    };
  }
  return {
    server,
    browser,
    /**
     * A fresh browser context (empty storage), optionally with a script run before the app (given
     * `arg`). The
     * offline worker is blocked unless `options.serviceWorkers` is 'allow' (offline.test.mjs): the
     * tests that stand in for the network with `context.route` must see every request, and requests
     * a worker answers never reach a route.
     */
    async visit(options = {}, init, arg) {
      const context = await browser.newContext({ serviceWorkers: 'block', ...options });
      if (init) await context.addInitScript(init, arg);
      return open(context);
    },
    /** Another page in the same context, as a second tab. */
    secondPage: open,
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}
