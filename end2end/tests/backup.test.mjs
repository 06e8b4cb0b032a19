// End-to-end: backups outside the browser (src/tools/backup.rs, core::backup). Headless Chromium shows
// no folder picker, so the picker is the one thing stood in for: it hands over a folder of the origin's
// private file system, a real File System Access directory (files, writable streams, removal), which
// the test reads back. Without the folder API (Firefox, Safari), the library reminds the user to
// download a backup, which imports back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

/** The picker hands over the folder "Backups" of the origin's private file system. */
function pickerTwin() {
  window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('Backups', { create: true });
}

/** The files in "Backups" with their text (null when the folder is not there). */
const backupFiles = (page) => page.evaluate(async () => {
  let dir;
  try {
    dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('Backups');
  } catch {
    return null;
  }
  const files = {};
  for await (const [name, handle] of dir.entries()) {
    try {
      files[name] = await (await handle.getFile()).text();
    } catch {
      // removed while being read (an older title's file): not there any more
    }
  }
  return files;
});

/**
 * Waits until the files in "Backups" satisfy `holds` (a condition, not a clock: the folder has no
 * event to wait for, so it is looked at again every 100 ms); returns them. Gives up after a minute,
 * so a broken writer fails the test instead of hanging it.
 */
async function filesWhen(page, holds) {
  for (let tries = 0; tries < 600; tries++) {
    const files = await backupFiles(page);
    if (files && holds(files)) return files;
    await page.waitForTimeout(100);
  }
  throw new Error(`the folder never held what was expected: ${JSON.stringify(Object.keys(await backupFiles(page) ?? {}))}`);
}

const status = (page) => page.locator('.backup-status');

/**
 * Waits until the page's async `condition` holds (waitForFunction does not await a promise), looking
 * every 100 ms; gives up after a minute, naming what never held.
 */
