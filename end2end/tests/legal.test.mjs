// End-to-end: the legal findings of a risk assessment. In the EU, a live one-to-many face search of
// publicly accessible spaces is a practice the AI Act prohibits (Art. 5(1)(h)): the results, the
// register and the report lead with "likely prohibited" until the team records why an exception
// applies, and then show the exception as recorded.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

const FINDING = 'Likely prohibited: EU AI Act, Article 5';
const RECORDED = 'Prohibited practice: exception claimed, not checked by the app';

async function tab(page, name) {
  await page.getByRole('navigation', { name: 'Parts of this assessment' }).getByRole('link', { name }).click();
}

/** A new risk assessment titled `title`, its profile answered by the labels given, in order. */
async function profiled(ui, lib, page, title, labels) {
  await ui.open('/assessments');
  await lib.create({ title, kind: 'Risk assessment' });
  for (const label of labels) await page.getByLabel(label).check();
}

const EU_FACE_SEARCH = [
  'European Union or EEA',
  'Image analysis (including facial recognition)',
  'One-to-many identification against a watchlist or database',
];

/** A risk assessment of an EU live face search of public spaces, profiled by its labels. */
async function liveFaceSearch(ui, lib, page) {
  await profiled(ui, lib, page, 'Live watchlist cameras', [
    ...EU_FACE_SEARCH,
    'Live or near real time, as images are captured',
    'Yes, at least some images come from publicly accessible spaces',
  ]);
  await page.getByLabel('Why an exception applies').waitFor({ state: 'visible' });
}

describe('the legal findings of a risk assessment', () => {
  test('an EU live public face search is likely prohibited on the results, register and report', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await liveFaceSearch(ui, lib, page);
    await lib.waitSaved();

    await tab(page, 'Results');
    const finding = page.locator('.r-finding');
    await finding.getByRole('heading', { name: FINDING }).waitFor();
    assert.match(await finding.innerText(), /in real time, in publicly accessible spaces[\s\S]*AI Act Art\. 5\(1\)\(h\)/);
    assert.deepEqual(await axeViolations(page), [], 'axe on the results');

    await tab(page, 'Register');
    await page.waitForSelector('#h-register');
    assert.equal(await page.getByRole('heading', { name: FINDING }).count(), 1, 'on the register');

    await tab(page, 'Report');
    await page.waitForSelector('.report h1');
    assert.equal(await page.locator('.report').getByRole('heading', { name: FINDING }).count(), 1, 'in the report');
    await guards.assertClean('prohibited');
    await context.close();
  });

  test('a recorded exception replaces the finding with the reasons as typed', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await liveFaceSearch(ui, lib, page);
    const reason = 'Art. 5(1)(h)(i): search for an abducted child <case 12/2027>, court order of 3 May';
    await page.getByLabel('Why an exception applies').fill(reason);
    await lib.waitSaved();

    await tab(page, 'Results');
    const finding = page.locator('.r-finding');
    await finding.getByRole('heading', { name: RECORDED }).waitFor();
    assert.ok((await finding.innerText()).includes(reason), 'the reasons as typed');
    assert.equal(await page.getByRole('heading', { name: FINDING }).count(), 0);
    await guards.assertClean('exception');
    await context.close();
  });
});

describe('the high-risk classification', () => {
  test('an EU one-to-many face search is high-risk, with the deployer duties open until ticked', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await profiled(ui, lib, page, 'Retrospective face search', EU_FACE_SEARCH);
    const logs = page.getByLabel(/The logs the system generates, as far as they are under/);
    await logs.check();
    await lib.waitSaved();

    await tab(page, 'Results');
    const found = page.locator('.r-class');
    await found.getByRole('heading', { name: 'High-risk AI system: EU AI Act, Annex III' }).waitFor();
    const text = await found.innerText();
    assert.match(text, /other than checking that a person is who they claim to be · AI Act Annex III\(1\)\(a\)/);
    assert.match(text, /11 of 12 duties still open/);
    assert.match(text, /Met: The logs the system generates/);
    assert.equal(await page.getByRole('heading', { name: FINDING }).count(), 0, 'high-risk is not prohibited');
    assert.deepEqual(await axeViolations(page), []);
    await guards.assertClean('high-risk');
    await context.close();
  });
});

describe('the legal regime', () => {
  test('the EU regime asks the police data-protection questions, another regime does not', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await profiled(ui, lib, page, 'Case triage', []);
    const article11 = page.locator('[id="q-S3.1.5"]');
    // Drawn (the questionnaire draws after its first screen) and hidden: not merely not drawn yet.
    await article11.waitFor({ state: 'attached' });
    assert.equal(await article11.isHidden(), true, 'not asked before a regime is chosen');
    await page.getByLabel('European Union or EEA').check();
    await article11.waitFor({ state: 'visible' });
    assert.match(await article11.textContent(), /Directive 2016\/680, Art\. 11/);
    await page.getByLabel('United Kingdom').check();
    await article11.waitFor({ state: 'hidden' });
    await guards.assertClean('regime');
    await context.close();
  });
});
