// Firefox smoke suite: the main flows in Debian's firefox-esr (many police desktops run Firefox ESR), the
// built dist/ served under a sub-path as for the Chromium suite, driven by puppeteer-core over WebDriver
// BiDi, with the same console, CSP and network guards. Run with:
//   node --test --test-concurrency=1 end2end/firefox/*.test.mjs
// Every wait is for a condition on the page or on disk; the only timeouts are deadlines for failing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildOneFile } from '../../scripts/one-file.mjs';
import { DIST, expectedVersions } from '../tools/fixture.mjs';
import { downloadOf, guardPage, PATIENCE, startFirefoxApp } from '../tools/firefox.mjs';
import { documentText, packageParts } from '../tools/office.mjs';
import { serveDist } from '../tools/static-server.mjs';

let app;
before(async () => { app = await startFirefoxApp(); }, { timeout: 3 * 60_000 });
after(async () => { await app?.stop(); });

async function ready(page) {
  await page.waitForSelector('html[data-ready="true"] main h1');
}

const heading = (page) => page.$eval('main h1', (h) => h.textContent.trim());
const waitHeading = (page, text) =>
  page.waitForFunction((h) => document.querySelector('main h1')?.textContent.trim() === h, {}, text);

/**
 * Opens the app at a route such as '/about' and waits until it is interactive and, if given, shows
 * `title` as its heading. From another route of the app this is a same-document navigation, which may
 * resolve before the view changed: give the heading then.
 */
async function open(page, route, title) {
  await page.goto(`${app.server.url}#${route}`);
  await ready(page);
  if (title) await waitHeading(page, title);
}

const mainText = (page) => page.$eval('main', (m) => m.innerText);

// What a user reaches things by: a kind of control and the name it shows (its aria-label, its labels'
// text or its own text), found in the DOM. (Puppeteer's ::-p-aria() asks Firefox's accessibility tree
// and works, but takes 6 to 8 s a query on a 54-question page.)
const ROLES = {
  button: 'button',
  link: 'a[href]',
  textbox: 'input:not([type]), input[type=text], input[type=search], textarea',
  radio: 'input[type=radio]',
  checkbox: 'input[type=checkbox]',
  heading: 'h1, h2, h3, h4, h5, h6',
  file: 'input[type=file]',
};

/** The first visible control of `role` named `name`, inside `within` (a CSS selector), once there. */
async function find(page, role, name, { within = 'body', visible = true } = {}) {
  const handle = await page.waitForFunction((css, want, scope, mustShow) => {
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const nameOf = (el) => norm(el.getAttribute('aria-label')
      ?? (el.labels?.length ? [...el.labels].map((l) => l.textContent).join(' ') : el.textContent));
    const shown = (el) => !mustShow || el.getClientRects().length > 0;
    return [...document.querySelectorAll(scope)].flatMap((s) => [...s.querySelectorAll(css)])
      .find((el) => nameOf(el) === want && shown(el));
  }, {}, ROLES[role], name, within, visible);
  return handle.asElement();
}

const click = async (page, role, name, options) => (await find(page, role, name, options)).click();

/** Clicks the element `selector` finds, once it is visible. */
async function clickOn(page, selector) {
  await (await page.waitForSelector(selector, { visible: true })).click();
}

/** Types into the text field with that label, as a user does: a click into it, then the keys. */
async function type(page, label, text) {
  const field = await find(page, 'textbox', label);
  await field.click();
  await field.type(text);
}

const fieldValue = async (page, label) => (await find(page, 'textbox', label)).evaluate((f) => f.value);

/** The choice picked for a question (its index: 0-4 a level, 5 don't know, 6 not applicable), or -1. */
const checkedIndex = async (page, id) => {
  // Every question in the page: the questionnaire draws the rest of them after the first screen.
  await page.waitForSelector('.q-sections:not([aria-busy])', { state: 'attached' });
  return page.$$eval(`fieldset[id="q-${id}"] input[type=radio]`, (inputs) => inputs.findIndex((i) => i.checked));
};

