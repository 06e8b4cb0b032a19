// End-to-end: the fictional samples. The library lists them; opening one fetches its file (only then),
// adds a copy marked as fictional and opens it, fully answered; a second copy is a second assessment.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

const TRIAGE = 'Sample (fictional): Domestic-abuse risk triage';

describe('the fictional samples', () => {
  test('opening a sample adds a fictional copy to the library and opens it', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    const fetched = [];
    page.on('request', (r) => { if (r.url().includes('/samples/')) fetched.push(r.url()); });
    await ui.open('/assessments');
    const list = lib.samples();
    await list.getByRole('listitem').first().waitFor();
    assert.equal(await list.getByRole('listitem').count(), 7);
    assert.deepEqual(fetched, [], 'no sample is fetched until one is opened');
    assert.deepEqual(await axeViolations(page), [], 'axe on the library with its samples');

    await lib.openSample(TRIAGE);
    assert.equal(fetched.length, 1, 'its file, once');

    await lib.openPart('Results');
    const rights = page.getByRole('region', { name: 'Rights at stake' });
    await rights.waitFor();
    assert.ok((await rights.locator('tbody tr').count()) > 0, 'its register touches rights');

    await ui.open('/assessments');
    await lib.openSample(TRIAGE);
    await ui.open('/assessments');
    const copies = page.locator('.library > li', { has: page.getByRole('heading', { name: TRIAGE }) });
    await copies.first().waitFor();
    assert.equal(await copies.count(), 2, 'two copies, two assessments');
    await guards.assertClean('samples');
    await context.close();
  });
});
