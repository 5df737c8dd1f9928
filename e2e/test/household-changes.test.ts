import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../src/api';
import { signInAs } from '../src/casework';
import { launchChromium } from '../src/browser';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';
import { signedInDemoStaff } from '../src/staff';

const admin = { email: 'household-admin@example.org', password: 'a-long-e2e-password' };
const worker = { email: 'household-worker@example.org', password: 'a quiet caseworker passphrase' };

interface Household {
  id: string;
  members: { id: string; givenName: string }[];
}

/**
 * A caseworker changes a household in the browser as families change: someone registered
 * alone joins, the head changes, a member leaves to head a household of their own; the
 * household's history then says so in words, in English and in Arabic.
 */
describe('changing a household in the browser', () => {
  let install: DemoInstall;
  let browser: Browser;
  let household: Household;
  let samirId: string;

  beforeAll(async () => {
    install = await startDemoInstall(admin, 20);
    const adminApi = await apiAs(install.server.url, admin.email, admin.password);
    const api = await signedInDemoStaff(install.server.url, adminApi, { ...worker, displayName: 'Leila Caseworker', role: 'caseworker', scope: 'agency' });
    const created = await api('POST', '/households', {
      members: [
        { givenName: 'Huda', familyName: 'Haddad', sex: 'female', birthYear: 1985, relationshipToHead: 'head' },
        { givenName: 'Omar', familyName: 'Haddad', sex: 'male', birthYear: 1983, relationshipToHead: 'spouse' },
        { givenName: 'Rami', familyName: 'Haddad', sex: 'male', birthYear: 2014, relationshipToHead: 'child' },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    household = created.body as Household;
    const samir = await api('POST', '/persons', { givenName: 'Samir', familyName: 'Haddad', sex: 'male', birthYear: 1990 });
    expect(samir.status).toBe(201);
    samirId = (samir.body as { id: string }).id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  it('adds a member, changes the head, splits a member off, then reads the history in Arabic', async () => {
    const [huda, omar] = household.members;
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB', timezoneId: 'Asia/Beirut' });
    await signInAs(page, install.server.url, worker, 'en');
    await page.goto(`${install.server.url}/people/${huda!.id}`);
    await page.getByTestId('household-change').waitFor();
    // Names and numbers are isolated for the bidirectional algorithm; the words are read without the marks.
    const history = async () => (await page.getByTestId('household-history').innerText()).replace(/[\u2066-\u2069]/g, '');

    // Samir, registered alone, joins as the head's brother.
    await page.getByTestId('household-add-search').fill('Samir');
    await expect.poll(() => page.getByTestId('household-add-person').locator('option').count()).toBeGreaterThan(1);
    await page.getByTestId('household-add-person').selectOption(samirId);
    await page.getByTestId('household-add-relationship').selectOption('sibling');
    await page.getByTestId('household-add-submit').click();
    await expect.poll(history).toContain('Samir Haddad joined the household.');

    // Omar becomes the head.
    await page.getByTestId('household-action-head').check();
    await page.getByTestId('household-member').selectOption(omar!.id);
    await page.getByTestId('household-change-submit').click();
    await expect.poll(history).toContain('Omar Haddad became head of household.');

    // Samir leaves to head a household of his own.
    await page.getByTestId('household-action-split').check();
    await page.getByTestId('household-member').selectOption(samirId);
    await page.getByTestId('household-change-submit').click();
    await expect.poll(history).toMatch(/Samir Haddad left to form household \S+-H-\d{4}-\d+\./);
    await page.screenshot({ path: join(SCREENSHOTS, 'household-changes.png'), fullPage: true });

    // The same history in Arabic, right to left.
    await page.getByTestId('lang-ar').click();
    await expect.poll(history).toContain('انضمّ Samir Haddad إلى الأسرة.');
    const arabic = await history();
    expect(arabic).toContain('أصبح Omar Haddad ربّ الأسرة.');
    expect(arabic).toMatch(/غادر Samir Haddad ليكوّن الأسرة \S+-H-\d{4}-\d+\./);
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.screenshot({ path: join(SCREENSHOTS, 'household-changes-ar.png'), fullPage: true });
    await page.close();
  });

  it('an administrator adds a site; an unknown admin area is refused at its field', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
    await page.goto(install.server.url);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('email').fill(admin.email);
    await page.getByTestId('password').fill(admin.password);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('admin-sites').waitFor();
    await page.getByTestId('site-add').click();
    await page.getByTestId('site-new-code').fill('NEW-01');
    await page.getByTestId('site-new-name').fill('Bar Elias informal settlement');
    await page.getByTestId('site-new-setting').selectOption('informal_settlement');
    await page.getByTestId('site-new-area').fill('NO-SUCH-AREA');
    await page.getByTestId('site-new-save').click();
    await expect.poll(() => page.locator('#site-new-area-error').innerText()).toContain('not one of the operation');
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-sites-unknown-area.png'), fullPage: true });
    await page.getByTestId('site-new-area').fill('');
    await page.getByTestId('site-new-latitude').fill('33.77');
    await page.getByTestId('site-new-longitude').fill('35.90');
    await page.getByTestId('site-new-save').click();
    await expect.poll(() => page.getByTestId('site-NEW-01').innerText()).toContain('Bar Elias informal settlement');
    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.getByTestId('admin-sites').innerText()).toContain('تجمّع غير رسمي');
    await page.screenshot({ path: join(SCREENSHOTS, 'admin-sites-ar.png'), fullPage: true });
    await page.close();
  });
});
