import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServeProcess } from '../../packages/server/test/serve-process';
import { launchChromium } from '../src/browser';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';

const admin = { email: 'caseworker@example.org', password: 'a-long-e2e-password' };
const PASSPORT = 'N0123456';

/**
 * Identity documents (issue 13 §2): registered in English with a number, an issuer and an
 * expiry (a bad expiry refused at its row first), then read back and edited on the person
 * page in Arabic, where the number stays left to right.
 */
describe('identity documents, registered in English and read in Arabic', () => {
  let install: DemoInstall;
  let server: ServeProcess;
  let browser: Browser;
  let personUrl = '';

  beforeAll(async () => {
    install = await startDemoInstall(admin, 20);
    server = install.server;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  async function signIn(page: Page, lang: 'en' | 'ar') {
    await page.goto(server.url);
    await page.getByTestId('email').fill(admin.email);
    await page.getByTestId('password').fill(admin.password);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('nav-people').waitFor();
    await page.getByTestId('mfa-relaxed').waitFor();
    await page.getByTestId(`lang-${lang}`).click();
  }

  it('in English: registers a person with a passport; an impossible expiry is refused at its row', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await signIn(page, 'en');
    await page.getByTestId('nav-register').click();
    await page.getByTestId('mode-person').click();
    await page.getByTestId('member-0-givenName').fill('Hiba');
    await page.getByTestId('member-0-familyName').fill('Darwish');
    await page.getByTestId('member-0-sex').selectOption('female');
    await page.getByTestId('member-0-birthYear').fill('1991');
    await page.getByTestId('site').selectOption({ index: 1 });

    await page.getByTestId('member-0-add-document').click();
    await page.getByTestId('member-0-document-0-type').selectOption('passport');
    await page.getByTestId('member-0-document-0-number').fill(PASSPORT);
    await page.getByTestId('member-0-document-0-issuer').fill('SYR');
    await page.getByTestId('member-0-document-0-expiryDate').fill('2030-05-31');
    await page.getByTestId('member-0-add-document').click();
    await page.getByTestId('member-0-document-1-type').selectOption('refugee_certificate');
    await page.getByTestId('member-0-document-1-number').fill('LBN-26-C00451');
    await page.getByTestId('member-0-document-1-issuer').fill('UNHCR Lebanon');
    await page.getByTestId('member-0-document-1-expiryDate').fill('1901-01-01');
    await page.getByTestId('submit-registration').click();
    const refused = page.getByTestId('member-0-document-1-row').locator('[data-code="document_expiry_out_of_range"]');
    await refused.waitFor();
    await expect.poll(() => refused.innerText()).toContain('1950');
    await page.screenshot({ path: join(SCREENSHOTS, 'en-register-documents-refused.png'), fullPage: true });

    await page.getByTestId('member-0-document-1-expiryDate').fill('2027-12-31');
    await page.screenshot({ path: join(SCREENSHOTS, 'en-register-documents.png'), fullPage: true });
    await page.getByTestId('submit-registration').click();
    await page.getByTestId('identity-documents').waitFor();
    await expect.poll(() => page.getByTestId('identity-document-number').allInnerTexts()).toEqual([PASSPORT, 'LBN-26-C00451']);
    await expect.poll(() => page.getByTestId('identity-documents').innerText()).toContain('Passport');
    personUrl = page.url();
    await page.screenshot({ path: join(SCREENSHOTS, 'en-person-documents.png'), fullPage: true });
    await page.close();
  });

  it('in Arabic: reads the documents back right to left with the numbers left to right, and edits them', async () => {
    expect(personUrl).not.toBe('');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
    await signIn(page, 'ar');
    await expect.poll(() => page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    await page.goto(personUrl);
    await page.getByTestId('identity-documents').waitFor();
    await expect.poll(() => page.getByTestId('identity-document-number').allInnerTexts()).toEqual([PASSPORT, 'LBN-26-C00451']);
    await expect.poll(() => page.getByTestId('identity-documents').innerText()).toContain('جواز');
    // The number is isolated left to right inside the Arabic line: its first character is leftmost.
    const number = page.getByTestId('identity-document-number').first();
    expect(await number.evaluate((element) => getComputedStyle(element).direction)).toBe('ltr');
    await page.screenshot({ path: join(SCREENSHOTS, 'ar-person-documents.png'), fullPage: true });

    await page.getByTestId('edit-person').click();
    await expect.poll(() => page.getByTestId('member-0-document-0-number').inputValue()).toBe(PASSPORT);
    await page.getByTestId('member-0-document-1-remove').click();
    await page.getByTestId('member-0-add-document').click();
    await page.getByTestId('member-0-document-1-type').selectOption('national_id');
    await page.getByTestId('member-0-document-1-number').fill('01-234567');
    await page.getByTestId('member-0-document-1-issuer').fill('الجمهورية العربية السورية');
    await page.screenshot({ path: join(SCREENSHOTS, 'ar-edit-documents.png'), fullPage: true });
    await page.getByTestId('save-person').click();
    await page.getByTestId('edit-person').waitFor();
    await expect.poll(() => page.getByTestId('identity-document-number').allInnerTexts()).toEqual([PASSPORT, '01-234567']);
    await expect.poll(() => page.getByTestId('identity-documents').innerText()).toContain('الجمهورية العربية السورية');
    await page.screenshot({ path: join(SCREENSHOTS, 'ar-person-documents-edited.png'), fullPage: true });
    await page.close();
  });
});
