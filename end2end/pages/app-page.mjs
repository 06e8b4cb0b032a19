// Page object for the app shell: how a user reaches views and what they read there.
export class AppPage {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  /** Opens the app at a route such as '/about' (a deep link) and waits until it is interactive. */
  async open(route = '/') {
    await this.page.goto(`${this.baseUrl}#${route}`);
    await this.ready();
  }

  async ready() {
    await this.page.waitForSelector('html[data-ready="true"] main h1');
  }

  heading() {
    return this.page.locator('main h1');
  }

  async headingText() {
    return (await this.heading().textContent()).trim();
  }

  navLink(name) {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  }

  /** Follows a main-navigation link the way a mouse user does. */
  async clickNav(name) {
    await this.navLink(name).click();
  }

  async currentNavLabel() {
    return (await this.page.locator('nav.main-nav a[aria-current]').textContent()).trim();
  }

  mainText() {
    return this.page.locator('main').innerText();
  }
}
