// End-to-end: the risk assessment of one AI system. A 1:N face identification system is profiled, its
// conditional screening questions appear, two proposed risks are accepted, one is added by hand (by
// keyboard), all three are rated and mitigated; the heat maps and the register read in the expected
// order; a snapshot is taken, a rating changed and the change shown; the CSV's rows are checked.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

const byId = (page, id) => page.locator(`[id="${id}"]`);

/** The answer to a screening question: 0 yes, 1 partly, 2 no, 3 unsure. */
async function screen(page, id, k) {
  await byId(page, `q-${id}-${k}`).check();
}

async function tab(page, name) {
  await page.getByRole('navigation', { name: 'Parts of this assessment' }).getByRole('link', { name }).click();
}

/** Waits until the register view is drawn (by the tools module) and idle. */
async function registerReady(page) {
  await page.waitForSelector('#h-register');
}

/** A rating by its radio: `rk.K1.l` and 3. */
async function rate(page, group, value) {
  await byId(page, `${group}.${value}`).check();
  await page.waitForFunction(([g, v]) => document.getElementById(`${g}.${v}`)?.checked, [group, value]);
}

describe('the risk assessment of one AI system', () => {
  test('profile, screening, proposals, register, heat maps, snapshot compare and CSV', async (t) => {
    const { context, page, guards, ui, lib } = await app.visit({ acceptDownloads: true });
    await ui.open('/assessments');
    await lib.create({ title: 'Face search <pilot>', kind: 'Risk assessment', subject: 'Missing-persons unit' });
    const id = lib.currentId();

    const watchlist = page.locator('[id="q-S1.3.3"]');
    // One subtest a step, so a failure names the feature.
    await t.test('The profile decides the questions: the watchlist question appears only for 1:N face search', async () => {
      await page.waitForSelector('[id="pf.application_type.image"]');
      // Drawn (the questionnaire draws after its first screen) and hidden: not merely not drawn yet.
      await watchlist.waitFor({ state: 'attached' });
      assert.equal(await watchlist.isHidden(), true, 'not asked before the profile says 1:N');
      assert.equal(await page.locator('[id="pf.face_mode.1ton"]').isHidden(), true, 'face mode hidden before image');
      await page.getByLabel('Image analysis (including facial recognition)').check();
      await page.getByLabel('One-to-many identification against a watchlist or database').check();
      await watchlist.waitFor({ state: 'visible' });
      await page.getByLabel('Purpose', { exact: true }).fill('Find missing people in <CCTV> stills.');
    });
    await t.test('Two answers that signal risks (no legal basis confirmed, no watchlist criteria) propose risks, accepted', async () => {
      await screen(page, 'S1.1.1', 2);
      await screen(page, 'S1.3.3', 2);
      assert.deepEqual(await axeViolations(page), [], 'axe on the answer view');

      await tab(page, 'Register');
      await registerReady(page);
      await page.getByRole('heading', { name: 'No sound legal basis' }).waitFor();
      await page.getByRole('button', { name: 'Accept: No sound legal basis' }).click();
      await byId(page, 'rk.K1.title').waitFor();
      assert.equal(await page.evaluate(() => document.activeElement.id), 'rk.K1.title', 'focus on the accepted risk');
      const watch = await page.locator('.proposal h3').allInnerTexts();
      const watchTitle = watch.find((t) => /watchlist/i.test(t));
      assert.ok(watchTitle, `a watchlist proposal among ${watch}`);
      await page.getByRole('button', { name: `Accept: ${watchTitle}` }).click();
      await byId(page, 'rk.K2.title').waitFor();
    });
    await t.test('Any other proposal is dismissed, with a reason that is kept; no reason, no dismissal', async () => {
      const others = await page.locator('.proposal h3').allInnerTexts();
      for (const other of others) {
        await page.getByRole('button', { name: `Dismiss: ${other}` }).click();
        await page.getByText('Give a reason before dismissing').waitFor();
        await page.locator('.proposal').filter({ hasText: other }).getByLabel('Reason for dismissing').fill('Covered by the force-wide DPIA');
        await page.getByRole('button', { name: `Dismiss: ${other}` }).click();
        await page.locator('.dismissed').getByText(other).waitFor();
      }
    });
    await t.test('A risk added by hand, by keyboard only: the button, its title, then Tab to the likelihood', async () => {
      await page.getByRole('button', { name: 'Add a risk by hand' }).focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'rk.K3.title');
      await page.keyboard.type('Reviewer fatigue');
      for (let i = 0; i < 40 && (await page.evaluate(() => document.activeElement?.name)) !== 'rk.K3.l'; i++) {
        await page.keyboard.press('Tab');
      }
      assert.equal(await page.evaluate(() => document.activeElement?.name), 'rk.K3.l');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.getElementById('rk.K3.l.2')?.checked);
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => document.getElementById('rk.K3.s.2')?.checked);
      await page.locator('.risk-card', { hasText: 'K3' }).getByText('Inherent level: Low').waitFor();
      // The title, once its field was left, names the risk in the register's contents.
      await page.locator('#risk-contents').getByRole('button', { name: 'K3 Reviewer fatigue' }).waitFor();
    });
    await t.test('Ratings: K1 3×5 critical, K2 4×4 high; residuals; a mitigation for K3 overdue, one without owner', async () => {
      await rate(page, 'rk.K1.l', 3);
      await rate(page, 'rk.K1.s', 5);
      await rate(page, 'rk.K1.rl', 2);
      await rate(page, 'rk.K1.rs', 4);
      await rate(page, 'rk.K2.l', 4);
      await rate(page, 'rk.K2.s', 4);
      await page.locator('.risk-card', { hasText: 'K1' }).getByText('Inherent level: Critical').waitFor();
      await page.getByRole('button', { name: 'Add a mitigation to K3' }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'mt.K3.0.action');
      await page.keyboard.type('Rotate reviewers every two hours');
      await byId(page, 'mt.K3.0.owner').fill('Shift lead');
      await byId(page, 'mt.K3.0.due').fill('2026-01-15');
      await byId(page, 'rk.K2.decision').selectOption('treat');
      await byId(page, 'rk.K2.decided_by').fill('Deputy chief');
      await byId(page, 'rk.K2.rationale').fill('Only with written criteria');
      await byId(page, 'rk.K2.rationale').blur();
      assert.deepEqual(await axeViolations(page), [], 'axe on the register');
    });
    await t.test('Saved: a reload shows the same register', async () => {
      await page.reload();
      await registerReady(page);
      assert.equal(await byId(page, 'rk.K3.title').inputValue(), 'Reviewer fatigue');
      assert.equal(await byId(page, 'rk.K1.l.3').isChecked(), true);
      assert.equal(await byId(page, 'mt.K3.0.due').inputValue(), '2026-01-15');
    });
    await t.test('Results: heat maps with counts, the register by level, what needs attention', async () => {
      await tab(page, 'Results');
      await page.waitForSelector('.heat-table');
      assert.deepEqual(await axeViolations(page), [], 'axe on the results');
      const inherent = page.locator('.heat-table').first();
      const cell = (table, row, col) => table.locator('tbody tr').nth(5 - row).locator('td').nth(col - 1).innerText();
      assert.equal(await cell(inherent, 3, 5), '1 · Critical');
      assert.equal(await cell(inherent, 4, 4), '1 · High');
      assert.equal(await cell(inherent, 2, 2), '1 · Low');
      assert.equal(await cell(inherent, 1, 1), '0 · Low');
      assert.equal(await cell(page.locator('.heat-table').nth(1), 2, 4), '1 · Medium');
      const order = await page.locator('table.register tbody th').allInnerTexts();
      assert.equal(order.length, 3);
      assert.match(order[0], /^K1 No sound legal basis/);
      assert.match(order[1], /^K2 /);
      assert.match(order[2], /^K3 Reviewer fatigue/);
      const text = await page.locator('.report.results').innerText();
      assert.match(text, /These results inform; people decide/);
      assert.match(text, /Overdue: K3 Reviewer fatigue: Rotate reviewers every two hours/);
      assert.match(text, /No owner: K1 No sound legal basis/, 'template mitigations wait for an owner');
    });
    await t.test('A snapshot, then a re-rating, then what changed', async () => {
      await tab(page, 'Register');
      await registerReady(page);
      await byId(page, 'snap.label').fill('Design review');
      await page.getByRole('button', { name: 'Take a snapshot of the register' }).click();
      await page.locator('.snapshots').getByText(/Design review \(\d{1,2} [A-Z][a-z]+ \d{4}\)/).waitFor();
      await rate(page, 'rk.K3.l', 5);
      await page.locator('.changes').getByText(/K3 Reviewer fatigue: inherent Low \(L2 × S2\) → Medium \(L5 × S2\)/).waitFor();
    });
    await t.test('The report, and the register as CSV in reading order', async () => {
      await tab(page, 'Report');
      await page.waitForSelector('.report h1');
      assert.equal(await page.locator('.report h1').innerText(), 'Face search <pilot>');
      assert.deepEqual(await axeViolations(page), [], 'axe on the report');
      const [csvDl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download register (CSV)' }).click(),
      ]);
      assert.match(csvDl.suggestedFilename(), /^rai-assess_risk_face-search-pilot_\d{4}-\d{2}-\d{2}_register\.csv$/);
      const csv = readFileSync(await csvDl.path(), 'utf8');
      assert.ok(csv.startsWith('\uFEFF"Id","Title","Description",'), 'UTF-8 with BOM and a header, every field quoted');
      const rows = csv.slice(1).split('\r\n').filter((l) => /^"K\d",/.test(l));
      assert.deepEqual(rows.map((r) => r.split(',')[0]), ['"K1"', '"K2"', '"K3"']);
      assert.match(rows[0], /,"3","5","Critical",/);
      assert.match(rows[2], /,"5","2","Medium",/);
      assert.match(rows[1], /,"treat","Deputy chief","Only with written criteria"$/);

      await page.getByLabel('Put the answers inside the HTML report, so it can be imported back into the app').check();
      const [htmlDl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download report (HTML)' }).click(),
      ]);
      const html = readFileSync(await htmlDl.path(), 'utf8');
      assert.match(html, /<h1>Face search &lt;pilot&gt;<\/h1>/);
      assert.match(html, /Covered by the force-wide DPIA|No sound legal basis/);
      assert.match(html, /id="rai-answer-file"/);
    });
    await t.test('Changing the profile away from faces sets the watchlist answer aside, and says so', async () => {
      await tab(page, 'Answer');
      await page.getByLabel('Text and speech analysis').check();
      await watchlist.waitFor({ state: 'hidden' });
      await page.getByText(/1 screening answers are set aside/).waitFor();
    });
    assert.equal(id.length > 0, true);
    await guards.assertClean('risk');
    await context.close();
  });

  // One owner of the draft: the questionnaire, the profile and the register edit the same record, so
  // answers given while the tools module is still on its way, and edits in quick succession after,
  // are all kept. (Before, each profile edit sent the whole record through the module and wrote its
  // answers back; that lost nothing only while no await fell between the two. Edits are now applied
  // to the draft at once, and only drawing waits for the module.)
  test('edits in quick succession while the tools module loads are all kept', async () => {
    const { context, page, guards, ui, lib } = await app.visit();
    let release;
    const held = new Promise((r) => { release = r; });
    await context.route(/rai-tools-[0-9a-f]+\.js/, async (r) => { await held; await r.continue(); });
    await ui.open('/assessments');
    await lib.create({ title: 'Race', kind: 'Risk assessment' });
    const id = lib.currentId();
    // The questionnaire is the app's own: it is answered before the profile is drawn.
    await screen(page, 'S1.1.1', 2);
    assert.equal(await page.locator('[id="pf.purpose"]').count(), 0, 'the profile waits for the module');
    release();
    await page.waitForSelector('[id="pf.application_type.image"]');
    await page.getByLabel('Purpose', { exact: true }).fill('Find missing people');
    await page.getByLabel('Image analysis (including facial recognition)').check();
    await screen(page, 'S1.1.6', 1);
    await page.getByLabel('Bought from a supplier').check();
    await page.getByLabel('Supplier', { exact: true }).fill('Acme Vision');
    await screen(page, 'S1.2.1', 0);
    await tab(page, 'Register');
    await registerReady(page);
    await page.getByRole('button', { name: 'Add a risk by hand' }).click();
    await byId(page, 'rk.K1.title').fill('Misidentification');
    await rate(page, 'rk.K1.l', 4);
    await page.getByRole('button', { name: 'Add a risk by hand' }).click();
    await byId(page, 'rk.K2.title').fill('Drift');
    await byId(page, 'rk.K2.title').blur();
    await page.waitForFunction(() => /All changes saved at/.test(document.querySelector('.save-status')?.textContent ?? ''));

    await page.reload();
    await registerReady(page);
    assert.equal(await byId(page, 'rk.K1.title').inputValue(), 'Misidentification');
    assert.equal(await byId(page, 'rk.K1.l.4').isChecked(), true);
    assert.equal(await byId(page, 'rk.K2.title').inputValue(), 'Drift');
    const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(`rai.assessment.${k}`)), id);
    const answers = stored.assessment.answers;
    assert.deepEqual(
      [answers['S1.1.1']?.v, answers['S1.1.6']?.v, answers['S1.2.1']?.v, answers.purpose?.v, answers.application_type?.v,
        answers.supplier?.v, answers.sourcing?.v],
      ['no', 'partly', 'yes', 'Find missing people', 'image', 'Acme Vision', 'buy'],
    );
    await guards.assertClean('race');
    await context.close();
  });

  // A register that could not be drawn says so, offers to try again, and recovers.
  test('a register the tools module could not draw recovers with Try again', async () => {
    const { context, page, ui, lib } = await app.visit();
    let block = true;
    await context.route(/rai-tools-[0-9a-f]+\.js/, (r) => (block ? r.abort('internetdisconnected') : r.continue()));
    await ui.open('/assessments');
    await lib.create({ title: 'Offline register', kind: 'Risk assessment' });
    await tab(page, 'Register');
    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await alert.waitFor();
    assert.equal(await page.locator('#h-register').count(), 0, 'no register that could be out of date');
    block = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await registerReady(page);
    await alert.waitFor({ state: 'detached' });
    await context.close();
  });

  test('two registers compared and merged into their union', async () => {
    const { context, page, guards, ui } = await app.visit();
    const risk = (id, title, l, sv, extra = {}) => ({
      id, template: '', title, description: '', principles: ['P4.1'], affected_groups: [], stage: '',
      likelihood: l, severity: sv, controls: '', mitigations: [], residual_likelihood: 0, residual_severity: 0,
      decision: null, decided_by: '', rationale: '', ...extra,
    });
    const file = (name, register, answer) => {
      const body = {
        format: 'rai-assess.answers', format_version: 2, app_version: '0.1.0', exported: 1795430400000,
        content: { id: 'rai-le-core', version: '1.0.0' },
        assessments: [{ id: `risk-${name.toLowerCase()}`, kind: 'risk', title: `Face search, ${name}`, subject: '',
          respondent: { name, role: '' }, created: 1795000000000, updated: 1795000000000,
          content: { id: 'rai-le-core', version: '1.0.0' },
          answers: { application_type: { t: 'choice', v: 'image' }, 'S1.1.1': { t: 'choice', v: answer } }, notes: {},
          risk: { register, dismissed: {}, snapshots: [] } }],
      };
      return { name: `${name}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(body)) };
    };
    await ui.open('/assessments');
    await page.getByLabel('Choose files to import').setInputFiles([
      file('Ana', [risk('K1', 'Biased matches', 4, 4), risk('K2', 'Stale watchlist', 3, 3)], 'no'),
      file('Ben', [risk('K1', 'Reviewer fatigue', 2, 2)], 'partly'),
    ]);
    await page.waitForFunction(() => document.querySelectorAll('.import-results > li').length >= 2);
    for (const name of ['Ana', 'Ben']) await page.getByRole('checkbox', { name: new RegExp(`^Face search, ${name} · `) }).check();
    await page.getByRole('button', { name: 'Compare and merge selected' }).click();
    await page.waitForSelector('table.compare');
    const row = page.locator('table.compare tr', { has: page.locator('select[name="S1.1.1"]') });
    assert.match(await row.innerText(), /No.*Partly.*≠ differ/s);
    await page.getByText('The merged risk assessment takes every risk of every register').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'axe on compare');
    await page.getByLabel('Title of the merged assessment').fill('Agreed face search');
    await page.getByRole('button', { name: 'Create merged assessment' }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Agreed face search');
    await tab(page, 'Register');
    await registerReady(page);
    // Text content: cards off screen are not rendered (content-visibility), so they have no innerText.
    const titles = (await page.locator('.risk-card h3').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
    assert.deepEqual(titles, ['K1 Biased matches', 'K2 Stale watchlist', 'K3 Reviewer fatigue']);
    assert.equal(await byId(page, 'rk.K3.description').inputValue(), '(From the register of Ben, K1.)');
    assert.equal(await byId(page, 'rk.K1.l.4').isChecked(), true);
    await guards.assertClean('risk merge');
    await context.close();
  });
});
