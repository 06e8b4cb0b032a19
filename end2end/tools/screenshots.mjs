// Takes full-page screenshots of views at desktop and phone widths, for looking at what users see.
// Usage: node end2end/tools/screenshots.mjs [outdir] [route ...]   (after a release build)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { serveDist } from './static-server.mjs';

const [out = 'end2end/artifacts', ...args] = process.argv.slice(2);
const routes = args.length ? args : ['/', '/assessments', '/guidance', '/about', '/nowhere'];
const sizes = { desktop: { width: 1280, height: 800 }, phone: { width: 375, height: 740 } };
mkdirSync(out, { recursive: true });
const server = await serveDist('dist');
const browser = await launch();
for (const [name, viewport] of Object.entries(sizes)) {
  const page = await browser.newPage({ viewport });
  for (const route of routes) {
    await page.goto(`${server.url}#${route}`);
    await page.waitForSelector('html[data-ready="true"] main h1');
    const file = join(out, `${name}${route.replaceAll('/', '_') || '_home'}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.close();
}
await browser.close();
await server.close();
