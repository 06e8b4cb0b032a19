// End-to-end tests of the guidance explorer: principles, life cycle, application types, glossary, search.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startApp } from '../tools/fixture.mjs';
import { axeViolations } from '../tools/guards.mjs';

let app;
before(async () => { app = await startApp(); });
after(async () => { await app?.stop(); });


const waitHeading = (page, text) =>
  page.waitForFunction((h) => document.querySelector('main h1')?.textContent.trim() === h, text);

describe('the guidance explorer', () => {
  test('the overview shows the five core and seventeen instrumental principles, stages and types', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/guidance');
    // Everything below the search comes from the tools module: wait for it.
    await page.locator('.principle-card').first().waitFor();
    assert.equal(await page.locator('.principle-card h3').count(), 5);
    assert.equal(await page.locator('.principle-card li').count(), 17);
    assert.match(await page.locator('.principle-card').nth(2).innerText(), /P3 Human autonomy[\s\S]*P3\.3 Privacy/);
    const stages = page.locator('.lifecycle li');
    assert.equal(await stages.count(), 6);
    // Build and buy are alternative paths: design and procurement share step 2.
    assert.deepEqual(await stages.evaluateAll((lis) => lis.map((li) => li.value)), [1, 2, 2, 3, 4, 5]);
    assert.match(await stages.nth(2).innerText(), /Procurement · Alternative to: Design and development/);
    assert.match(await ui.mainText(), /Image analysis \(including facial recognition\)/);
    assert.match(await ui.mainText(), /They are not the toolkit's own text/);
    await guards.assertClean('guidance overview');
    await context.close();
  });

  test('a principle page explains it and lists every question that touches it, with links onward', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/guidance');
    await page.getByRole('link', { name: 'P3.3 Privacy' }).first().click();
    await waitHeading(page, 'P3.3 Privacy');
    assert.match(await page.getByRole('navigation', { name: 'Breadcrumb' }).innerText(), /Guidance[\s\S]*P3 Human autonomy[\s\S]*P3\.3 Privacy/);
    const text = await ui.mainText();
    assert.match(text, /In policing/);
    assert.match(text, /Red flags/);
    assert.match(text, /Risk assessment screening questions \(\d+\)/);
    assert.match(text, /S3\.3\.1/);
    assert.equal(await ui.currentNavLabel(), 'Guidance');
    assert.equal(await page.locator('nav.main-nav a[aria-current]').getAttribute('aria-current'), 'true',
      'a page inside Guidance marks the section, not the page');
    assert.equal(await page.title(), 'P3.3 Privacy · RAI Assess');
    assert.deepEqual(await axeViolations(page), [], 'axe on a principle page');
    // Tags link to other principles: follow the parent link.
    await page.locator('.part-of a').click();
    await waitHeading(page, 'P3 Human autonomy');
    assert.match(await ui.mainText(), /Including those of its instrumental principles/);
    await guards.assertClean('principle page');
    await context.close();
  });

  test('stage and application-type pages are reachable, clean and accessible', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/guidance');
    await page.getByRole('link', { name: 'Deployment', exact: true }).click();
    await waitHeading(page, 'Deployment');
    // What refers to the stage comes from the tools module: wait for it.
    await page.locator('.related-items h3').first().waitFor();
    assert.match(await ui.mainText(), /Workbook prompts \(\d+\)[\s\S]*W4\.1/);
    // The workbook's checklist and decision-log guidance for the stage are shown too.
    assert.match(await ui.mainText(), /Workbook checklist[\s\S]*W4\.C1/);
    assert.match(await ui.mainText(), /Decision log[\s\S]*Going on[\s\S]*Changing course[\s\S]*Stopping/);
    assert.deepEqual(await axeViolations(page), [], 'axe on a stage page');
    await ui.open('/guidance/types/image');
    assert.equal(await ui.headingText(), 'Image analysis (including facial recognition)');
    assert.match(await ui.mainText(), /1:N/);
    assert.deepEqual(await axeViolations(page), [], 'axe on a type page');
    await guards.assertClean('stage and type pages');
    await context.close();
  });

  test('search finds terms and questions, announces the count, and opens the glossary at the term', async () => {
    const { context, page, guards, ui, guidance } = await app.visit();
    await ui.open('/guidance');
    await guidance.search('false positive');
    await page.waitForFunction(() => /\d+ results?/.test(document.querySelector('.search-status').textContent));
    assert.equal(await guidance.status().getAttribute('role'), 'status', 'the count is announced');
    const count = Number((await guidance.status().textContent()).match(/\d+/)[0]);
    assert.equal(await guidance.hits().count(), count);
    await guidance.search('zzqx nothing matches this');
    await page.waitForFunction(() => document.querySelector('.search-status').textContent.startsWith('Nothing matches'));
    assert.equal(await guidance.hits().count(), 0);
    await guidance.search('false positive');
    await page.locator('.hits a', { hasText: 'False positive' }).first().click();
    await waitHeading(page, 'Glossary');
    assert.ok(page.url().endsWith('#/guidance/glossary/false-positive'));
    assert.match((await page.locator('.term.current dt').textContent()).trim(), /^False positive/);
    // The chosen term is in view and has focus, so Tab continues from it and a screen reader reads it.
    await page.waitForFunction(() => document.activeElement?.id === 'term-false-positive');
    assert.ok(await page.locator('#term-false-positive').isVisible());
    const box = await page.locator('#term-false-positive').boundingBox();
    assert.ok(box.y >= 0 && box.y < 800, `term at y=${box.y}, not in view`);
    assert.equal(await page.locator('#term-false-positive').getAttribute('aria-current'), 'true');
    assert.equal(await page.title(), 'Glossary · RAI Assess');
    assert.deepEqual(await axeViolations(page), [], 'axe on the glossary');
    await guards.assertClean('search');
    await context.close();
  });

  test('the glossary filter narrows the list and says how many terms are shown', async () => {
    const { context, page, guards, ui, guidance } = await app.visit();
    await ui.open('/guidance/glossary');
    await guidance.visibleTerms().first().waitFor(); // the terms are written by the tools module
    const total = await guidance.visibleTerms().count();
    assert.ok(total >= 30, `${total} terms`);
    await guidance.glossaryFilter().fill('drift');
    await page.waitForFunction((t) => document.querySelectorAll('.glossary .term:not([hidden])').length < t, total);
    const shown = await guidance.visibleTerms().allTextContents();
    assert.ok(shown.some((t) => /drift/i.test(t)), shown.join(', '));
    assert.match(await page.locator('.filter .search-status').textContent(), new RegExp(`${shown.length} of ${total} terms shown`));
    await guidance.glossaryFilter().fill('');
    await page.waitForFunction((t) => document.querySelectorAll('.glossary .term:not([hidden])').length === t, total);
    await guards.assertClean('glossary filter');
    await context.close();
  });

  test('an unknown principle id says so and offers the way back', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/guidance/principles/P9.9');
    assert.match(await ui.mainText(), /no guidance entry with the id "P9\.9"/);
    assert.equal(await page.title(), 'Page not found · RAI Assess');
    await page.getByRole('link', { name: 'Back to the guidance' }).click();
    await waitHeading(page, 'Guidance');
    await guards.assertClean('unknown principle');
    await context.close();
  });

  test('the methods page shows the scales, rubrics, next steps and risk matrix from the content', async () => {
    const { context, page, guards, ui } = await app.visit();
    await ui.open('/guidance');
    await page.getByRole('link', { name: 'Scales, rubrics and the risk matrix' }).click();
    await waitHeading(page, 'How the tools work');
    const text = await ui.mainText();
    assert.match(text, /Maturity scale[\s\S]*0 · Not started[\s\S]*4 · Embedded/);
    assert.match(text, /Score bands[\s\S]*Foundational \(0 to 37\.5\)[\s\S]*Developing \(37\.5 to 62\.5\)/);
    // A dimension unfolds to every question with what each level looks like, and next steps per band.
    await page.locator('details.dimension summary').first().click();
    const dimension = await page.locator('details.dimension').first().innerText();
    assert.match(dimension, /R1\.1 [\s\S]*Why it matters[\s\S]*0 · Not started[\s\S]*4 · Embedded[\s\S]*Next steps by band: Leading/);
    assert.match(text, /System profile[\s\S]*asked when application_type = image/);
    const matrix = page.getByRole('table', { name: /Inherent risk level/ });
    assert.equal(await matrix.locator('tbody tr').count(), 5);
    assert.equal(await matrix.locator('tbody tr').first().locator('td').count(), 5);
    assert.equal(await page.title(), 'How the tools work · RAI Assess');
    assert.deepEqual(await axeViolations(page), [], 'axe on the methods page');
    await guards.assertClean('methods');
    await context.close();
  });

  test('guidance pages fit a 320 px screen', async () => {
    const { context, page, guards, ui } = await app.visit({ viewport: { width: 320, height: 640 } });
    for (const route of ['/guidance', '/guidance/principles/P4.1', '/guidance/glossary', '/guidance/stages/procure', '/guidance/methods']) {
      await ui.open(route);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${route} overflows by ${overflow}px`);
    }
    await guards.assertClean('guidance phone');
    await context.close();
  });
});
