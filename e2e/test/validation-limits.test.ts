import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../src/api';
import { signInAs } from '../src/casework';
import { launchChromium } from '../src/browser';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';
import { signedInDemoStaff } from '../src/staff';

const admin = { email: 'limits-admin@example.org', password: 'a-long-e2e-password' };
const worker = { email: 'limits-worker@example.org', password: 'a quiet caseworker passphrase' };

/** A field's error says the limit it broke, in English and Arabic: "At most 200 characters", "Born 1880 or later". */
describe('validation messages say the limit', () => {
  let install: DemoInstall;
  let browser: Browser;

  beforeAll(async () => {
    install = await startDemoInstall(admin, 5);
    const adminApi = await apiAs(install.server.url, admin.email, admin.password);
    await signedInDemoStaff(install.server.url, adminApi, { ...worker, displayName: 'Case worker', role: 'caseworker', scope: 'agency' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  it('registration: a 201-character name and a birth year of 1850, in English then Arabic; nothing registered', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
    await signInAs(page, install.server.url, worker, 'en');
    await page.getByTestId('nav-register').click();
    await page.getByTestId('mode-person').click();
    await page.getByTestId('member-0-givenName').fill('A'.repeat(201));
    await page.getByTestId('member-0-familyName').fill('Limit');
    await page.getByTestId('member-0-sex').selectOption('female');
    await page.getByTestId('member-0-birthYear').fill('1850');
    await page.getByTestId('submit-registration').click();
    const nameError = page.locator('#member-0-givenName-error [data-code="too_big"]');
    const yearError = page.locator('#member-0-birthYear-error [data-code="too_small"]');
    await expect.poll(() => nameError.innerText()).toBe('At most 200 characters.');
    await expect.poll(() => yearError.innerText()).toBe('Born 1880 or later.');
    await page.screenshot({ path: join(SCREENSHOTS, 'validation-limits-en.png'), fullPage: true });

    await page.getByTestId('lang-ar').click();
    await expect.poll(() => nameError.innerText()).toBe('200 حرف على الأكثر.');
    await expect.poll(() => yearError.innerText()).toBe('سنة الميلاد 1880 أو بعدها.');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.screenshot({ path: join(SCREENSHOTS, 'validation-limits-ar.png'), fullPage: true });
    expect(await page.url()).toContain('/register');
    await page.close();
  });
});
