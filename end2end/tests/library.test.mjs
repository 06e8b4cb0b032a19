// End-to-end tests of the assessment library and durable storage, in Chromium against dist/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { expectedVersions, startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });



describe('the assessment library', () => {
  test('create, type, reload: the text is there, and the library lists it', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    assert.match(await ui.mainText(), /No assessments yet/);
    await lib.create({ title: 'Readiness review 2027', subject: 'Northshire Police', name: 'A. Okafor', role: 'Ethics officer' });
    assert.match(page.url(), /#\/assessments\/[0-9a-f-]{36}$/);
    assert.match(await ui.mainText(), new RegExp(`Organizational readiness · answered against content rai-le-core ${expectedVersions().content.replaceAll('.', '\\.')}`));
    await lib.notes().fill('Board approved the pilot on 3 March. <script>alert(1)</script>');
    await lib.waitSaved();
    await page.reload();
    await ui.ready();
    assert.equal(await lib.notes().inputValue(), 'Board approved the pilot on 3 March. <script>alert(1)</script>');
    assert.equal(await page.getByLabel('Agency, unit or AI system it is about').inputValue(), 'Northshire Police');
    await ui.clickNav('Assessments');
    await page.waitForSelector('.library .assessment-card');
    const card = lib.card('Readiness review 2027');
    assert.match(await card.innerText(), /Organizational readiness[\s\S]*Northshire Police[\s\S]*A\. Okafor \(Ethics officer\)/);
    assert.deepEqual(await axeViolations(page), [], 'axe on the library');
    await guards.assertClean('create and reload');
    await context.close();
  });

  // Saving as you type: leaving the page right after typing (no wait) must not lose the text.
  test('text typed just before a reload survives it', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    await lib.create({ title: 'Quick typist' });
    await lib.notes().pressSequentially('typed then reloaded at once', { delay: 5 });
    await page.reload();
    await ui.ready();
    assert.equal(await lib.notes().inputValue(), 'typed then reloaded at once');
    await guards.assertClean('flush on leave');
    await context.close();
  });

  // Leaving a view moves focus out of a field just typed in, which fires `change` as the view goes
  // away: that once panicked, the question's note and a risk field alike.
  test('a note or a risk field typed in and left at once by the address bar is kept, with no error', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    await lib.create({ title: 'Left in a hurry' });
    const id = lib.currentId();
    await page.getByRole('button', { name: 'Add notes and evidence R1.1' }).click();
    await page.getByLabel('Notes and evidence R1.1').fill('typed, then straight to the library');
    await ui.open('/assessments');
    await ui.open(`/assessments/${id}`);
    assert.equal(await page.getByLabel('Notes and evidence R1.1').inputValue(), 'typed, then straight to the library');

    await ui.open('/assessments');
    await lib.create({ title: 'Risk left in a hurry', kind: 'Risk assessment' });
    const risk = lib.currentId();
    await page.getByLabel('Purpose', { exact: true }).fill('Typed, then straight to the library');
    await ui.open('/assessments');
    await ui.open(`/assessments/${risk}`);
    assert.equal(await page.getByLabel('Purpose', { exact: true }).inputValue(), 'Typed, then straight to the library');
    await guards.assertClean('leave after typing');
    await context.close();
  });

  test('a title is required, and the form says so without creating anything', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/assessments');
    await page.getByRole('button', { name: 'Create and open' }).click();
    const title = page.getByLabel('Title', { exact: true });
    assert.equal(await title.getAttribute('aria-invalid'), 'true');
    assert.match(await ui.mainText(), /Give the assessment a title/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'new-title');
    assert.ok(page.url().endsWith('#/assessments'));
    assert.match(await ui.mainText(), /No assessments yet/);
    await guards.assertClean('validation');
    await context.close();
  });

  test('created with the keyboard only', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    await page.getByLabel('Risk assessment', { exact: true }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Face search for missing persons');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Face search for missing persons');
    assert.match(await ui.mainText(), /Risk assessment · answered against/);
    assert.ok(lib.currentId().length === 36);
    await guards.assertClean('keyboard create');
    await context.close();
  });

  test('two pages in one browser stay in sync', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    const other = await app.secondPage(context);
    await other.ui.open('/assessments');
    await lib.create({ title: 'Shared in two tabs' });
    // The other tab's library shows the new assessment without a reload.
    await other.page.waitForFunction(() => document.querySelectorAll('.library .assessment-card').length === 1);
    await other.page.getByRole('link', { name: 'Shared in two tabs' }).click();
    await other.page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Shared in two tabs');
    await lib.notes().fill('written in the first tab');
    await lib.waitSaved();
    await other.page.waitForFunction(() => document.querySelector('#a-notes').value === 'written in the first tab');
    await guards.assertClean('tab one');
    await other.guards.assertClean('tab two');
    await context.close();
  });

  // A stale tab must not silently overwrite a newer save: the user is told and chooses.
  test('a tab with an older revision is told and chooses which version to keep', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    await lib.create({ title: 'Conflict test' });
    const id = lib.currentId();
    const other = await app.secondPage(context);
    await other.ui.open(`/assessments/${id}`);
    // This tab has unsaved typing when another tab saves a newer revision.
    await lib.notes().pressSequentially('mine', { delay: 5 });
    await other.page.evaluate((key) => {
      const stored = JSON.parse(localStorage.getItem(key));
      stored.revision += 5;
      stored.assessment.revision = stored.revision;
      stored.assessment.notes = { _general: 'theirs' };
      localStorage.setItem(key, JSON.stringify(stored));
    }, `rai.assessment.${id}`);
    await page.waitForSelector('.conflict');
    assert.match(await page.locator('.conflict').innerText(), /changed in another tab or window/);
    await page.getByRole('button', { name: "Keep this tab's version" }).click();
    await lib.waitSaved();
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `rai.assessment.${id}`);
    assert.equal(stored.assessment.notes._general, 'mine');
    assert.ok(stored.revision > 6, `revision ${stored.revision}`);
    await guards.assertClean('conflict');
    await other.guards.assertClean('other tab');
    await context.close();
  });

  test('delete asks first, restore brings it back, emptying the bin removes it for good', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    await lib.create({ title: 'To be deleted' });
    await ui.clickNav('Assessments');
    await page.waitForSelector('.library .assessment-card');
    page.once('dialog', (d) => d.dismiss());
    await page.getByRole('button', { name: 'Delete To be deleted' }).click();
    assert.equal(await lib.cards().count(), 1, 'cancelled: still there');
    page.once('dialog', (d) => { assert.match(d.message(), /Move “To be deleted” to recently deleted/); d.accept(); });
    await page.getByRole('button', { name: 'Delete To be deleted' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.library .assessment-card').length === 0);
    assert.match(await page.locator('.status-line').innerText(), /Moved “To be deleted” to recently deleted/);
    await page.getByRole('button', { name: 'Restore To be deleted' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.library .assessment-card').length === 1);
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Delete To be deleted' }).click();
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Empty recently deleted' }).click();
    await page.waitForFunction(() => /Deleted 1 assessment/.test(document.querySelector('.status-line').textContent));
    // Nothing of the assessment is left; the backups' own state (`rai.backup`: dates and the reminder,
    // written a moment after any change) is no assessment's.
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('rai.') && k !== 'rai.backup'));
    assert.deepEqual(keys, []);
    await guards.assertClean('delete and restore');
    await context.close();
  });

  test('rename and duplicate from the library', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    await lib.create({ title: 'Original' });
    await ui.clickNav('Assessments');
    await page.getByRole('button', { name: 'Rename Original' }).click();
    const field = page.getByLabel('New title for “Original”');
    // Focus moves into the new field (on the next frame), so typing goes straight into it.
    await page.waitForFunction(() => document.activeElement?.id.startsWith('rename-'));
    await field.fill('Renamed');
    await field.press('Enter');
    await page.waitForFunction(() => document.querySelector('.library h3')?.textContent === 'Renamed');
    await page.getByRole('button', { name: 'Duplicate Renamed' }).click();
    await page.waitForFunction(() => document.querySelectorAll('.library .assessment-card').length === 2);
    assert.deepEqual((await lib.cardTitles()).sort(), ['Renamed', 'Renamed (copy)']);
    await page.getByLabel('Find').fill('copy');
    await page.waitForFunction(() => document.querySelectorAll('.library .assessment-card').length === 1);
    assert.match(await ui.mainText(), /1 of 2 shown/);
    await guards.assertClean('rename and duplicate');
    await context.close();
  });

  // One bad record must not take the others down, and must never be deleted or overwritten.
  test('a damaged record and one from a newer app are set aside, kept and downloadable', async () => {
    const seed = () => {
      if (!localStorage.getItem('seeded')) {
        localStorage.setItem('seeded', '1');
        localStorage.setItem('rai.assessment.junk', '{ not json');
        localStorage.setItem('rai.assessment.future', '{"schema":7,"revision":1,"assessment":{"id":"future"}}');
      }
    };
    const { context, page, guards, ui, lib } = await app.visit({ acceptDownloads: true }, seed);
    await ui.open('/assessments');
    await lib.create({ title: 'Still fine' });
    await ui.clickNav('Assessments');
    await page.waitForSelector('#aside-heading');
    const text = await ui.mainText();
    assert.match(text, /Set aside/);
    assert.match(text, /damaged/);
    assert.match(text, /newer version of the app \(record format 7/);
    assert.deepEqual(await lib.cardTitles(), ['Still fine']);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.bin-item', { hasText: 'future' }).getByRole('button', { name: 'Download as stored' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), 'rai-assess-set-aside-future.json');
    const raw = await page.evaluate(() => localStorage.getItem('rai.assessment.future'));
    assert.equal(raw, '{"schema":7,"revision":1,"assessment":{"id":"future"}}', 'never changed');
    await guards.assertClean('set aside');
    await context.close();
  });

  test('without usable storage the app works in memory and warns that nothing will survive', async () => {
    const block = () => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    };
    const { context, page, ui, lib } = await app.visit({}, block);
    await ui.open('/assessments');
    const alert = page.getByRole('alert');
    assert.match(await alert.innerText(), /nothing will survive a reload/);
    await lib.create({ title: 'Memory only' });
    await lib.notes().fill('kept in memory');
    await lib.waitSaved();
    await context.close();
  });

  test('without usable storage the work can still be exported, the one way to keep it', async () => {
    const block = () => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    };
    const { context, page, ui, lib } = await app.visit({}, block);
    await ui.open('/assessments');
    await lib.create({ title: 'Only in memory' });
    await lib.notes().fill('exported before the tab closes');
    await lib.waitSaved();
    await ui.clickNav('Assessments');
    // The export panel is the tools module's, a second wasm module: it reads the page's memory too.
    await page.getByRole('checkbox', { name: /^Only in memory · / }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export answer file' }).click(),
    ]);
    await page.getByRole('status').filter({ hasText: /^Exported 1 assessment\(s\) to / }).waitFor();
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(file.assessments.map((a) => a.title), ['Only in memory']);
    assert.match(JSON.stringify(file.assessments[0]), /exported before the tab closes/);
    await context.close();
  });

  test('a storage already full when the app starts still lists its assessments, which can be exported', async () => {
    const quota = () => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (this.getItem('test.full') && key.startsWith('rai.')) throw new DOMException('full', 'QuotaExceededError');
        return set.call(this, key, value);
      };
    };
    const { context, page, ui, lib } = await app.visit({}, quota);
    await ui.open('/assessments');
    await lib.create({ title: 'Kept in a full storage' });
    await page.evaluate(() => localStorage.setItem('test.full', '1'));
    await ui.open('/assessments');
    await page.reload();
    await ui.ready();
    await lib.card('Kept in a full storage').waitFor();
    assert.doesNotMatch(await ui.mainText(), /nothing will survive a reload/);
    await page.getByRole('checkbox', { name: /^Kept in a full storage · / }).check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export answer file' }).click(),
    ]);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.deepEqual(file.assessments.map((a) => a.title), ['Kept in a full storage']);
    await context.close();
  });

  test('when storage is full the user is told and the last save is intact', async () => {
    const quota = () => {
      const set = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (window.__full && key.startsWith('rai.')) throw new DOMException('full', 'QuotaExceededError');
        return set.call(this, key, value);
      };
    };
    const { context, page, ui, lib } = await app.visit({}, quota);
    await ui.open('/assessments');
    await lib.create({ title: 'Almost full' });
    await lib.notes().fill('saved before the disk filled');
    await lib.waitSaved();
    await page.evaluate(() => { window.__full = true; });
    await lib.notes().fill('this will not fit');
    await page.waitForFunction(() => /Not saved/.test(document.querySelector('.save-status').textContent));
    assert.match(await lib.saveStatus().innerText(), /storage for this app is full/);
    // Announced as an alert, as the library does, not only in the status line.
    await page.getByRole('alert').filter({ hasText: /Not saved: .*storage for this app is full/ }).waitFor();
    const stored = await page.evaluate((id) => JSON.parse(localStorage.getItem(`rai.assessment.${id}`)), lib.currentId());
    assert.equal(stored.assessment.notes._general, 'saved before the disk filled');
    await context.close();
  });

  test('library and editor fit 320 px and pass axe', async () => {
    const { context, page, guards, ui, lib } = await app.visit({ viewport: { width: 320, height: 700 } });
    await ui.open('/assessments');
    await lib.create({ title: 'A rather long title for a small phone screen', subject: 'Unit' });
    assert.deepEqual(await axeViolations(page), [], 'axe on the editor');
    for (const route of ['/assessments', `/assessments/${lib.currentId()}`]) {
      await ui.open(route);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${route} overflows by ${overflow}px`);
    }
    await guards.assertClean('phone');
    await context.close();
  });

  test('an unknown assessment address says so', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/assessments/no-such-id');
    assert.equal(await ui.headingText(), 'Page not found');
    assert.match(await ui.mainText(), /no assessment with this address in this browser/);
    await page.getByRole('link', { name: 'Back to assessments' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Assessments');
    await guards.assertClean('unknown assessment');
    await context.close();
  });
});
