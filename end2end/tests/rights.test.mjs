// End-to-end: rights, one by one. A risk accepted from a template arrives with the rights it would harm
// ticked on its card; the team ticks one more; the results list the register's risks under each right
// with the articles that protect it, and the rights impact assessment (AI Act Art. 27) downloads as one
// file laid out (a) to (f), with the same risks under the same rights and a summary for the authority.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

const byId = (page, id) => page.locator(`[id="${id}"]`);

async function tab(page, name) {
  await page.getByRole('navigation', { name: 'Parts of this assessment' }).getByRole('link', { name }).click();
}

/** A face-search risk assessment whose "no legal basis" risk is accepted and also marked as harming
 * the rights of the child. */
async function withRisk(ui, lib, page) {
  await ui.open('/assessments');
  await lib.create({ title: 'Missing children search', kind: 'Risk assessment' });
  await page.getByLabel('European Union or EEA').check();
  await page.getByLabel('Image analysis (including facial recognition)').check();
  // A one-to-many face search is a high-risk use under the EU AI Act: Art. 27 applies.
  await page.getByLabel('One-to-many identification against a watchlist or database').check();
  await page.getByLabel('Period of use').fill('From March 2027, reviewed after a year');
  await byId(page, 'q-S1.1.1-2').check();
  await tab(page, 'Register');
  await page.getByRole('button', { name: 'Accept: No sound legal basis' }).click();
  const card = page.locator('.risk-card', { hasText: 'K1' });
  await card.getByRole('group', { name: 'Rights it would harm' }).waitFor();
  await card.getByLabel('Rights of the child').check();
  await lib.waitSaved();
  return card;
}

describe('rights, one by one', () => {
  test('a risk from a template comes with its rights ticked, and the team adds one', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    const card = await withRisk(ui, lib, page);
    assert.equal(await card.getByLabel('Private life and personal data').isChecked(), true, 'from the template');
    assert.equal(await card.getByLabel('Rights of the child').isChecked(), true, 'ticked by the team');
    assert.equal(await card.getByLabel('Human dignity').isChecked(), false);
    await page.reload();
    await page.waitForSelector('#h-register');
    assert.equal(await byId(page, 'rk.K1.rt.child').isChecked(), true, 'kept after a reload');
    await guards.assertClean('rights on a card');
    await context.close();
  });

  test('the results list the risks under each right they would harm, with its articles', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await withRisk(ui, lib, page);
    await tab(page, 'Results');
    const table = page.getByRole('region', { name: 'Rights at stake' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').allInnerTexts();
    assert.ok(rows.some((r) => /^Rights of the child\s+K1\b/.test(r)), rows.join(' | '));
    assert.ok(rows.some((r) => /^Private life and personal data\s+K1\b/.test(r)), rows.join(' | '));
    const child = page.locator('.r-right', { hasText: 'EU Charter Art. 24' });
    assert.match(await child.innerText(), /Rights of the child[\s\S]*K1 No sound legal basis/);
    assert.match(await page.locator('.r-rights').innerText(), /No risk in the register is linked to: Human dignity/);
    assert.deepEqual(await axeViolations(page), [], 'axe on the results');
    await guards.assertClean('rights results');
    await context.close();
  });

  test('the rights impact assessment downloads laid out as Art. 27 asks, with the same risks', async () => {
    const { context, page, guards, ui, lib } = await app.visit({ acceptDownloads: true });
    await withRisk(ui, lib, page);
    await tab(page, 'Report');
    await page.waitForSelector('.report h1');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the rights impact assessment (HTML)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^rai-assess_risk_missing-children-search_\d{4}-\d{2}-\d{2}_rights-assessment\.html$/);
    const html = readFileSync(await download.path(), 'utf8');
    const parts = ['(a) How and for what', '(b) Period and frequency', '(c) People and groups', '(d) Specific risks',
      '(e) Human oversight', '(f) If the risks materialise', 'Summary for the notification'];
    const at = parts.map((p) => html.indexOf(p));
    assert.ok(at.every((x, i) => x > 0 && (i === 0 || x > at[i - 1])), `parts in order: ${at}`);
    assert.match(html, /From March 2027, reviewed after a year/);
    assert.match(html, /<h4>Rights of the child<\/h4>[\s\S]*?K1 No sound legal basis/);
    assert.match(html, /Fundamental-rights impact assessment \(AI Act Art\. 27\)/);
    assert.match(html, /Rights of the child: highest residual level Not rated \(risks K1\)/);
    assert.doesNotMatch(html, /<script/);
    await guards.assertClean('rights assessment');
    await context.close();
  });
});