async function whenTrue(page, condition, what) {
  for (let tries = 0; tries < 600; tries++) {
    if (await page.evaluate(condition)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`never true: ${what}`);
}

describe('backups to a folder', () => {
  test('each assessment goes to the chosen folder as an answer file, again when it changes, under its new title', async () => {
    const { page, guards, ui, lib } = await app.visit({}, pickerTwin);
    await ui.open('/assessments');
    await lib.create({ title: 'Kept outside' });
    const id = lib.currentId();
    await lib.notes().fill('first words');
    await lib.waitSaved();
    await ui.open('/assessments');
    await page.getByRole('button', { name: 'Choose a folder…' }).click();
    await page.waitForFunction(() => /Backups go to the folder “Backups”/.test(document.querySelector('.backup-status')?.textContent));
    const name = `rai-assess_readiness_kept-outside_${id}.json`;
    let files = await filesWhen(page, (f) => f[name]?.includes('first words'));
    const file = JSON.parse(files[name]);
    assert.equal(file.format, 'rai-assess.answers');
    assert.equal(file.assessments[0].id, id);
    await page.waitForFunction(() => /every assessment is there as it is now/.test(document.querySelector('.backup-status')?.textContent));
    assert.deepEqual(await axeViolations(page), [], 'axe on the library with its backups');

    await ui.open(`/assessments/${id}`);
    await lib.notes().fill('second words');
    await lib.waitSaved();
    files = await filesWhen(page, (f) => f[name]?.includes('second words'));

    await ui.open('/assessments');
    await page.getByRole('button', { name: 'Rename Kept outside' }).click();
    await page.waitForFunction(() => document.activeElement?.id.startsWith('rename-'));
    const field = page.getByLabel('New title for “Kept outside”');
    await field.fill('Renamed outside');
    await field.press('Enter');
    const renamed = `rai-assess_readiness_renamed-outside_${id}.json`;
    files = await filesWhen(page, (f) => Boolean(f[renamed]) && !f[name]);
    assert.deepEqual(Object.keys(files), [renamed], 'the old title\'s file is gone');

    // The folder is remembered over a reload (as over a restart, where this browser grants at once).
    await page.reload();
    await ui.ready();
    await page.waitForFunction(() => /Backups go to the folder “Backups”/.test(document.querySelector('.backup-status')?.textContent));
    await guards.assertClean('backups');

    // The file imports back, as a restore would.
    const fresh = await app.visit();
    await fresh.ui.open('/assessments');
    await fresh.page.getByLabel('Choose files to import').setInputFiles([{ name: renamed, mimeType: 'application/json', buffer: Buffer.from(files[renamed]) }]);
    await fresh.page.waitForFunction(() => /1 new assessment/.test(document.querySelector('.import-results')?.textContent ?? ''));
    assert.deepEqual(await fresh.lib.cardTitles(), ['Renamed outside']);
    await fresh.guards.assertClean('restore from the folder');
  });

  test('a tab writes its backups only while no other tab is writing', async () => {
    const first = await app.visit({}, pickerTwin);
    await first.ui.open('/assessments');
    await first.lib.create({ title: 'Seen by two tabs' });
    const id = first.lib.currentId();
    await first.ui.open('/assessments');
    await first.page.getByRole('button', { name: 'Choose a folder…' }).click();
    const name = `rai-assess_readiness_seen-by-two-tabs_${id}.json`;
    await filesWhen(first.page, (f) => Boolean(f[name]));
    // Another tab holds the backups' lock, as it would while writing its own run.
    const second = await app.secondPage(first.context);
    await second.ui.open('/');
    await second.page.evaluate(() => new Promise((held) => {
      navigator.locks.request('rai-assess-backup', () => new Promise((release) => {
        window.releaseBackups = release;
        held();
      }));
    }));

    await first.ui.open(`/assessments/${id}`);
    await first.lib.notes().fill('written in turn');
    await first.lib.waitSaved();
    // The first tab's run waits for the lock (a condition the browser reports), writing nothing.
    await whenTrue(first.page, async () =>
      (await navigator.locks.query()).pending.some((l) => l.name === 'rai-assess-backup'), 'the run waiting for the lock');
    assert.ok(!(await backupFiles(first.page))[name].includes('written in turn'), 'nothing written while the other tab writes');
    await second.page.evaluate(() => window.releaseBackups());
    await filesWhen(first.page, (f) => f[name]?.includes('written in turn'));
    await first.guards.assertClean('first tab');
    await second.guards.assertClean('second tab');
  });

  test('when the browser asks again, nothing is written until the user allows it', async () => {
    const { page, guards, ui, lib } = await app.visit({}, () => {
      window.showDirectoryPicker = async () => (await navigator.storage.getDirectory()).getDirectoryHandle('Backups', { create: true });
      // As after a restart: the browser asks for permission until the user allows it (a click).
      FileSystemHandle.prototype.queryPermission = async () => (sessionStorage.getItem('allowed') ? 'granted' : 'prompt');
      FileSystemHandle.prototype.requestPermission = async () => { sessionStorage.setItem('allowed', '1'); return 'granted'; };
    });
    await ui.open('/assessments');
    await lib.create({ title: 'Waiting for permission' });
    await ui.open('/assessments');
    await page.getByRole('button', { name: 'Choose a folder…' }).click();
    await page.waitForFunction(() => /needs your permission again to write to “Backups”/.test(document.querySelector('.backup-status')?.textContent));
    assert.deepEqual(await backupFiles(page), {}, 'nothing written yet');
    // Elsewhere in the app a line says so, with the way back to the panel.
    await ui.open('/');
    await page.waitForFunction(() => /Backups to “Backups” are paused until you allow them again/.test(document.querySelector('#backup-notice')?.textContent));
    assert.deepEqual(await axeViolations(page), [], 'axe on a view with the backup notice');
    assert.match(await page.locator('#backup-notice').textContent(), /See “Backups outside the browser” on the Assessments page/);
    await ui.clickNav('Assessments');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Assessments');
    await page.getByRole('button', { name: 'Allow writing to “Backups”' }).click();
    await page.waitForFunction(() => /Backups go to the folder “Backups”/.test(document.querySelector('.backup-status')?.textContent));
    const files = await filesWhen(page, (f) => Object.keys(f).length === 1);
    assert.match(Object.keys(files)[0], /^rai-assess_readiness_waiting-for-permission_/);
    await guards.assertClean('permission');
  });

  test('a folder that disappears: the status says so and the assessment stays in the browser', async () => {
    const { page, guards, ui, lib } = await app.visit({}, pickerTwin);
    await ui.open('/assessments');
    await lib.create({ title: 'Folder goes away' });
    const id = lib.currentId();
    await ui.open('/assessments');
    await page.getByRole('button', { name: 'Choose a folder…' }).click();
    await filesWhen(page, (f) => Object.keys(f).length === 1);
    await page.evaluate(async () => (await navigator.storage.getDirectory()).removeEntry('Backups', { recursive: true }));
    await ui.open(`/assessments/${id}`);
    await lib.notes().fill('written while the folder is gone');
    await lib.waitSaved();
    await ui.open('/assessments');
    await page.waitForFunction(() => /Could not write to “Backups”: the folder is no longer there/.test(document.querySelector('.backup-status')?.textContent));
    assert.deepEqual(await lib.cardTitles(), ['Folder goes away']);
    await page.getByRole('button', { name: 'Choose a folder again…' }).waitFor();
    await guards.assertClean('folder gone');
  });
});

describe('without a folder API', () => {
  test('exporting every assessment from the export panel counts as a backup; a selection does not', async () => {
    const DAY = 86_400_000;
    const { page, guards, ui, lib, context } = await app.visit({ acceptDownloads: true }, () => {
      window.showDirectoryPicker = undefined;
    });
    await ui.open('/assessments');
    await lib.create({ title: 'Kept' });
    await ui.open('/assessments');
    await lib.create({ title: 'Also kept' });
    await page.evaluate((day) => localStorage.setItem('rai.backup',
      JSON.stringify({ last_download: Date.now() - 10 * day, pending_since: Date.now() - 9 * day, remind_days: 7 })), DAY);
    await page.reload();
    await ui.ready();
    await ui.open('/assessments');
    const due = () => page.waitForFunction(() => /A backup is due: 2 assessment\(s\) changed/.test(document.querySelector('.backup-status')?.textContent));
    await due();
    const exportSelected = (count) => Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export answer file' }).click(),
      page.waitForFunction((n) => new RegExp(`^Exported ${n} assessment`).test(document.querySelector('.share-status')?.textContent), count),
    ]);
    await page.getByRole('checkbox', { name: /^Kept · / }).check();
    await exportSelected(1);
    // The library opened again is drawn by the tools module after anything the export asked of it
    // (its calls run in order): the one-of-two file changed nothing.
    await ui.open('/');
    await ui.open('/assessments');
    await due();

    await page.getByRole('button', { name: 'Select all' }).click();
    await exportSelected(2);
    await page.waitForFunction(() => !/is due/.test(document.querySelector('.backup-status')?.textContent));
    assert.match(await status(page).textContent(), /0 assessment\(s\) changed since/);
    await guards.assertClean('export as backup');
    await context.close();
  });

  test('the library says a backup is due and the downloaded backup imports back', async () => {
    const DAY = 86_400_000;
    const { page, guards, ui, lib, context } = await app.visit({ acceptDownloads: true }, () => {
      window.showDirectoryPicker = undefined;
    });
    await ui.open('/assessments');
    await lib.create({ title: 'Due for a backup' });
    // As nine days on: the last backup ten days old, the change since then nine.
    await page.evaluate((day) => localStorage.setItem('rai.backup',
      JSON.stringify({ last_download: Date.now() - 10 * day, pending_since: Date.now() - 9 * day, remind_days: 7 })), DAY);
    // Opened again (a check runs at every start), whatever ran before the state was set.
    await page.reload();
    await ui.ready();
    await ui.open('/');
    await page.waitForFunction(() => /A backup is due: 1 assessment\(s\) changed since the last one/.test(document.querySelector('#backup-notice')?.textContent));
    await ui.open('/assessments');
    await page.waitForFunction(() => /cannot write to a folder/.test(document.querySelector('.backup-status')?.textContent));
    assert.match(await status(page).textContent(), /A backup is due: 1 assessment\(s\) changed since the last one/);
    assert.equal(await page.locator('#backup-notice').textContent(), '', 'not said twice on the library page');
    assert.equal(await page.getByRole('button', { name: 'Choose a folder…' }).count(), 0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download a backup now' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^rai-assess_readiness_due-for-a-backup_\d{4}-\d{2}-\d{2}\.json$/, 'one assessment: named for it');
    const backup = readFileSync(await download.path());
    await page.waitForFunction(() => !/is due/.test(document.querySelector('.backup-status')?.textContent));
    assert.match(await status(page).textContent(), /0 assessment\(s\) changed since/);
    await page.getByLabel(/^Remind me to download a backup/).selectOption('0');
    await page.reload();
    await ui.ready();
    await page.waitForFunction(() => document.querySelector('#backup-remind')?.value === '0');
    await guards.assertClean('reminder');
    await context.close();

    const fresh = await app.visit();
    await fresh.ui.open('/assessments');
    await fresh.page.getByLabel('Choose files to import').setInputFiles([{ name: 'backup.json', mimeType: 'application/json', buffer: backup }]);
    await fresh.page.waitForFunction(() => /1 new assessment/.test(document.querySelector('.import-results')?.textContent ?? ''));
    assert.deepEqual(await fresh.lib.cardTitles(), ['Due for a backup']);
    await fresh.guards.assertClean('restore');
  });
});
