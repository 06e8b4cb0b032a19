// End-to-end tests of the app in French, Spanish and Arabic: the language a page opens in, the
// language menu, and every view read in each language as a user of it would.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });

/** A UI strings file (content/strings/<lang>.toml: tables of one-line basic strings) as key → text. */
function strings(lang) {
  const out = {};
  let table = '';
  for (const line of readFileSync(join(ROOT, 'content', 'strings', `${lang}.toml`), 'utf8').split('\n')) {
    const head = line.match(/^\[([a-z_]+)\]$/);
    if (head) table = head[1];
    const pair = line.match(/^([a-z0-9_]+) = (".*")$/);
    if (pair) out[`${table}.${pair[1]}`] = JSON.parse(pair[2]);
  }
  return out;
}

const EN = strings('en');
const NAMES = { fr: 'Français', es: 'Español', ar: 'العربية' };
// The languages the build offers (content/pack.toml), English aside.
const OFFERED = JSON.parse(readFileSync(join(ROOT, 'content', 'pack.toml'), 'utf8').match(/^languages = (\[.*\])$/m)[1]);
const LANGUAGES = OFFERED.filter((l) => l !== 'en')
  .map((lang) => ({ lang, name: NAMES[lang], dir: lang === 'ar' ? 'rtl' : 'ltr' }));
// Right to left when the build has it; the last language otherwise.
const SWITCH = LANGUAGES.find((l) => l.dir === 'rtl') ?? LANGUAGES.at(-1);
const FIRST = LANGUAGES[0];

/**
 * English a reader of `lang` must not meet: each UI string's runs of three words or more between its
 * placeholders, where the translation differs, and the English content's longer texts (questions,
 * names, labels), which a translation never leaves as they are (the build refuses it).
 */
function englishLeft(lang) {
  const own = strings(lang);
  const runs = Object.entries(EN).filter(([k, v]) => own[k] !== v)
    .flatMap(([, v]) => v.split(/\{[a-z_]+\}/)).map((s) => s.trim()).filter((s) => s.split(/\s+/).length >= 3);
  const content = ['readiness', 'risk', 'vocabulary', 'workbook'].flatMap((f) =>
    [...readFileSync(join(ROOT, 'content', `${f}.toml`), 'utf8')
      .matchAll(/^(?:text|name|label|title|summary|term|definition|why|help|purpose|in_policing|evidence) = (".*")$/gm)]
      .map((m) => JSON.parse(m[1])).filter((s) => s.split(/\s+/).length >= 4));
  return [...new Set([...runs, ...content])];
}

/** What is wrong with the view on screen for a reader of `lang`: raw keys, English, sideways scroll. */
async function problemsOf(page, lang, english) {
  const text = await page.locator('body').innerText();
  const raw = Object.keys(EN).filter((k) => text.includes(k));
  const left = english.filter((s) => text.includes(s));
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const doc = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
  return { raw, left: left.slice(0, 5), wide, doc };
}

/** Waits until the view is drawn: its heading, no part still busy, the tools module's parts written. */
async function settled(page, lang) {
  await page.waitForSelector('html[data-ready="true"] main h1');
  await page.waitForFunction((loading) => document.documentElement.dataset.tools === 'ready'
    && !document.querySelector('[aria-busy="true"]')
    && ![...document.querySelectorAll('main [role="status"]')].some((s) => s.textContent === loading),
  strings(lang)['results.loading']);
}

