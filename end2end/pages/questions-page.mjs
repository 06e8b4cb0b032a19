// Page object for answering a questionnaire by keyboard, and for the results and report views.
export class QuestionsPage {
  constructor(page) {
    this.page = page;
  }

  /** Waits until every question is in the page: the questionnaire draws the first screen with the
   * view and the rest a slice per task after it, busy meanwhile. */
  async drawn() {
    await this.page.waitForSelector('.q-sections:not([aria-busy])', { state: 'attached' });
  }

  /** Question numbers in order, grouped by section: [{ section: 'R1', items: ['R1.1', …] }, …]. */
  async structure() {
    await this.drawn();
    return this.page.$$eval('section.q-section', (sections) => sections.map((s) => ({
      section: s.querySelector('h2').id.replace(/^s-/, ''),
      items: [...s.querySelectorAll('fieldset.question')].map((f) => f.id.replace(/^q-/, '')),
    })));
  }

  /** The question whose control has focus, or null. */
  focusedQuestion() {
    return this.page.evaluate(() => document.activeElement?.closest('fieldset.question')?.id.replace(/^q-/, '') ?? null);
  }

  focusedIsRadio() {
    return this.page.evaluate(() => document.activeElement?.type === 'radio');
  }

  /** Presses Tab until `done()` holds, at most `max` times. */
  async tabUntil(done, max = 40) {
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press('Tab');
      if (await done()) return;
    }
    throw new Error('Tab never reached the expected control');
  }

  /** Tabs into the radio group of `id` (from anywhere before it). */
  async tabToChoices(id) {
    await this.tabUntil(async () => (await this.focusedIsRadio()) && (await this.focusedQuestion()) === id);
  }

  /**
   * Answers the focused radio group by keyboard: choice index 0-4 for levels, 5 "Don't know",
   * 6 "Not applicable". Space picks the focused (first) choice, arrows move the choice.
   */
  async chooseByKeyboard(index) {
    await this.page.keyboard.press('Space');
    for (let k = 0; k < index; k++) await this.page.keyboard.press('ArrowDown');
  }

  async checkedIndex(id) {
    await this.drawn();
    return this.page.$$eval(`fieldset[id="q-${id}"] input[type=radio]`, (inputs) => inputs.findIndex((i) => i.checked));
  }

  progressText() {
    return this.page.locator('.q-overall').innerText();
  }

  /** The rows of the results table as { dimension, score, level, coverage }. */
  async resultRows() {
    // Results are written by the tools module, loaded on first use: wait for them.
    await this.page.waitForSelector('.r-dimensions tbody tr');
    return this.page.$$eval('.r-dimensions tbody tr', (rows) => rows.map((r) => {
      const [score, level, coverage] = [...r.querySelectorAll('td')].map((td) => td.textContent.trim());
      return { dimension: r.querySelector('th').textContent.trim(), score, level, coverage };
    }));
  }
}
