import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../src/api';
import { demoAgencyId, signedInDemoStaff } from '../src/staff';
import { launchChromium } from '../src/browser';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';

const admin = { email: 'printer-admin@example.org', password: 'a-long-e2e-password' };
const worker = { email: 'printer@example.org', password: 'a quiet caseworker passphrase' };

/**
 * The case page offers the case summary and, for a referral task, a referral form to each
 * agency the person consented to be referred to; both links download a PDF.
 */
describe('printing a case and a referral form, in the browser', () => {
  let install: DemoInstall;
  let browser: Browser;
  let caseId: string;

  beforeAll(async () => {
    install = await startDemoInstall(admin, 20);
    const adminApi = await apiAs(install.server.url, admin.email, admin.password);
    const api = await signedInDemoStaff(install.server.url, adminApi, { ...worker, displayName: 'Case worker', role: 'caseworker', scope: 'agency' });
    const created = await api('POST', '/persons', { givenName: 'Hana', familyName: 'Printed', sex: 'female', birthYear: 1996 });
    const personId = (created.body as { id: string }).id;
    expect((await api('POST', `/persons/${personId}/consents`, { purpose: 'case_management', decision: 'given', method: 'written', givenBy: 'self' })).status).toBe(201);
    const partner = await demoAgencyId(adminApi, 'counter-trafficking');
    expect((await api('POST', `/persons/${personId}/consents`, { purpose: 'referral', recipientAgencyId: partner, decision: 'given', method: 'written', givenBy: 'self' })).status).toBe(201);
    caseId = ((await api('POST', '/cases', { personId })).body as { id: string }).id;
    expect((await api('POST', `/cases/${caseId}/tasks`, { kind: 'referral', title: 'Referral to the counter-trafficking partner' })).status).toBe(201);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  it('links the case summary and the referral form, each a PDF download', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Asia/Beirut' });
    await page.goto(install.server.url);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('email').fill(worker.email);
    await page.getByTestId('password').fill(worker.password);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('nav-my-work').waitFor();
    await page.goto(`${install.server.url}/cases/${caseId}`);
    await page.getByTestId('case-documents').waitFor();
    await expect.poll(() => page.getByTestId('print-referral-form').innerText()).toContain('Referral to the counter-trafficking partner');
    await page.screenshot({ path: join(SCREENSHOTS, 'case-documents.png'), fullPage: true });

    for (const testId of ['print-case-summary', 'print-referral-form']) {
      const href = await page.getByTestId(testId).getAttribute('href');
      // The browser's own session: the same request a click downloads.
      const response = await page.request.get(install.server.url + href);
      expect(response.status(), testId).toBe(200);
      expect(response.headers()['content-type']).toContain('application/pdf');
      expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }

    // In Arabic the section reads right to left with its own words.
    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.getByTestId('case-documents').innerText()).toContain('ملخص الحالة');
    await page.screenshot({ path: join(SCREENSHOTS, 'case-documents-ar.png'), fullPage: true });
    // The documents come in the interface's language, on the browser's clock.
    const href = (await page.getByTestId('print-case-summary').getAttribute('href'))!;
    expect(href).toContain('lang=ar');
    expect(href).toContain(`tz=${encodeURIComponent('Asia/Beirut')}`);
    const arabic = await page.request.get(install.server.url + href);
    expect(arabic.status()).toBe(200);
    writeFileSync(join(SCREENSHOTS, 'case-summary-ar.pdf'), await arabic.body());
    await page.close();
  });
});
