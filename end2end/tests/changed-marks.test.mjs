// End-to-end: after an approval, the editors the tools module draws (the risk register and the
// life-cycle workbook) mark in words each item changed since, as the questionnaire does; a mark on
// an answer or a note follows each save.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

const byId = (page, id) => page.locator(`[id="${id}"]`);
const MARK = 'Changed since version 1 was approved';

/** Approves the open assessment as version 1 on its Review tab, then opens `part`. */
async function approveThenOpen(page, lib, part) {
  await lib.openPart('Review');
  await page.locator('#rv-status').waitFor();
  await page.getByLabel('Your name').fill('C. Reviewer');
  await page.getByLabel('Your role').fill('Head of legal');
  await page.getByLabel('Statement').fill('Fit for the pilot.');
  await page.getByRole('button', { name: 'Approve as version 1' }).click();
  await page.waitForFunction(() => /Status: Approved/.test(document.querySelector('#rv-status')?.textContent ?? ''));
  await lib.waitSaved();
  await lib.openPart(part);
}

describe('changed since approval, in the editors the tools module draws', () => {
  test('a risk whose decision changes after the approval is marked on its card', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    await lib.create({ title: 'Marked register', kind: 'Risk assessment' });
    await lib.openPart('Register');
    await page.waitForSelector('#h-register');
    await page.getByRole('button', { name: 'Add a risk by hand' }).click();
    await byId(page, 'rk.K1.title').fill('Misidentification');
    await byId(page, 'rk.K1.title').blur();
    await page.waitForFunction(() => /Misidentification/.test(document.getElementById('rk.K1.h')?.textContent ?? ''));
    await lib.waitSaved();
    await approveThenOpen(page, lib, 'Register');
    await page.waitForSelector('#h-register');
    assert.equal(await page.locator('.changed-mark:visible').count(), 0);
    await byId(page, 'rk.K1.decision').selectOption('treat');
    await page.locator('[data-since="K1"]').waitFor({ state: 'visible' });
    // The card is named by its heading, the mark included.
    await page.getByRole('article', { name: new RegExp(`^K1 Misidentification\\s*,\\s*${MARK}$`) }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await guards.assertClean('risk marked');
    await context.close();
  });

  test('a workbook marks a check chosen at once, and a prompt typed into once it is saved', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    await lib.create({ title: 'Marked workbook', kind: 'Life-cycle workbook' });
    await page.waitForSelector('[id="ws.decide"]');
    await approveThenOpen(page, lib, 'Answer');
    await page.waitForSelector('[id="ws.decide"]');
    assert.equal(await page.locator('.changed-mark:visible').count(), 0);
    await byId(page, 'wc.W1.C3.state.done').check();
    await page.locator('[data-since="W1.C3"]').waitFor({ state: 'visible' });
    await page.getByRole('group', { name: new RegExp(`^W1\\.C3 .*\\s*,\\s*${MARK}$`) }).waitFor();
    // A prompt: drawn with its mark hidden; shown after the save, without drawing the stage again.
    const prompt = page.locator('[data-since="W1.1"]');
    assert.equal(await prompt.isHidden(), true);
    await byId(page, 'wp.W1.1').fill('Missing children take days to find in CCTV.');
    await prompt.waitFor({ state: 'visible' });
    assert.match(await prompt.innerText(), new RegExp(`^,\\s*${MARK}$`));
    // Typed back to empty, the mark goes once saved.
    await byId(page, 'wp.W1.1').fill('');
    await prompt.waitFor({ state: 'hidden' });
    assert.deepEqual(await axeViolations(page), []);
    await guards.assertClean('workbook marked');
    await context.close();
  });
});
