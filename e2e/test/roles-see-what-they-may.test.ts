import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServeProcess } from '../../packages/server/test/serve-process';
import { launchChromium } from '../src/browser';
import { apiAs } from '../src/api';
import { createDemoStaff } from '../src/staff';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';

const admin = { email: 'admin@example.org', password: 'a-long-e2e-password' };
const NEW_PASSWORD = 'quiet river under the old bridge';

// Stored XSS attempts: saved as typed, shown as text, never run.
const XSS_GIVEN = '<img src=x onerror="window.__xss=1">';
const XSS_FAMILY = '"><script>window.__xss=2</script>';

/**
 * Each role sees only what it may do, in the browser: a caseworker works with people and
 * never sees administration or the audit trail; an analyst sees aggregates and never a
 * person, even by typing a person's address. Text that looks like HTML stays text.
 */
describe('each role sees only what it may, in the browser', () => {
  let install: DemoInstall;
  let server: ServeProcess;
  let browser: Browser;
  const users = { caseworker: { email: 'worker@example.org', password: '' }, analyst: { email: 'analyst@example.org', password: '' } };

  beforeAll(async () => {
    install = await startDemoInstall(admin, 400);
    server = install.server;

    // The administrator creates both accounts in the demo operation's UNHCR office.
    const api = await apiAs(server.url, admin.email, admin.password);
    for (const [role, scope] of [['caseworker', 'agency'], ['analyst', 'operation']] as const) {
      const displayName = role === 'caseworker' ? 'Field caseworker' : 'Information analyst';
      users[role].password = await createDemoStaff(api, { email: users[role].email, displayName, role, scope });
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  /** First sign-in with the one-time password, which must be changed before anything else. */
  async function firstSignIn(page: Page, user: { email: string; password: string }) {
    await page.goto(server.url);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('email').fill(user.email);
    await page.getByTestId('password').fill(user.password);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('current-password').fill(user.password);
    await page.getByTestId('new-password').fill(NEW_PASSWORD);
    await page.getByTestId('repeat-password').fill(NEW_PASSWORD);
    await page.getByTestId('change-password').click();
    await page.getByTestId('sign-out').waitFor();
  }

  const navItems = (page: Page) => page.locator('nav [data-testid^="nav-"]').evaluateAll((links) => links.map((link) => link.getAttribute('data-testid')));

  it('a caseworker works with people, sees no administration, and stored HTML stays inert text', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await firstSignIn(page, users.caseworker);
    await expect.poll(() => navItems(page)).toEqual(['nav-people', 'nav-register', 'nav-my-work', 'nav-programmes', 'nav-labour']);
    await expect.poll(() => page.getByTestId('person-row').count()).toBeGreaterThan(0);

    await page.getByTestId('nav-register').click();
    await page.getByTestId('mode-person').click();
    await page.getByTestId('member-0-givenName').fill(XSS_GIVEN);
    await page.getByTestId('member-0-familyName').fill(XSS_FAMILY);
    await page.getByTestId('member-0-sex').selectOption('female');
    await page.getByTestId('member-0-birthYear').fill('1991');
    await page.getByTestId('site').selectOption({ index: 1 });
    await page.getByTestId('submit-registration').click();
    await expect.poll(() => page.getByTestId('risk-level').getAttribute('data-level')).toBe('none');
    const personUrl = page.url();
    // Shown exactly as typed, as text: no element was created from it, nothing ran.
    await expect.poll(() => page.locator('main').innerText()).toContain(XSS_GIVEN);
    expect(await page.locator('main img[src="x"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    // A highly sensitive note, typed with markup, read back by its author (the assigned worker).
    await page.getByTestId('notes-open').click();
    await page.getByTestId('note-topic').selectOption('trafficking');
    await page.getByTestId('note-body').fill(`Recruited by a broker. ${XSS_FAMILY}`);
    await page.getByTestId('note-submit').click();
    await expect.poll(() => page.getByTestId('note').first().innerText()).toContain(XSS_FAMILY);
    expect(await page.getByTestId('note').first().getAttribute('data-restricted')).toBe('false');
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await page.screenshot({ path: join(SCREENSHOTS, 'roles-caseworker-person.png'), fullPage: true });
    await page.getByTestId('nav-people').click();
    await expect.poll(() => page.locator('main').innerText()).toContain(XSS_FAMILY);
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'roles-caseworker.png'), fullPage: true });

    // Typing the address of a screen the role lacks shows a refusal, not the screen.
    await page.goto(`${server.url}/admin`);
    await expect.poll(() => page.locator('main h1').innerText()).toMatch(/not allowed/i);
    await page.goto(`${server.url}/audit`);
    await expect.poll(() => page.locator('main h1').innerText()).toMatch(/not allowed/i);
    await page.close();
    users.caseworker.password = NEW_PASSWORD;
    (globalThis as { personUrl?: string }).personUrl = personUrl;
  });

  it('an analyst sees aggregates with small cells suppressed, and never a person, even by address', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await firstSignIn(page, users.analyst);
    // Aggregates only: programmes and labour conditions as counts, the risk map, the report.
    await expect.poll(() => navItems(page)).toEqual(['nav-programmes', 'nav-labour', 'nav-map', 'nav-reports']);
    // Home for an analyst is the aggregate report.
    await expect.poll(() => page.getByTestId('risk-area-row').count()).toBeGreaterThan(0);
    const table = await page.getByTestId('risk-by-area').innerText();
    expect(table).toMatch(/hidden/);
    await page.screenshot({ path: join(SCREENSHOTS, 'roles-analyst.png'), fullPage: true });

    const personUrl = (globalThis as { personUrl?: string }).personUrl!;
    await page.goto(personUrl);
    await expect.poll(() => page.locator('main h1').innerText()).toMatch(/not allowed/i);
    expect(await page.locator('main').innerText()).not.toContain(XSS_GIVEN);
    await page.goto(`${server.url}/register`);
    await expect.poll(() => page.locator('main h1').innerText()).toMatch(/not allowed/i);
    // And the API agrees with the screen: no person by any route.
    const api = await apiAs(server.url, users.analyst.email, NEW_PASSWORD);
    expect((await api('GET', '/persons')).status).toBe(403);
    expect((await api('GET', `/persons/${personUrl.split('/').at(-1)}`)).status).toBe(403);
    await page.close();
  });
});
