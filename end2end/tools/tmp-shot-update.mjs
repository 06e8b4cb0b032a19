import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './browser.mjs';
import { DIST } from './fixture.mjs';
import { serveDist } from './static-server.mjs';
import { writeOffline } from '../../scripts/offline/write.mjs';

const server = await serveDist(DIST);
const browser = await launch();
const dir = mkdtempSync(join(tmpdir(), 'shot-'));
cpSync(DIST, dir, { recursive: true });
const index = join(dir, 'index.html');
writeFileSync(index, readFileSync(index, 'utf8').replace('<html lang="en"', '<html data-build-test="next" lang="en"'));
for (const n of ['index.html', 'sw.js']) for (const e of ['.br', '.gz']) rmSync(join(dir, n + e), { force: true });
writeOffline(dir);
for (const [w, h, name] of [[1280, 800, 'desktop'], [390, 844, 'phone']]) {
  server.setRoot(DIST);
  const context = await browser.newContext({ viewport: { width: w, height: h } });
  const page = await context.newPage();
  await page.goto(server.url + '#/');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  server.setRoot(dir);
  await page.reload();
  await page.getByRole('button', { name: 'Reload now' }).waitFor();
  await page.keyboard.press('Tab');
  await page.screenshot({ path: `/tmp/update-${name}.png` });
  await context.close();
}
await browser.close();
await server.close();
rmSync(dir, { recursive: true, force: true });
