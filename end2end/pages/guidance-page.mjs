// Page object for the guidance explorer.
export class GuidancePage {
  constructor(page) {
    this.page = page;
  }

  searchBox() {
    return this.page.getByLabel('Search principles, stages, terms and questions');
  }

  async search(text) {
    await this.searchBox().fill(text);
  }

  status() {
    return this.page.locator('.search-status');
  }

  hits() {
    return this.page.locator('.hits li');
  }

  glossaryFilter() {
    return this.page.getByLabel('Filter terms');
  }

  visibleTerms() {
    return this.page.locator('.glossary .term:not([hidden]) dt');
  }
}