async function waitSaved(page) {
  await page.waitForFunction(() => /All changes saved at/.test(document.querySelector('.save-status')?.textContent ?? ''));
}

/** A new assessment from the library's form; resolves once it is open. */
async function create(page, { title, kind = 'Organizational readiness', subject = '' }) {
  await open(page, '/assessments');
  // The "New assessment" panel is folded once the library has assessments.
  const panel = await page.waitForSelector('details.new-panel');
  if (!(await panel.evaluate((d) => d.open))) await clickOn(page, 'details.new-panel summary');
  await click(page, 'radio', kind);
  await type(page, 'Title', title);
  if (subject) await type(page, 'Agency, unit or AI system it is about (optional)', subject);
  await click(page, 'button', 'Create and open');
  await waitHeading(page, title);
}

/** Follows a link of the main navigation, or of an assessment's parts. */
const nav = (page, name) => click(page, 'link', name, { within: 'nav[aria-label="Main"]' });
const tab = (page, name) => click(page, 'link', name, { within: 'nav[aria-label="Parts of this assessment"]' });

/** Named steps of one test that share a page: once one fails, the rest are skipped, not timed out. */
function stepper(t) {
  let failed = false;
  return (name, fn) => t.test(name, async (s) => {
    if (failed) return s.skip('an earlier step failed');
    try {
      await fn();
    } catch (e) {
      failed = true;
      throw e;
    }
  });
}

const VIEWS = [
  { route: '/', nav: 'Home', heading: 'Assess AI in policing responsibly, in your own browser' },
  { route: '/assessments', nav: 'Assessments', heading: 'Assessments' },
  { route: '/guidance', nav: 'Guidance', heading: 'Guidance' },
  { route: '/about', nav: 'About', heading: 'About this app' },
];

// Deadlines only, for a hung browser: generous, since CI machines can be busy.
const LONG = { timeout: 5 * 60_000 };

