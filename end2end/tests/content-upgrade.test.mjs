// End-to-end: assessments answered against an earlier version of the content (1.0.0) keep working.
// Stored in the browser before the update, a risk assessment opens with a merged question's answer and
// note carried to the question that asks it now, and the answer to a question that was split kept
// aside and listed on its results; an answer file of a fully answered 1.0.0 readiness assessment
// imports with every answer intact.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, expectedVersions, startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';
import { QuestionsPage } from '../pages/questions-page.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

const OLD = { id: 'rai-le-core', version: '1.0.0' };

/** A risk assessment as this app stored it under content 1.0.0. */
const STORED = {
  schema: 3,
  revision: 2,
  assessment: {
    id: 'old-risk', kind: 'risk', title: 'Old face search', subject: '', respondent: { name: '', role: '' },
    created: 1790000000000, updated: 1790000000000, content: OLD,
    answers: {
      application_type: { t: 'choice', v: 'image' },
      'S1.1.2': { t: 'choice', v: 'no' },
      'S3.3.4': { t: 'choice', v: 'yes' },
    },
    notes: { 'S1.1.2': 'Legal opinion still awaited.', 'S3.3.4': 'Shared with the national hub.' },
  },
};

async function tab(page, name) {
  await page.getByRole('navigation', { name: 'Parts of this assessment' }).getByRole('link', { name }).click();
}

describe('assessments from an earlier content version', () => {
  test('a stored 1.0.0 risk assessment opens with a merged answer carried and a split one kept aside', async () => {
    const seed = `localStorage.setItem('rai.assessment.old-risk', ${JSON.stringify(JSON.stringify(STORED))});`;
    const { context, page, guards, ui } = await app.visit({}, seed);
    await ui.open('/assessments/old-risk');
    const merged = page.locator('[id="q-S1.1.1-2"]');
    await merged.waitFor();
    assert.equal(await merged.isChecked(), true, 'S1.1.2 answered "No": S1.1.1 now says so');
    assert.equal(await page.getByLabel('Notes and evidence S1.1.1').inputValue(), 'Legal opinion still awaited.');

    await tab(page, 'Results');
    const kept = page.locator('.r-kept');
    await kept.getByRole('heading', { name: 'Answers kept aside from another version of the content (1)' }).waitFor();
    const row = await kept.locator('tbody tr').innerText();
    assert.match(row, /S3\.3\.4[\s\S]*shared with, or accessible to, other agencies[\s\S]*Yes[\s\S]*Shared with the national hub\.[\s\S]*S3\.3\.7, S3\.3\.11, S3\.3\.12, S3\.3\.13/);
    assert.deepEqual(await axeViolations(page), [], 'axe on the results');
    await guards.assertClean('upgrade');
    await context.close();
  });

  test('a fully answered 1.0.0 readiness file imports with every answer and note intact', async () => {
    const { context, page, guards, ui } = await app.visit();
    const path = join(ROOT, 'tests', 'fixtures', 'content-1.0.0', 'readiness.json');
    const file = JSON.parse(readFileSync(path, 'utf8'));
    const [original] = file.assessments;
    await ui.open('/assessments');
    await page.getByLabel('Choose files to import').setInputFiles(path);
    await page.waitForSelector('.import-done');
    assert.match(await page.locator('.import-done').innerText(), /1 new assessment\(s\) added/);
    assert.doesNotMatch(await page.locator('.import-done').innerText(), /do(es)? not have/, 'nothing unknown');
    const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(`rai.assessment.${k}`)), original.id);
    assert.deepEqual(stored.assessment.answers, original.answers, 'every answer as given');
    assert.deepEqual(stored.assessment.notes, original.notes, 'every note as written');
    assert.equal(stored.assessment.content.version, expectedVersions().content);

    await ui.open(`/assessments/${original.id}`);
    const q = new QuestionsPage(page);
    await page.waitForSelector('.q-overall');
    assert.match(await q.progressText(), new RegExp(`^${Object.keys(original.answers).length} of 58 questions answered`));
    await guards.assertClean('import 1.0.0');
    await context.close();
  });
});
