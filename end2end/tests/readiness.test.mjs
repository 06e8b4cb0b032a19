// End-to-end: the organizational readiness assessment answered by keyboard, its results checked against
// figures computed here by hand from the published method, its print view and its downloaded report.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectedVersions, startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';
import { QuestionsPage } from '../pages/questions-page.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

// The answer given to the i-th question (0-based, in questionnaire order): choice 0-4 is a level,
// 5 "Don't know", 6 "Not applicable".
const choiceFor = (i) => (i % 9 === 4 ? 5 : i % 11 === 7 ? 6 : (i * 3) % 5);

// A score's band is its nearest level's, the lower one exactly half-way (levels are 250 tenths apart).
const BANDS = ['Foundational', 'Foundational', 'Developing', 'Established', 'Leading'];
const band = (tenths) => BANDS[Math.floor((tenths + 124) / 250)];
const show = (tenths) => (tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1));

/** The method as the app states it: mean level × 25 per dimension; overall = mean of dimensions. */
function expected(structure) {
  let i = 0;
  const rows = structure.map(({ section, items }) => {
    const levels = [];
    let applicable = 0;
    for (const _ of items) {
      const c = choiceFor(i++);
      if (c !== 6) applicable++;
      if (c <= 4) levels.push(c);
    }
    const tenths = Math.round((levels.reduce((a, b) => a + b, 0) * 250) / levels.length);
    return { section, tenths, answered: levels.length, applicable };
  });
  const overall = Math.round(rows.reduce((a, r) => a + r.tenths, 0) / rows.length);
  return { rows, overall };
}

