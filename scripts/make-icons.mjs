// Writes the PNG icons of the web app manifest from the two SVGs in public/icons/ (run by hand after
// changing an SVG: `node scripts/make-icons.mjs`; the PNGs are committed, so builds need no browser).
// The plain icon has rounded corners on a transparent ground; the maskable one fills its square and
// keeps the mark inside the central circle that every platform's mask leaves visible; iOS rounds the
// corners of apple-touch-icon itself, so it is the maskable one at 180 px.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../end2end/tools/browser.mjs';

const DIR = 'public/icons';
const ICONS = [
  ['icon.svg', 192, 'icon-192.png'],
  ['icon.svg', 512, 'icon-512.png'],
  ['icon-maskable.svg', 512, 'icon-maskable-512.png'],
  ['icon-maskable.svg', 180, 'apple-touch-icon.png'],
];

const browser = await launch();
const page = await browser.newPage();
for (const [svg, size, png] of ICONS) {
  await page.setViewportSize({ width: size, height: size });
  const data = Buffer.from(readFileSync(join(DIR, svg))).toString('base64');
  await page.setContent(`<style>*{margin:0}</style><img src="data:image/svg+xml;base64,${data}" width="${size}" height="${size}">`);
  await page.locator('img').evaluate((img) => img.decode());
  await page.screenshot({ path: join(DIR, png), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  console.log(`make-icons: ${png} (${size} px)`);
}
await browser.close();
