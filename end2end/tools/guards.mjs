// Watches a page for what must never happen on any view: console errors, uncaught exceptions,
// Content-Security-Policy violations, and requests to any origin but the serving one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The guards on a Playwright page (the Chromium suite). */
export function guard(page, origin) {
  // Installed through the DevTools protocol, so the CSP under test does not block the listener itself.
  return watch(page, origin, (script) => page.addInitScript(script));
}

/**
 * The guards on any page object with Playwright's event names and shapes, which Puppeteer's share
 * (console, pageerror, request, requestfailed, response): `addInitScript(fn)` runs `fn` in every
 * document before the app, through the driver's protocol. The returned `installed` settles when that
 * script is in place; await it before the first navigation where the driver does not queue commands.
 */
export function watch(page, origin, addInitScript) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin + '/') && !url.startsWith('data:') && !url.startsWith('blob:')) {
      problems.push(`request outside the serving origin: ${url}`);
    }
  });
  // A reload cancels what is still in flight (the tools module fetched in the background, say): the
  // browser reports it as aborted, and no user sees it. So an aborted request is a problem unless the
  // page navigated after it began; a download (blob:) ends as aborted too.
  let navigations = 0;
  const begun = new Map();
  const aborted = [];
  page.on('request', (req) => {
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) navigations += 1;
    begun.set(req, navigations);
  });
  page.on('requestfailed', (req) => {
    const why = req.failure()?.errorText ?? '';
    const url = req.url();
    if (!/ERR_ABORTED|NS_BINDING_ABORTED/.test(why)) problems.push(`request failed: ${url} (${why})`);
    else if (!url.startsWith('blob:')) aborted.push({ url, why, at: begun.get(req) ?? navigations });
  });
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()} for ${res.url()}`);
  });
  const installed = addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`));
  });
  return {
    problems,
    installed,
    /** Fails if anything went wrong so far, including CSP violations recorded in the page. */
    async assertClean(context = '') {
      const csp = await page.evaluate(() => window.__csp ?? []);
      const cut = aborted.filter((a) => a.at >= navigations).map((a) => `request aborted with no reload: ${a.url} (${a.why})`);
      const all = [...problems, ...cut, ...csp.map((v) => `CSP violation: ${v}`)];
      if (all.length) throw new Error(`${context}: ${all.length} problem(s):\n  ${all.join('\n  ')}`);
    },
  };
}

/** Runs axe-core (WCAG 2.0-2.2 A and AA rules) on the page; returns the violations. */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(AXE_SOURCE);
  // Parts off screen skip rendering (`content-visibility: auto`) and have no size until scrolled to,
  // which axe would read as targets too small: it checks every part as it is once drawn.
  const result = await page.evaluate(async () => {
    const skipped = [...document.querySelectorAll('*')].filter((e) => getComputedStyle(e).contentVisibility === 'auto');
    for (const e of skipped) e.style.contentVisibility = 'visible';
    try {
      return await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      });
    } finally {
      for (const e of skipped) e.style.contentVisibility = '';
    }
  });
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