describe('the organizational readiness assessment', () => {
  test('answered by keyboard only with a reload midway; results match the method; report prints and downloads', async () => {
    const { context, page, guards, ui, lib } = await app.visit({ acceptDownloads: true });
    const q = new QuestionsPage(page);
    await ui.open('/assessments');
    await lib.create({ title: 'Readiness <2027>', subject: 'Northshire Police', name: 'A. Okafor', role: 'Ethics officer' });
    const id = lib.currentId();
    const structure = await q.structure();
    const ids = structure.flatMap((s) => s.items);
    assert.equal(ids.length, 58);
    assert.equal(ids[0], 'R1.1');
    assert.match(await q.progressText(), /0 of 58 questions answered \(0%\)/);

    // A note with markup, typed in the first question's notes field.
    const note = 'Policy <b>signed</b> & "filed" <script>alert(1)</script>';
    await page.getByRole('button', { name: 'Add notes and evidence R1.1' }).click();
    await page.getByLabel('Notes and evidence R1.1').fill(note);

    const half = 27;
    await page.locator('#main').focus();
    for (let i = 0; i < half; i++) {
      await q.tabToChoices(ids[i]);
      await q.chooseByKeyboard(choiceFor(i));
    }
    await lib.waitSaved();
    await page.reload();
    await ui.ready();
    assert.match(await q.progressText(), new RegExp(`${half} of 58 questions answered`));
    assert.equal(await q.checkedIndex(ids[half - 1]), choiceFor(half - 1), 'answers survive the reload');
    assert.equal(await page.getByLabel('Notes and evidence R1.1').inputValue(), note);

    // Continue with "Next unanswered question", reached and pressed by keyboard.
    await page.locator('#main').focus();
    await q.tabUntil(() => page.evaluate(() => document.activeElement?.textContent === 'Next unanswered question'));
    await page.keyboard.press('Enter');
    await page.waitForFunction((want) => document.activeElement?.id === `q-${want}-0`, ids[half]);
    for (let i = half; i < ids.length; i++) {
      if (i > half) await q.tabToChoices(ids[i]);
      await q.chooseByKeyboard(choiceFor(i));
    }
    await lib.waitSaved();
    assert.match(await q.progressText(), /58 of 58 questions answered \(100%\)/);
    for (const [i, qid] of ids.entries()) assert.equal(await q.checkedIndex(qid), choiceFor(i), qid);

    // Changing and clearing an answer, by keyboard: arrow within the group, then the Clear button.
    await page.locator(`[id="q-${ids[0]}-${choiceFor(0)}"]`).focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await q.checkedIndex(ids[0]), choiceFor(0) + 1);
    await page.keyboard.press('ArrowUp');
    assert.equal(await q.checkedIndex(ids[0]), choiceFor(0));

    // Results, reached by the tab link.
    await lib.openPart('Results');
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent.startsWith('Results'));
    const want = expected(structure);
    const rows = await q.resultRows();
    assert.equal(rows.length, 9);
    for (const [k, r] of want.rows.entries()) {
      assert.ok(rows[k].dimension.startsWith(r.section + ' '), rows[k].dimension);
      assert.equal(rows[k].score, show(r.tenths), `${r.section} score`);
      assert.equal(rows[k].level, band(r.tenths), `${r.section} level`);
      assert.equal(rows[k].coverage, `${r.answered} / ${r.applicable}`, `${r.section} coverage`);
    }
    const overall = await page.locator('.r-overall').innerText();
    assert.match(overall, new RegExp(`${show(want.overall).replace('.', '\\.')} / 100 · ${band(want.overall)}`));
    assert.doesNotMatch(overall, /Provisional/);
    assert.equal(await page.locator('svg.chart rect').count(), 9, 'one bar per dimension');
    assert.deepEqual(await axeViolations(page), []);

    // The report: print media hides the app around it.
    await page.getByRole('link', { name: 'Report' }).click();
    await page.waitForSelector('.report h1');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false, 'no navigation in print');
    assert.equal(await page.locator('.report-actions').first().isVisible(), false, 'no buttons in print');
    assert.equal(await page.locator('.report h1').innerText(), 'Readiness <2027>');
    await page.emulateMedia({ media: 'screen' });
    const reportText = await page.locator('.report').innerText();
    assert.ok(reportText.includes(note), 'the note shows as typed');
    assert.match(reportText, /A\. Okafor \(Ethics officer\)/);
    assert.match(reportText, new RegExp(`rai-le-core ${expectedVersions().content.replaceAll('.', '\\.')}`));
    assert.match(reportText, /not an official product of INTERPOL or UNICRI/);
    assert.deepEqual(await axeViolations(page), []);

    // The downloaded HTML report: self-contained, the same figures, the note escaped; asked to, it
    // carries its answers.
    await page.getByLabel('Put the answers inside the HTML report, so it can be imported back into the app').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download report (HTML)' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^rai-assess_readiness_readiness-2027_\d{4}-\d{2}-\d{2}_report\.html$/);
    const file = join(mkdtempSync(join(tmpdir(), 'rai-report-')), download.suggestedFilename());
    await download.saveAs(file);
    const html = readFileSync(file, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.doesNotMatch(html, /<link|src="http/);
    const scripts = [...html.matchAll(/<script[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, ['<script type="application/json" id="rai-answer-file">'], 'only the inert answer data');
    assert.ok(html.includes('Policy &lt;b&gt;signed&lt;/b&gt; &amp; &quot;filed&quot; &lt;script&gt;'));
    assert.ok(html.includes(`<span class="r-figure">${show(want.overall)}</span>`));
    const offline = await context.newPage();
    await offline.goto(`file://${file}`);
    assert.ok((await offline.locator('main').innerText()).includes(note), 'opened offline, the note reads as typed');
    await offline.close();

    const [md] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download report (Markdown)' }).click(),
    ]);
    const markdown = readFileSync(await md.path(), 'utf8');
    assert.match(markdown, /^# Readiness \\<2027\\>/);
    assert.match(markdown, new RegExp(`${show(want.overall).replace('.', '\\.')} / 100 · \\*\\*${band(want.overall)}\\*\\*`));
    await guards.assertClean('readiness');
    await context.close();
  });

  test("a question's notes field comes when asked for, takes the focus, and is there after a reload", async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    await lib.create({ title: 'Notes on demand' });
    const field = page.getByLabel('Notes and evidence R1.2');
    assert.equal(await field.count(), 0, 'no field before it is asked for');
    const add = page.getByRole('button', { name: 'Add notes and evidence R1.2' });
    await add.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'n-R1.2');
    await page.keyboard.type('Policy signed in March.');
    assert.equal(await add.isHidden(), true);
    await lib.waitSaved();
    await page.reload();
    await ui.ready();
    assert.equal(await field.inputValue(), 'Policy signed in March.');
    assert.equal(await page.getByRole('button', { name: 'Add notes and evidence R1.2' }).count(), 0);
    assert.equal(await page.getByLabel('Notes and evidence R1.3').count(), 0);
    await guards.assertClean('notes on demand');
    await context.close();
  });

  test('show unanswered only, clearing an answer, and the provisional warning', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    const q = new QuestionsPage(page);
    await ui.open('/assessments');
    await lib.create({ title: 'Quick look' });
    await page.locator('[id="q-R1.1-3"]').check();
    await page.locator('[id="q-R1.2-4"]').check();
    await page.getByLabel('Show unanswered only').check();
    assert.equal(await page.locator('fieldset[id="q-R1.1"]').isHidden(), true);
    assert.equal(await page.locator('fieldset[id="q-R1.3"]').isVisible(), true);
    await page.locator('[id="q-R1.3-1"]').check();
    assert.equal(await page.locator('fieldset[id="q-R1.3"]').isVisible(), true, 'just answered stays in view');
    await page.getByLabel('Show unanswered only').uncheck();
    await page.getByRole('button', { name: 'Clear answer R1.2' }).click();
    assert.equal(await q.checkedIndex('R1.2'), -1);
    assert.match(await q.progressText(), /2 of 58/);
    await lib.waitSaved();
    await page.getByRole('link', { name: 'Results' }).click();
    await page.waitForSelector('.r-overall');
    // R1: levels 3 and 1 -> mean 2 -> 50, level 2: Developing.
    assert.match(await page.locator('.r-overall').innerText(), /50 \/ 100 · Developing[\s\S]*Provisional\./);
    assert.equal((await q.resultRows())[1].score, 'no answers yet');
    await guards.assertClean('filter');
    await context.close();
  });

  test('a critical safeguard at level 0 shows as a critical gap on the results', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    await ui.open('/assessments');
    await lib.create({ title: 'Strong but no switch' });
    await page.locator('[id="q-R1.1-4"]').check();
    await page.locator('[id="q-R9.3-0"]').check();
    await lib.waitSaved();
    await page.getByRole('link', { name: 'Results' }).click();
    await page.waitForSelector('.r-overall');
    const gaps = page.locator('.r-critical');
    assert.equal(await gaps.getByRole('heading', { name: 'Critical gaps' }).count(), 1);
    assert.match(await gaps.innerText(), /so missing or only partly in place: 1\.[\s\S]*R9\.3 [^\n]*\(0 · Not started\)/);
    assert.deepEqual(await axeViolations(page), []);
    await guards.assertClean('critical gap');
    await context.close();
  });
});