describe('Firefox smoke', () => {
  test('every main view opens from the navigation, marked current, without errors', LONG, async () => {
    const { context, page, guards } = await app.visit();
    await open(page, '/');
    assert.equal(await heading(page), VIEWS[0].heading);
    assert.match(await mainText(page), /Nothing is sent to any server/);
    for (const view of VIEWS) {
      await nav(page, view.nav);
      await waitHeading(page, view.heading);
      assert.equal(await page.$eval('nav.main-nav a[aria-current]', (a) => a.textContent.trim()), view.nav);
      assert.ok(page.url().endsWith(`#${view.route}`), `address of ${view.nav}: ${page.url()}`);
      assert.equal(await page.title(), `${view.nav === 'Home' ? 'Home' : view.heading} · RAI Assess`);
      await guards.assertClean(view.nav);
    }
    // About names the versions the sources give.
    const versions = expectedVersions();
    assert.equal(await page.$eval('#app-version', (e) => e.textContent.trim()), versions.app);
    assert.equal(await page.$eval('#content-version', (e) => e.textContent.trim()), versions.content);
    await context.close();
  });

  test('the guidance views open: methods, a principle, a stage, an application type, the glossary', LONG, async () => {
    const { context, page, guards } = await app.visit();
    await open(page, '/guidance');
    await click(page, 'link', 'Scales, rubrics and the risk matrix');
    await waitHeading(page, 'How the tools work');
    assert.match(await mainText(page), /Maturity scale[\s\S]*0 · Not started[\s\S]*4 · Embedded/);
    await open(page, '/guidance');
    await click(page, 'link', 'P3.3 Privacy');
    await waitHeading(page, 'P3.3 Privacy');
    assert.match(await mainText(page), /Red flags/);
    await open(page, '/guidance');
    await click(page, 'link', 'Deployment');
    await waitHeading(page, 'Deployment');
    // What refers to the stage comes from the tools module, loaded on first use.
    await page.waitForSelector('.related-items h3');
    await open(page, '/guidance/types/image', 'Image analysis (including facial recognition)');
    assert.match(await mainText(page), /1:N/);
    await open(page, '/guidance/glossary', 'Glossary');
    assert.ok(await page.$$eval('.glossary .term dt', (terms) => terms.length) >= 30, 'the glossary lists its terms');
    await guards.assertClean('guidance');
    await context.close();
  });

  test('a deep link opens its view, and a reload keeps it, under a sub-path with no rewrites', LONG, async () => {
    const { context, page, guards } = await app.visit();
    for (const view of VIEWS) {
      await open(page, view.route, view.heading);
      await page.reload();
      await ready(page);
      assert.equal(await heading(page), view.heading, `after reloading ${view.route}`);
    }
    await guards.assertClean('deep links');
    await context.close();
  });

  test('a readiness assessment: answered, kept over a reload, scored', LONG, async (t) => {
    const step = stepper(t);
    const { context, page, guards } = await app.visit();
    const note = 'Policy <b>signed</b> & "filed"';
    await step('Created from the library, it opens at its questions', async () => {
      await create(page, { title: 'Firefox readiness', subject: 'Northshire Police' });
      await page.waitForSelector('.q-overall');
      assert.match(await page.$eval('.q-overall', (e) => e.innerText), /0 of 58 questions answered \(0%\)/);
    });
    await step('Three questions answered and a note typed: progress and saving say so', async () => {
      await clickOn(page, '[id="q-R1.1-3"]');
      await clickOn(page, '[id="q-R1.2-4"]');
      await clickOn(page, '[id="q-R1.3-1"]');
      await click(page, 'button', 'Add notes and evidence R1.1');
      await type(page, 'Notes and evidence R1.1', note);
      await page.waitForFunction(() => /3 of 58 questions answered/.test(document.querySelector('.q-overall')?.textContent));
      await waitSaved(page);
    });
    await step('After a reload the answers and the note are still there', async () => {
      await page.reload();
      await ready(page);
      await page.waitForSelector('fieldset.question');
      const picked = [await checkedIndex(page, 'R1.1'), await checkedIndex(page, 'R1.2'), await checkedIndex(page, 'R1.3')];
      assert.deepEqual(picked, [3, 4, 1]);
      assert.equal(await fieldValue(page, 'Notes and evidence R1.1'), note);
      assert.match(await page.$eval('.q-overall', (e) => e.innerText), /3 of 58 questions answered/);
    });
    await step('Results show the score: R1 levels 3, 4, 1 make 66.7 of 100, Established, provisional', async () => {
      await tab(page, 'Results');
      // Results are written by the tools module, loaded on first use: wait for them.
      await page.waitForSelector('.r-dimensions tbody tr');
      assert.match(await page.$eval('.r-overall', (e) => e.innerText), /66\.7 \/ 100 · Established[\s\S]*Provisional\./);
      const r1 = await page.$eval('.r-dimensions tbody tr',
        (row) => [...row.querySelectorAll('td')].map((td) => td.textContent.trim()));
      assert.deepEqual(r1.slice(0, 3), ['66.7', 'Established', '3 / 6'], 'R1: score, level, answered of applicable');
      assert.equal(await page.$$eval('svg.chart rect', (bars) => bars.length), 1, 'a bar for the one dimension answered');
    });
    await guards.assertClean('readiness');
    await context.close();
  });

  test('an answer file: exported by download in one profile, imported in a fresh one', LONG, async (t) => {
    const step = stepper(t);
    let file;
    await step('Exported: the browser saves a JSON answer file holding the assessment', async () => {
      const { context, page, guards } = await app.visit();
      await create(page, { title: 'Shared readiness' });
      await clickOn(page, '[id="q-R1.1-2"]');
      await clickOn(page, '[id="q-R2.1-5"]');
      await waitSaved(page);
      await open(page, '/assessments');
      await click(page, 'checkbox', 'Shared readiness · Organizational readiness');
      file = await downloadOf(app.downloads, () => click(page, 'button', 'Export answer file'));
      assert.match(basename(file), /^rai-assess_readiness_shared-readiness_\d{4}-\d{2}-\d{2}(\(\d+\))?\.json$/);
      const json = JSON.parse(readFileSync(file, 'utf8'));
      assert.equal(json.format, 'rai-assess.answers');
      assert.deepEqual(json.assessments.map((a) => a.title), ['Shared readiness']);
      await page.waitForFunction(() => /Exported 1 /.test(document.querySelector('main')?.innerText ?? ''));
      await guards.assertClean('export');
      await context.close();
    });
    await step('Imported through the file picker in a fresh profile: the assessment and its answers show', async () => {
      const { context, page, guards } = await app.visit();
      await open(page, '/assessments');
      assert.match(await mainText(page), /No assessments yet/);
      // The file picker, given the file as a user picks it (a BiDi input.setFiles on the input).
      await (await find(page, 'file', 'Choose files to import', { visible: false })).uploadFile(file);
      await page.waitForSelector('.import-results > li');
      assert.match(await page.$eval('.import-results > li', (li) => li.innerText), /Imported: .* 1 new assessment\(s\) added\./);
      // The library lists it; its title links to it.
      await find(page, 'heading', 'Shared readiness', { within: '.library .assessment-card' });
      await click(page, 'link', 'Shared readiness', { within: '.library' });
      await waitHeading(page, 'Shared readiness');
      await page.waitForSelector('fieldset.question');
      assert.equal(await checkedIndex(page, 'R1.1'), 2);
      assert.equal(await checkedIndex(page, 'R2.1'), 5);
      await guards.assertClean('import');
      await context.close();
    });
  });

  test('the report as a Word document: drawn, deflated and saved by Firefox, read back by LibreOffice', LONG, async () => {
    const { context, page, guards } = await app.visit();
    await create(page, { title: 'Word from Firefox' });
    await clickOn(page, '[id="q-R1.1-2"]');
    await waitSaved(page);
    await tab(page, 'Report');
    await page.waitForSelector('.report h1');
    const file = await downloadOf(app.downloads, () => click(page, 'button', 'Download report (Word)'));
    assert.match(basename(file), /^rai-assess_readiness_word-from-firefox_\d{4}-\d{2}-\d{2}_report(\(\d+\))?\.docx$/);
    assert.match(documentText(file), /Word from Firefox[\s\S]*Scores by dimension/);
    assert.ok(packageParts(file)['word/media/figure1.png'] > 2_000, 'the chart drawn by Firefox as a picture');
    await guards.assertClean('Word document');
    await context.close();
  });

  test('the one-file edition opened from disk: created, answered, kept over a reload, scored', LONG, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rai-one-file-firefox-'));
    const file = join(dir, 'rai-assess.html');
    await buildOneFile(DIST, file);
    const url = pathToFileURL(file).href;
    const context = await app.browser.createBrowserContext();
    const page = await context.newPage();
    page.setDefaultTimeout(PATIENCE);
    const guards = await guardPage(page, 'file://');
    await page.goto(`${url}#/assessments`);
    await ready(page);
    const panel = await page.waitForSelector('details.new-panel');
    if (!(await panel.evaluate((d) => d.open))) await clickOn(page, 'details.new-panel summary');
    await click(page, 'radio', 'Organizational readiness');
    await type(page, 'Title', 'From a USB stick in Firefox');
    await click(page, 'button', 'Create and open');
    await waitHeading(page, 'From a USB stick in Firefox');
    await clickOn(page, '[id="q-R1.1-2"]');
    await waitSaved(page);
    await page.reload();
    await ready(page);
    await waitHeading(page, 'From a USB stick in Firefox');
    await page.waitForSelector('fieldset.question');
    assert.equal(await checkedIndex(page, 'R1.1'), 2, 'the answer is kept in the browser, opened from disk');
    await tab(page, 'Results');
    await page.waitForSelector('.r-dimensions tbody tr');
    await guards.assertClean('one-file edition');
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a risk assessment: a screening answer proposes a risk, accepted into the register', LONG, async (t) => {
    const step = stepper(t);
    const { context, page, guards } = await app.visit();
    await step('Created from the library, with the profile drawn by the tools module', async () => {
      await create(page, { title: 'Face search pilot', kind: 'Risk assessment', subject: 'Missing-persons unit' });
      await page.waitForSelector('[id="pf.application_type.image"]');
    });
    await step('"No" to a confirmed legal basis proposes "No sound legal basis" in the register', async () => {
      await clickOn(page, '[id="q-S1.1.1-2"]');
      await waitSaved(page);
      await tab(page, 'Register');
      await page.waitForSelector('#h-register');
      await find(page, 'heading', 'No sound legal basis');
    });
    await step('Accepted: it is risk K1 of the register, named in its contents, and kept over a reload', async () => {
      await click(page, 'button', 'Accept: No sound legal basis');
      await page.waitForSelector('[id="rk.K1.title"]');
      assert.equal(await page.$eval('[id="rk.K1.title"]', (f) => f.value), 'No sound legal basis');
      await find(page, 'button', 'K1 No sound legal basis', { within: '#risk-contents' });
      await waitSaved(page);
      await page.reload();
      await page.waitForSelector('#h-register');
      await page.waitForSelector('.risk-card h3');
      const titles = await page.$$eval('.risk-card h3', (hs) => hs.map((h) => h.textContent.replace(/\s+/g, ' ').trim()));
      assert.deepEqual(titles, ['K1 No sound legal basis']);
    });
    await step('Results list it in the register table', async () => {
      await tab(page, 'Results');
      await page.waitForSelector('table.register tbody th');
      const rows = await page.$$eval('table.register tbody th', (ths) => ths.map((th) => th.innerText));
      assert.equal(rows.length, 1);
      assert.match(rows[0], /^K1 No sound legal basis/);
    });
    await guards.assertClean('risk');
    await context.close();
  });

  // The guards on Firefox go through an adapter: show that each kind of problem is caught there, so that
  // a clean run means something.
  test('the guards catch console errors, uncaught exceptions, CSP violations and requests elsewhere', LONG, async () => {
    const { context, page, guards } = await app.visit();
    await open(page, '/about');
    await guards.assertClean('before anything is planted');
    const logged = new Promise((resolve) => page.once('console', resolve));
    const thrown = new Promise((resolve) => page.once('pageerror', resolve));
    await page.evaluate(() => {
      console.error('planted console error');
      setTimeout(() => { throw new Error('planted exception'); });
      const img = document.createElement('img');
      img.src = 'http://localhost:9/planted.png'; // refused by img-src 'self'
      document.body.append(img);
    });
    await Promise.all([logged, thrown, page.waitForFunction(() => window.__csp?.length > 0)]);
    await assert.rejects(guards.assertClean('planted'), (e) => {
      assert.match(e.message, /console error: planted console error/);
      assert.match(e.message, /uncaught exception: .*planted exception/);
      assert.match(e.message, /CSP violation: img-src blocked http:\/\/localhost:9\/planted\.png/);
      return true;
    });
    // Another origin serving the same app: the page's request to it is reported.
    const elsewhere = await serveDist(DIST);
    try {
      await page.goto(`${elsewhere.url}#/about`);
      await ready(page);
      assert.ok(guards.problems.some((p) => p.startsWith(`request outside the serving origin: ${elsewhere.origin}/`)),
        guards.problems.join('\n'));
    } finally {
      await context.close();
      await elsewhere.close();
    }
  });
});
