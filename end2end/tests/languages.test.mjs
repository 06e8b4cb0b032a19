// End-to-end tests of the app in French, Spanish and Arabic: the language a page opens in, the
// language menu, and every view read in each language as a user of it would.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
      .matchAll(/^(?:text|name|label|title|summary|term|definition) = (".*")$/gm)]
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

  test('an answer typed just before switching language is kept', async () => {
    const { context, page, guards, ui, lib } = await app.visit({ locale: 'en-GB' });
    await ui.open('/assessments');
    await lib.create({ title: 'Kept across languages' });
    await lib.notes().fill('Typed in English, then switched.');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('button', { name: FIRST.name }).click();
    await page.waitForFunction((l) => document.documentElement.lang === l, FIRST.lang);
    await ui.ready();
    const notes = page.getByLabel(strings(FIRST.lang)['assessment.notes_label'], { exact: true });
    assert.equal(await notes.inputValue(), 'Typed in English, then switched.');
    await guards.assertClean('switch with an unsaved note');
    await context.close();
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
