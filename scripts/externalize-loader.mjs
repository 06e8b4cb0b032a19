// Post-build hook (see Trunk.toml): moves trunk's inline module loader out of index.html into
// boot-<hash>.js with an SRI hash, so the page runs under `script-src 'self'` with no inline script.
// Fails the build if no loader is found or any inline script remains.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('externalize-loader: TRUNK_STAGING_DIR is not set (run through trunk)');
  process.exit(1);
}
const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

const inline = /<script type="module"(?:\s+nonce="[^"]*")?>([\s\S]*?)<\/script>/g;
const loaders = [...html.matchAll(inline)].filter((m) => m[1].includes('import init'));
if (loaders.length !== 1) {
  console.error(`externalize-loader: expected one inline loader, found ${loaders.length}`);
  process.exit(1);
}
const [tag, body] = loaders[0];
const code = body.trim() + '\n';
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
const integrity = 'sha384-' + createHash('sha384').update(code).digest('base64');
writeFileSync(join(dir, name), code);
html = html.replace(tag, `<script type="module" src="./${name}" integrity="${integrity}"></script>`);

const leftover = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => m[2].trim() !== '');
if (leftover.length) {
  console.error(`externalize-loader: ${leftover.length} inline script(s) left in index.html`);
  process.exit(1);
}
writeFileSync(htmlPath, html);
console.log(`externalize-loader: loader moved to ${name}`);