describe('languages', () => {
  // The first visit follows the browser's preferred languages, and only that language's pack is fetched.
  test(`a browser that prefers ${FIRST.name} opens the app in it and fetches only its pack`, async () => {
    const { context, page, guards, ui } = await app.visit({ locale: `${FIRST.lang}-XX` });
    const packs = [];
    page.on('request', (r) => { const m = r.url().match(/pack-([a-z]+)-[0-9a-f]{16}\.bin$/); if (m) packs.push(m[1]); });
    await ui.open('/');
    assert.equal(await ui.headingText(), strings(FIRST.lang)['home.title']);
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
      [FIRST.lang, FIRST.dir]);
    assert.deepEqual([...new Set(packs)], [FIRST.lang]);
    await guards.assertClean(`${FIRST.name} first visit`);
    await context.close();
  });

  test(`choosing ${SWITCH.name} in the language menu shows the app in it, and the choice is remembered`, async () => {
    const { context, page, guards, ui } = await app.visit({ locale: 'en-GB' });
    await ui.open('/about');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: SWITCH.name }).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, SWITCH.lang);
    await ui.ready();
    const own = strings(SWITCH.lang);
    assert.equal(await ui.headingText(), own['about.title']);
    assert.equal(await page.evaluate(() => document.documentElement.dir), SWITCH.dir);
    const menu = page.getByRole('navigation', { name: own['nav.language'] });
    assert.equal(await menu.locator('button[aria-current="true"]').innerText(), SWITCH.name);
    // A new visit on this device, the browser still preferring English, opens in the chosen language.
    const again = await context.newPage();
    await again.goto(`${app.server.url}#/`);
    await again.waitForSelector('html[data-ready="true"] main h1');
    assert.equal((await again.locator('main h1').innerText()).trim(), own['home.title']);
    await guards.assertClean(`switch to ${SWITCH.name}`);
    await context.close();
  });

  // The switch reloads the page: what is still being typed (no blur, the save not yet due) is saved
  // by the page's pagehide handler first, as the menu's reload does.
  test('a note still being typed when the page reloads in another language is kept', async () => {
    const { context, page, guards, ui, lib } = await app.visit({ locale: 'en-GB' });
    await ui.open('/assessments');
    await lib.create({ title: 'Kept across languages' });
    await lib.notes().pressSequentially('Typed in English, then switched.');
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'TEXTAREA', 'still in the field');
    await page.evaluate((l) => { localStorage.setItem('rai.language', l); location.reload(); }, FIRST.lang);
    await page.waitForFunction((l) => document.documentElement.lang === l, FIRST.lang);
    await ui.ready();
    const notes = page.getByLabel(strings(FIRST.lang)['assessment.notes_label'], { exact: true });
    assert.equal(await notes.inputValue(), 'Typed in English, then switched.');
    await guards.assertClean('reload with a note being typed');
    await context.close();
  });

  // Answer files hold ids, not labels: a French and an Arabic respondent's files compare and merge in a
  // browser of a third language, which shows every answer in its own words.
  test(`a French and an Arabic respondent compared and merged in ${FIRST.name}`, async () => {
    const { context, page, guards, ui } = await app.visit({ locale: FIRST.lang });
    const own = strings(FIRST.lang);
    const file = (name, answers) => ({
      name: `${name}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({
        format: 'rai-assess.answers', format_version: 1, app_version: '0.1.0', exported: 1795430400000,
        content: { id: 'rai-le-core', version: '1.0.0' },
        assessments: [{ id: `resp-${answers['R1.1'].v}`, kind: 'readiness', title: `Préparation — ${name}`, subject: 'Service',
          respondent: { name, role: '' }, created: 1795000000000, updated: 1795000000000,
          content: { id: 'rai-le-core', version: '1.0.0' }, answers, notes: {} }],
      })),
    });
    const level = (v) => ({ t: 'level', v });
    await ui.open('/assessments');
    await page.getByLabel(own['share.pick']).setInputFiles([
      file('Amélie', { 'R1.1': level(1), 'R1.2': level(3) }),
      file('أمينة', { 'R1.1': level(3), 'R1.2': level(3) }),
    ]);
    await page.waitForFunction(() => document.querySelectorAll('.import-results > li').length >= 2);
    for (const name of ['Amélie', 'أمينة']) {
      await page.getByRole('checkbox', { name: new RegExp(`^Préparation — ${name} · `) }).check();
    }
    await page.getByRole('button', { name: own['compare.start'] }).click();
    await page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, own['compare.title']);
    await settled(page, FIRST.lang);
    const row = await page.locator('table.compare tr', { has: page.locator('select[name="R1.1"]') }).innerText();
    // The maturity levels in the viewer's words, from the translated pack.
    const labels = readFileSync(join(ROOT, 'content', 'lang', FIRST.lang, 'readiness.toml'), 'utf8');
    const label = (n) => JSON.parse(labels.match(new RegExp(`^"level\\[${n}\\]\\.label" = (".*")$`, 'm'))[1]);
    assert.ok(row.includes(`1 · ${label(1)}`) && row.includes(`3 · ${label(3)}`), row);
    assert.deepEqual(await axeViolations(page), []);
    await page.getByLabel(own['compare.merged_title']).fill('Version commune');
    await page.getByRole('button', { name: own['compare.create'] }).click();
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Version commune');
    await guards.assertClean('French and Arabic merged');
    await context.close();
  });

  // Why a file was refused is said in the reader's language, with the figures in place.
  test(`a file refused on import says why in ${SWITCH.name}`, async () => {
    const { context, page, guards, ui } = await app.visit({ locale: SWITCH.lang });
    const own = strings(SWITCH.lang);
    await ui.open('/assessments');
    await page.getByLabel(own['share.pick']).setInputFiles([
      { name: 'empty.json', mimeType: 'application/json', buffer: Buffer.alloc(0) },
      { name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(11 * 1024 * 1024, 32) },
    ]);
    await page.waitForFunction(() => document.querySelectorAll('.import-results > li').length >= 2);
    const lines = await page.locator('.import-results > li').allInnerTexts();
    const line = (name) => lines.find((l) => l.includes(name)) ?? '';
    assert.ok(line('empty.json').includes(own['errors.file_empty']), line('empty.json'));
    const mark = ['fr', 'es'].includes(SWITCH.lang) ? ',' : '.';
    const tooLarge = own['errors.file_too_large'].replace('{size}', `11${mark}0`).replace('{max}', '10');
    assert.ok(line('huge.json').includes(tooLarge), `${line('huge.json')}\n  expected: ${tooLarge}`);
    await guards.assertClean(`import refused in ${SWITCH.name}`);
    await context.close();
  });

  // Dates in tables and prose read as each language writes them; date fields and files keep YYYY-MM-DD.
  for (const { lang, name } of [...new Set([FIRST, SWITCH])]) {
    test(`the workbook's dates read as ${name} writes them`, async () => {
      const { context, page, guards, ui } = await app.visit({ locale: lang });
      const own = strings(lang);
      await ui.open('/assessments');
      await settled(page, lang);
      await page.locator('.sample-list [data-act="sample.workbook-face-search"]').click();
      await page.waitForFunction(() => /^#\/assessments\/[^/]+$/.test(location.hash));
      const at = await page.evaluate(() => location.hash.slice(1));
      await ui.open(`${at}/report`);
      await settled(page, lang);
      const text = await page.locator('main').innerText();
      const day = (d, month) => own['dates.date'].replace('{day}', d)
        .replace('{month}', own['dates.months'].split('|')[month - 1]).replace('{year}', '2027');
      // The sample's first decision (2027-02-15) and a condition due on the first of a month (2027-09-01).
      for (const [iso, words] of [['2027-02-15', day('15', 2)], ['2027-09-01', day(own['dates.first_day'], 9)]]) {
        assert.ok(text.includes(words), `${words} in:\n${text.slice(0, 2000)}`);
        assert.ok(!text.includes(iso), `${iso} left as it is`);
      }
      await guards.assertClean(`dates in ${name}`);
      await context.close();
    });
  }

  // Screenshots of the right-to-left views a reader checks first, kept in end2end/artifacts/ for a
  // person to look at: the questionnaire, the results chart, the heat map and a report.
  test(`${SWITCH.name} screenshots at desktop and phone width are written for review`, async () => {
    const out = join(ROOT, 'end2end', 'artifacts');
    mkdirSync(out, { recursive: true });
    for (const [width, height, size] of [[1280, 900, 'desktop'], [375, 800, 'phone']]) {
      const { context, page, guards, ui } = await app.visit({ locale: SWITCH.lang, viewport: { width, height } });
      const shots = [];
      for (const [sample, parts] of [['readiness-agency', ['', '/results', '/report']], ['plate-recognition', ['/results']]]) {
        await ui.open('/assessments');
        await settled(page, SWITCH.lang);
        await page.locator(`.sample-list [data-act="sample.${sample}"]`).click();
        await page.waitForFunction(() => /^#\/assessments\/[^/]+$/.test(location.hash));
        const at = await page.evaluate(() => location.hash.slice(1));
        for (const part of parts) {
          await ui.open(`${at}${part}`);
          await settled(page, SWITCH.lang);
          const target = part === '/results' && sample === 'plate-recognition' ? page.locator('.heat').first() : null;
          if (target) await target.scrollIntoViewIfNeeded();
          const path = join(out, `${SWITCH.lang}-${size}-${sample}${part.replace('/', '-') || '-questions'}.png`);
          await page.screenshot({ path });
          shots.push(path);
        }
      }
      assert.equal(shots.length, 4);
      assert.equal(await page.evaluate(() => document.documentElement.dir), SWITCH.dir);
      await guards.assertClean(`${size} screenshots`);
      await context.close();
    }
  });

  for (const { lang, name, dir } of LANGUAGES) {
    test(`in ${name} every view reads in it: no key, no English, axe clean, no sideways scroll at 320 px`, async () => {
      const { context, page, guards, ui } = await app.visit({ locale: lang, viewport: { width: 320, height: 740 } });
      const english = englishLeft(lang);
      const views = ['/', '/assessments', '/guidance', '/guidance/methods', '/guidance/principles/P1',
        '/guidance/stages/deploy', '/guidance/glossary', '/about'];
      const seen = {};
      const look = async (route) => {
        await settled(page, lang);
        seen[route] = await problemsOf(page, lang, english);
        const axe = await axeViolations(page);
        seen[route].axe = axe.map((v) => `${v.id}: ${v.nodes.length}`);
      };
      for (const route of views) {
        await ui.open(route);
        await look(route);
      }
      // A copy of each kind of sample, with its parts.
      for (const sample of ['readiness-agency', 'plate-recognition', 'workbook-face-search']) {
        await ui.open('/assessments');
        await settled(page, lang);
        await page.locator(`.sample-list [data-act="sample.${sample}"]`).click();
        await page.waitForFunction(() => /^#\/assessments\/[^/]+$/.test(location.hash));
        const at = await page.evaluate(() => location.hash.slice(1));
        await look(at);
        for (const part of ['results', 'report']) {
          await ui.open(`${at}/${part}`);
          await look(`${sample} ${part}`);
        }
      }
      const wrong = Object.entries(seen).filter(([, p]) => p.raw.length || p.left.length || p.wide > 0 || p.axe.length
        || p.doc[0] !== lang || p.doc[1] !== dir);
      assert.deepEqual(Object.fromEntries(wrong), {}, `views with problems in ${name}`);
      await guards.assertClean(`every view in ${name}`);
      await context.close();
    });
  }
});
