// End-to-end: the offline worker (scripts/offline/sw.js) with a real service worker in Chromium.
// After one visit the app opens, reloads, follows deep links and opens a sample with the network off;
// an assessment created offline survives a reload; a second build deployed to the same path is
// offered, never forced, and the answers survive the update; the kill switch leaves a working app;
// the manifest makes the app installable.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';
import { writeOffline } from '../../scripts/offline/write.mjs';

let app;
const copies = [];
before(async () => { app = await startApp(); });
after(async () => {
  await app?.stop();
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

/** A fresh context where the worker may run, its page open at the library once the worker is in charge. */
async function visitWithWorker() {
  app.server.setRoot(DIST);
  const visit = await app.visit({ serviceWorkers: 'allow' });
  await visit.ui.open('/assessments');
  await visit.page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return visit;
}

/**
 * A copy of dist/ changed as a new build would be (its index.html differs, so the worker's list and
 * fingerprint do), with a new sw.js written by the build's own step. `change(dir)` alters the copy.
 */
function nextBuild(change = (dir) => {
  const index = join(dir, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<html lang="en"', '<html data-build-test="next" lang="en"'));
}) {
  const dir = mkdtempSync(join(tmpdir(), 'rai-next-build-'));
  copies.push(dir);
  cpSync(DIST, dir, { recursive: true });
  change(dir);
  // The precompressed copies of what changed would be stale: a server would send the old bytes.
  for (const name of ['index.html', 'sw.js']) for (const ext of ['.br', '.gz']) rmSync(join(dir, name + ext), { force: true });
  writeOffline(dir);
  return dir;
}

describe('offline after the first visit', () => {
  test('with the network off, each view opens, reloads and follows a deep link', async () => {
    const { context, page, guards, ui } = await visitWithWorker();
    await context.setOffline(true);
    for (const [route, heading] of [['/', 'Assess AI in policing responsibly, in your own browser'],
      ['/assessments', 'Assessments'], ['/guidance', 'Guidance'], ['/about', 'About this app']]) {
      await ui.open(route);
      await page.reload();
      await ui.ready();
      assert.equal(await ui.headingText(), heading, `${route} after a reload offline`);
    }
    // The About page's body is written by the tools module, which the worker keeps too.
    await page.locator('#app-version').waitFor();
    await context.setOffline(false);
    await guards.assertClean('offline');
  });

  test('an assessment created offline is answered, kept over a reload, and a sample opens', async () => {
    const { context, page, guards, ui, lib } = await visitWithWorker();
    await context.setOffline(true);
    await page.reload();
    await ui.ready();
    await lib.create({ title: 'Made offline' });
    await page.locator('fieldset.question').first().getByRole('radio').first().check();
    await lib.waitSaved();
    await page.reload();
    await ui.ready();
    assert.equal(await ui.headingText(), 'Made offline');
    assert.equal(await page.locator('fieldset.question').first().getByRole('radio').first().isChecked(), true,
      'the answer given offline is still there after a reload offline');
    assert.match(await page.locator('.q-overall').textContent(), /1 of 58 questions answered/);

    // Results are written by the tools module, served by the worker.
    await lib.openReadinessResults();
    await ui.open('/assessments');
    await lib.openSample('Sample (fictional): Domestic-abuse risk triage');
    await context.setOffline(false);
    await guards.assertClean('offline');
  });
});

describe('a new version', () => {
  test('is offered in a status line, never forced, and the answers survive the update', async () => {
    const { page, guards, ui, lib, context } = await visitWithWorker();
    await lib.create({ title: 'Kept across the update' });
    await page.locator('fieldset.question').first().getByRole('radio').first().check();
    await lib.waitSaved();
    const other = await app.secondPage(context);
    await other.ui.open('/assessments');

    app.server.setRoot(nextBuild());
    await page.reload(); // a navigation makes the browser look for a new worker
    await ui.ready();
    const status = page.locator('#update [role=status]');
    await page.waitForFunction(() => /new version of RAI Assess is ready/.test(document.querySelector('#update [role=status]').textContent));
    assert.equal(await page.locator('html').getAttribute('data-build-test'), null, 'the page still runs the build it opened with');
    assert.deepEqual(await axeViolations(page), [], 'axe with the update bar showing');

    await page.getByRole('button', { name: 'Reload now' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.buildTest === 'next');
    await ui.ready();
    assert.equal(await status.textContent(), '', 'nothing more to say after the update');
    await ui.open('/assessments');
    assert.deepEqual(await lib.cardTitles(), ['Kept across the update']);
    await lib.card('Kept across the update').getByRole('link').first().click();
    await ui.ready();
    assert.match(await page.locator('.q-overall').textContent(), /1 of 58 questions answered/, 'its answer too');

    // The other tab still runs the older build: it is told, and its Reload brings the new one.
    await other.page.waitForFunction(() => /updated in another tab/.test(document.querySelector('#update [role=status]').textContent));
    await other.page.getByRole('button', { name: 'Reload now' }).click();
    await other.page.waitForFunction(() => document.documentElement.dataset.buildTest === 'next');
    await guards.assertClean('offline');
    await other.guards.assertClean('other tab');
  });

  test('a tab still on the older build does not overwrite what the updated tab saved', async () => {
    const { page, guards, ui, lib, context } = await visitWithWorker();
    await lib.create({ title: 'Edited across builds' });
    const id = lib.currentId();
    const old = await app.secondPage(context);
    await old.ui.open(`/assessments/${id}`);

    app.server.setRoot(nextBuild());
    await page.reload();
    await ui.ready();
    await page.getByRole('button', { name: 'Reload now' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.buildTest === 'next');
    await ui.ready();
    // The updated tab saves a note while the other still runs the older build with the editor open.
    await lib.notes().fill('saved by the new build');
    await lib.waitSaved();
    await old.page.waitForFunction(() => document.querySelector('#a-notes').value === 'saved by the new build');
    assert.equal(await old.page.locator('html').getAttribute('data-build-test'), null, 'still the older build');
    // Its own edit goes on top of that save, never over it.
    await old.page.getByRole('button', { name: 'Add notes and evidence R1.1' }).click();
    await old.page.getByLabel('Notes and evidence R1.1').fill('then the older build');
    await old.lib.waitSaved();
    await page.reload();
    await ui.ready();
    assert.equal(await lib.notes().inputValue(), 'saved by the new build');
    assert.equal(await page.getByLabel('Notes and evidence R1.1').inputValue(), 'then the older build');
    await guards.assertClean('new build');
    await old.guards.assertClean('older build');
  });

  test('"Not now" leaves the open build running and the offer closed', async () => {
    const { page, guards, ui } = await visitWithWorker();
    app.server.setRoot(nextBuild());
    await page.reload();
    await ui.ready();
    await page.getByRole('button', { name: 'Reload now' }).waitFor();
    await page.getByRole('button', { name: 'Not now' }).click();
    assert.equal(await page.getByRole('button', { name: 'Reload now' }).isVisible(), false);
    assert.equal(await page.locator('#update [role=status]').textContent(), '');
    assert.equal(await page.locator('html').getAttribute('data-build-test'), null);
    await guards.assertClean('offline');
  });

  test('a build whose files do not match its worker\'s list is not installed; the running one stays', async () => {
    const { page, guards, ui } = await visitWithWorker();
    // A deployment half done: the new worker is in place, one of the files it lists is still the old one.
    const half = nextBuild();
    writeFileSync(join(half, 'manifest.webmanifest'), readFileSync(join(half, 'manifest.webmanifest'), 'utf8').replace('RAI Assess', 'RAI  Assess'));
    rmSync(join(half, 'manifest.webmanifest.br'), { force: true });
    rmSync(join(half, 'manifest.webmanifest.gz'), { force: true });
    app.server.setRoot(half);
    assert.equal(await page.evaluate(refusedUpdate), true, 'the new worker never installs');
    await page.reload();
    await ui.ready();
    assert.equal(await page.locator('html').getAttribute('data-build-test'), null, 'the running build still serves');
    // The reload looked for a new worker again: once that attempt too has failed, nothing was offered.
    assert.equal(await page.evaluate(refusedUpdate), true, 'refused again');
    assert.equal(await page.locator('#update [role=status]').textContent(), '', 'and no update is offered');
    await guards.assertClean('offline');
  });

  test('the build that was in charge stays kept beside the new one, and only that one', async () => {
    const { page, guards, ui } = await visitWithWorker();
    const kept = () => page.evaluate(() => caches.keys().then((keys) => keys.filter((k) => k.includes('@')).length));
    assert.equal(await kept(), 1);
    for (const build of ['second', 'third']) {
      app.server.setRoot(nextBuild((dir) => {
        const index = join(dir, 'index.html');
        writeFileSync(index, readFileSync(index, 'utf8').replace('<html lang="en"', `<html data-build-test="${build}" lang="en"`));
      }));
      await page.reload();
      await ui.ready();
      await page.getByRole('button', { name: 'Reload now' }).click();
      await page.waitForFunction((b) => document.documentElement.dataset.buildTest === b, build);
      await ui.ready();
      assert.equal(await kept(), 2, `after the ${build} build: it and the one before`);
    }
    await guards.assertClean('offline');
  });
});

/** In the page: looks for a new worker and resolves true once the one found has failed to install. */
function refusedUpdate() {
  return navigator.serviceWorker.getRegistration().then((r) => new Promise((done) => {
    r.addEventListener('updatefound', () => {
      const worker = r.installing;
      worker.addEventListener('statechange', () => { if (worker.state === 'redundant') done(true); });
    }, { once: true });
    r.update().catch(() => done(true));
  }));
}

describe('for administrators', () => {
  test('the kill switch removes the worker and its copy and leaves a working app', async () => {
    const { page, guards, ui } = await visitWithWorker();
    // A later build whose sw.js is the kill switch, as docs/self-hosting.md says to deploy it.
    const removal = nextBuild();
    cpSync(join(removal, 'sw-remove.js'), join(removal, 'sw.js'));
    for (const ext of ['.br', '.gz']) rmSync(join(removal, `sw.js${ext}`), { force: true });
    app.server.setRoot(removal);
    await page.reload();
    await ui.ready();
    // Like a new build, it takes over when the user says so (or once every tab is closed).
    await page.getByRole('button', { name: 'Reload now' }).click();
    await page.waitForFunction(() => document.documentElement.dataset.buildTest === 'next');
    await ui.ready();
    assert.equal(await ui.headingText(), 'Assessments', 'the page came from the server');
    await page.waitForFunction(() => navigator.serviceWorker.getRegistrations().then((all) => all.length === 0));
    await page.waitForFunction(() => caches.keys().then((keys) => !keys.some((k) => k.startsWith('rai-assess-'))));
    await guards.assertClean('offline');
  });

  test('the manifest makes the app installable and names it', async () => {
    const { page, guards, context } = await visitWithWorker();
    const cdp = await context.newCDPSession(page);
    const { errors, data } = await cdp.send('Page.getAppManifest');
    assert.deepEqual(errors, [], 'the manifest parses without errors');
    const manifest = JSON.parse(data);
    assert.equal(manifest.short_name, 'RAI Assess');
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.display, 'standalone');
    assert.deepEqual(manifest.icons.map((i) => i.sizes), ['any', '192x192', '512x512', '512x512']);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), [],
      'no installability error (an incognito context is one by itself)');
    const version = JSON.parse(readFileSync(join(DIST, 'version.json'), 'utf8'));
    assert.match(version.build, /^[0-9a-f]{16}$/);
    await guards.assertClean('offline');
  });
});
