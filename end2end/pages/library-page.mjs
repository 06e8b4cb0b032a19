// Page object for the assessment library and the assessment editor.
export class LibraryPage {
  constructor(page) {
    this.page = page;
  }

  /** Unfolds the "New assessment" panel if it is folded (it is once the library has assessments). */
  async openNewPanel() {
    const panel = this.page.locator('details.new-panel');
    if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').click();
  }

  async create({ title, subject = '', kind = 'Organizational readiness', name = '', role = '' }) {
    await this.openNewPanel();
    await this.page.getByLabel(kind, { exact: true }).check();
    await this.page.getByLabel('Title', { exact: true }).fill(title);
    if (subject) await this.page.getByLabel('Agency, unit or AI system it is about').fill(subject);
    if (name) await this.page.getByLabel('Your name').fill(name);
    if (role) await this.page.getByLabel('Your role').fill(role);
    await this.page.getByRole('button', { name: 'Create and open' }).click();
    await this.page.waitForFunction((t) => document.querySelector('main h1')?.textContent === t, title);
  }

  cards() {
    return this.page.locator('.library .assessment-card');
  }

  async cardTitles() {
    return (await this.page.locator('.library .assessment-card h3').allTextContents()).map((t) => t.trim());
  }

  card(title) {
    return this.cards().filter({ has: this.page.getByRole('heading', { name: title, exact: true }) });
  }

  /** The library's samples list. */
  samples() {
    return this.page.getByRole('region', { name: 'Samples: fictional worked examples' });
  }

  /** Opens a copy of the sample titled `title` (from the library page) and waits for its view. */
  async openSample(title) {
    await this.samples().getByRole('button', { name: `Open a copy of ${title}` }).click();
    await this.page.waitForFunction((t) => document.querySelector('main h1')?.textContent.includes(t), title);
  }

  /** Follows the open assessment's link to one of its parts ('Results', 'Report', …). */
  async openPart(name) {
    await this.page.getByRole('navigation', { name: 'Parts of this assessment' }).getByRole('link', { name }).click();
  }

  /** Opens the open readiness assessment's results and waits for the tools module to write them. */
  async openReadinessResults() {
    await this.openPart('Results');
    await this.page.locator('.r-dimensions tbody tr').first().waitFor();
  }

  notes() {
    return this.page.getByLabel('General notes');
  }

  saveStatus() {
    return this.page.locator('.save-status');
  }

  async waitSaved() {
    await this.page.waitForFunction(() => /All changes saved at/.test(document.querySelector('.save-status')?.textContent ?? ''));
  }

  /** The id in the address of the open assessment. */
  currentId() {
    return decodeURIComponent(new URL(this.page.url()).hash.replace('#/assessments/', ''));
  }
}
