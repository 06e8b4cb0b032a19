// The self-hosting guide's server settings, tested on the servers themselves: Caddy, nginx and Apache
// (Debian's packages, installed by scripts/setup.sh --browser, never started as services) each serve a
// copy of dist/ at /tools/rai/ with the block docs/self-hosting.md gives, read from that file, so the
// guide and the test cannot drift. For each: what it sends (types, precompressed copies, caching,
// frame-ancestors), then the app run from it in Chromium, its offline copy kept and used offline.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from '../tools/browser.mjs';
import { DIST, ROOT } from '../tools/fixture.mjs';
import { guard } from '../tools/guards.mjs';
import { AppPage } from '../pages/app-page.mjs';

const GUIDE = readFileSync(join(ROOT, 'docs', 'self-hosting.md'), 'utf8');
const PREFIX = '/tools/rai/';

/** The fenced block after `<!-- tested: name -->` in the guide, its list indentation removed. */
function block(name) {
  const found = GUIDE.match(new RegExp(`<!-- tested: ${name} -->\\n\\s*\`\`\`\\w*\\n([\\s\\S]*?)\\n\\s*\`\`\`\\n`));
  if (!found) throw new Error(`docs/self-hosting.md has no block marked "tested: ${name}"`);
  return found[1].split('\n').map((line) => line.replace(/^ {2}/, '')).join('\n');
}

const freePort = () => new Promise((done, fail) => {
  const probe = createServer().once('error', fail).listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => done(port));
  });
});

