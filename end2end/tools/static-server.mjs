// A plain static file server for dist/, mounted under a sub-path with no rewrite rules, as an
// intranet server would be. Sends the app's CSP as a header too, so both delivery paths are tested:
// the policy of dist/index.html's meta element (it allows the build's import map by its hash, so it
// changes with each build) plus frame-ancestors, which only a header can set.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

/** The CSP to send for the app built in `root`. */
export function cspOf(root) {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const policy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  if (!policy) throw new Error(`no CSP meta element in ${root}/index.html`);
  return `${policy}; frame-ancestors 'none'`;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

/** The precompressed copy of `file` to send (scripts/compress.mjs wrote them), if the client takes it. */
async function precompressed(file, accepted, encodings) {
  for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!encodings.includes(encoding) || !accepted.includes(encoding)) continue;
    try {
      return { encoding, body: await readFile(file + ext) };
    } catch {
      // none written for this file
    }
  }
  return null;
}

/**
 * Serves `root` at http://127.0.0.1:<port><prefix>; resolves to { origin, url, close }. Like an
 * intranet server set up as docs/self-hosting.md says, it sends a file's precompressed copy when the
 * browser accepts its encoding (`encodings`: those it may send, best first; [] for none).
 */
export async function serveDist(root, prefix = '/srv/tools/rai/', port = 0, encodings = ['br', 'gzip'], options = {}) {
  // `options.cached`: files with a build hash in their names are sent as cacheable for a year, as
  // docs/self-hosting.md tells a server to (bench-start.mjs, so the offline worker's copy comes from
  // the browser's cache as it would there). `options.sent(path, bytes)`: told of every body sent.
  const { cached = false, sent = () => {} } = options;
  let base = resolve(root);
  let CSP = cspOf(base);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    let file = normalize(join(base, path.slice(prefix.length)));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    let length = 0;
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const packed = await precompressed(file, String(req.headers['accept-encoding'] ?? ''), encodings);
      const body = packed?.body ?? await readFile(file);
      length = body.length;
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': cached && /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|bin)$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
        vary: 'accept-encoding',
        ...(packed ? { 'content-encoding': packed.encoding } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    if (req.method !== 'HEAD') sent(path.slice(prefix.length), length);
  });
  await new Promise((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + prefix,
    /** Serves another build from now on, as a deployment to the same path would (offline.test.mjs). */
    setRoot(dir) {
      base = resolve(dir);
      CSP = cspOf(base);
    },
    close: () => new Promise((ok) => server.close(ok)),
  };
}