let work;
let site; // the copy of dist/ every server serves, readable by Apache's www-data
let browser;
before(async () => {
  work = mkdtempSync(join(tmpdir(), 'rai-servers-'));
  chmodSync(work, 0o755);
  site = join(work, 'rai');
  cpSync(DIST, site, { recursive: true });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Each server: its binary, its configuration around the guide's block, and the command to run it. */
const SERVERS = {
  caddy: {
    binary: '/usr/bin/caddy',
    config: (port, dir) => ({
      file: 'Caddyfile',
      text: `{\n\tadmin off\n\tauto_https off\n}\nhttp://127.0.0.1:${port} {\n${block('caddy').replaceAll('/srv/rai', site)}\n}\n`,
      args: ['run', '--config', join(dir, 'Caddyfile'), '--adapter', 'caddyfile'],
    }),
  },
  nginx: {
    binary: '/usr/sbin/nginx',
    config: (port, dir) => ({
      file: 'nginx.conf',
      text: `daemon off;\nmaster_process off;\npid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\n`
        + 'load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;\nevents {}\nhttp {\n'
        + `access_log off;\nclient_body_temp_path ${dir}/body;\nproxy_temp_path ${dir}/proxy;\nfastcgi_temp_path ${dir}/fastcgi;\n`
        + `uwsgi_temp_path ${dir}/uwsgi;\nscgi_temp_path ${dir}/scgi;\n${block('nginx-http')}\n`
        + `server {\nlisten 127.0.0.1:${port};\n${block('nginx-server').replaceAll('/srv/rai', site)}\n}\n}\n`,
      args: ['-c', join(dir, 'nginx.conf'), '-p', dir, '-e', join(dir, 'error.log')],
    }),
  },
  apache: {
    binary: '/usr/sbin/apache2',
    config: (port, dir) => {
      const modules = ['mpm_event', 'authz_core', 'dir', 'mime', 'rewrite', 'headers', 'alias']
        .map((m) => `LoadModule ${m}_module /usr/lib/apache2/modules/mod_${m}.so`).join('\n');
      const asRoot = process.getuid?.() === 0 ? 'User www-data\nGroup www-data\n' : '';
      return {
        file: 'httpd.conf',
        text: `${modules}\nServerName 127.0.0.1\nListen 127.0.0.1:${port}\nPidFile ${dir}/httpd.pid\nErrorLog ${dir}/error.log\n`
          + `DefaultRuntimeDir ${dir}\nMutex file:${dir} default\nTypesConfig /etc/mime.types\n${asRoot}`
          + `DocumentRoot ${dir}\nDirectoryIndex index.html\nAlias ${PREFIX} ${site}/\n`
          + `<Directory ${site}>\nRequire all granted\n${block('apache')}\n</Directory>\n`,
        args: ['-f', join(dir, 'httpd.conf'), '-DFOREGROUND'],
      };
    },
  },
};

/** Starts `name` on a free port; resolves once it answers, with its address and a stop function. */
async function start(name) {
  const server = SERVERS[name];
  if (!existsSync(server.binary)) throw new Error(`${server.binary} is missing: run scripts/setup.sh --browser`);
  const port = await freePort();
  const dir = join(work, name);
  mkdirSync(dir);
  chmodSync(dir, 0o755);
  const { file, text, args } = server.config(port, dir);
  writeFileSync(join(dir, file), text);
  const env = { ...process.env, HOME: dir, XDG_DATA_HOME: dir, XDG_CONFIG_HOME: dir };
  const child = spawn(server.binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const exited = new Promise((done) => child.once('exit', (code) => done(code)));
  const url = `http://127.0.0.1:${port}${PREFIX}`;
  // Waits for the condition (the server answering), not for a time; a server that exits fails at once.
  for (;;) {
    const up = await fetch(url).then((r) => r.ok, () => false);
    if (up) break;
    const code = await Promise.race([exited, new Promise((done) => setTimeout(() => done(undefined), 100))]);
    if (code !== undefined) throw new Error(`${name} exited (${code}):\n${log}`);
  }
  return { url, stop: async () => { child.kill('SIGTERM'); await exited; } };
}

const hashed = readdirSync(DIST).filter((n) => /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|bin)$/.test(n));
const named = (re) => hashed.find((n) => re.test(n));

for (const name of Object.keys(SERVERS)) {
  describe(`${name} with the guide's settings`, () => {
    let server;
    before(async () => { server = await start(name); });
    after(async () => { await server?.stop(); });

    test('sends each file with its type, compressed, and cached as the guide says', async () => {
      const get = (path) => fetch(server.url + path, { headers: { 'accept-encoding': 'br, gzip' } });
      for (const [path, type, encoded, cache] of [
        [named(/^rai-assess-.*_bg\.wasm$/), 'application/wasm', true, 'immutable'],
        [named(/^rai-assess-.*\.js$/), 'javascript', true, 'immutable'],
        [named(/^app-.*\.css$/), 'text/css', true, 'immutable'],
        [named(/^pack-.*\.bin$/), '', true, 'immutable'],
        ['index.html', 'text/html', true, 'no-cache'],
        ['sw.js', 'javascript', true, 'no-cache'],
        ['manifest.webmanifest', 'application/manifest+json', true, 'no-cache'],
        ['samples/abuse-triage.json', 'application/json', true, 'no-cache'],
        ['icons/icon-192.png', 'image/png', false, 'no-cache'],
      ]) {
        const response = await get(path);
        assert.equal(response.status, 200, path);
        assert.ok((response.headers.get('content-type') ?? '').includes(type), `${path}: type ${response.headers.get('content-type')}`);
        if (encoded) assert.match(response.headers.get('content-encoding') ?? '', /^(br|gzip)$/, `${path} compressed`);
        assert.ok((response.headers.get('cache-control') ?? '').includes(cache), `${path}: cache ${response.headers.get('cache-control')}`);
        assert.match(response.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/, `${path}: frame-ancestors`);
        assert.ok(Buffer.from(await response.arrayBuffer()).equals(readFileSync(join(DIST, path))), `${path}: the file's bytes`);
      }
      const folder = await get('');
      assert.equal(folder.status, 200);
      assert.ok(Buffer.from(await folder.arrayBuffer()).equals(readFileSync(join(DIST, 'index.html'))), 'the folder is index.html');
    });

    test('runs the app, which keeps its offline copy and opens with the network off', async () => {
      const context = await browser.newContext({ serviceWorkers: 'allow' });
      const page = await context.newPage();
      const guards = guard(page, new URL(server.url).origin);
      const ui = new AppPage(page, server.url);
      await ui.open('/about');
      await page.locator('#app-version').waitFor();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await context.setOffline(true);
      await page.reload();
      await ui.ready();
      assert.equal(await ui.headingText(), 'About this app');
      await context.setOffline(false);
      await guards.assertClean(name);
      await context.close();
    });
  });
}
