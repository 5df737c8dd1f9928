import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../src/api';
import { signInAs } from '../src/casework';
import { launchChromium } from '../src/browser';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';
import { demoAgencyId, signedInDemoStaff, type Api } from '../src/staff';

const admin = { email: 'referral-admin@example.org', password: 'a-long-e2e-password' };
const worker = { email: 'referrer@example.org', password: 'a quiet caseworker passphrase' };
const PARTNER = 'Counter-trafficking partner (synthetic)';

/**
 * A referral from a trafficking assessment says "with the person's consent" only when
 * referral consent to that agency is in force. Missing, the form says so and records the
 * person's decision on the spot; a consent withdrawn behind the form's back is refused by
 * the server, and the form says so.
 */
describe('a referral made with the person’s consent, in English and Arabic', () => {
  let install: DemoInstall;
  let browser: Browser;
  let api: Api;
  let partner: string;

  /** A person with a case and a presumed-victim assessment, through the API as the web does. */
  async function presumedVictim(givenName: string): Promise<{ personId: string; caseId: string }> {
    const created = await api('POST', '/persons', { givenName, familyName: 'Referred', sex: 'female', birthYear: 1995 });
    expect(created.status).toBe(201);
    const personId = (created.body as { id: string }).id;
    expect((await api('POST', `/persons/${personId}/consents`, { purpose: 'case_management', decision: 'given', method: 'written', givenBy: 'self' })).status).toBe(201);
    const opened = await api('POST', '/cases', { personId });
    expect(opened.status).toBe(201);
    const caseId = (opened.body as { id: string }).id;
    const assessed = await api('POST', `/cases/${caseId}/trafficking-assessments`, { acts: ['recruitment'], means: ['deception'], purposes: ['forced_labour_or_services'] });
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(201);
    expect((assessed.body as { outcome: string }).outcome).toBe('presumed_victim');
    return { personId, caseId };
  }

  beforeAll(async () => {
    install = await startDemoInstall(admin, 20);
    const adminApi = await apiAs(install.server.url, admin.email, admin.password);
    api = await signedInDemoStaff(install.server.url, adminApi, { ...worker, displayName: 'Case worker', role: 'caseworker', scope: 'agency' });
    partner = await demoAgencyId(adminApi, 'counter-trafficking');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  async function openCase(page: Page, lang: 'en' | 'ar', caseId: string) {
    await signInAs(page, install.server.url, worker, lang);
    await page.goto(`${install.server.url}/cases/${caseId}`);
    await page.getByTestId('referral-offer').waitFor();
  }

  const referralTasks = async (caseId: string) =>
    ((await api('GET', `/cases/${caseId}`)).body as { tasks: { kind: string; title: string }[] }).tasks.filter((task) => task.kind === 'referral' && task.title.includes(PARTNER));

  it('in English: consent missing, recorded on the spot, then the referral says so; a withdrawal meanwhile is refused', async () => {
    const { personId, caseId } = await presumedVictim('Hiwet');
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
    await openCase(page, 'en', caseId);
    // The title names the page, never the person.
    await expect.poll(() => page.title()).toBe('Protection case · Waymark');
    await page.getByTestId('referral-agency').selectOption({ label: PARTNER });
    const missing = page.getByTestId('referral-consent-missing');
    await expect.poll(() => missing.innerText()).toContain(`consent to a referral to ${PARTNER} is missing (Not recorded)`);
    expect(await page.getByTestId('referral-submit').isDisabled()).toBe(true);
    // Only the decision is asked: the purpose and the agency are the referral's.
    const form = page.getByTestId('referral-consent-form');
    expect(await form.getByTestId('consent-purpose').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'referral-consent-missing-en.png'), fullPage: true });
    await form.getByTestId('consent-decision').selectOption('given');
    await form.getByTestId('consent-submit').click();
    await expect.poll(() => page.getByTestId('referral-consent-given').innerText()).toBe(`With the person’s consent: their consent to a referral to ${PARTNER} is in force.`);
    expect(await page.getByTestId('referral-consent-form').count()).toBe(0);

    // The consent is withdrawn elsewhere (the person calls the office) before the worker clicks.
    expect((await api('POST', `/persons/${personId}/consents`, { purpose: 'referral', recipientAgencyId: partner, decision: 'withdrawn', method: 'oral', givenBy: 'self' })).status).toBe(201);
    await page.getByTestId('referral-submit').click();
    await expect.poll(() => page.getByTestId('referral-offer').locator('.problem[data-code="consent_required"]').count()).toBe(1);
    await expect.poll(() => page.getByTestId('referral-consent-missing').getAttribute('data-status')).toBe('withdrawn');
    expect(await referralTasks(caseId)).toEqual([]);

    // Asked again, the person agrees: now the referral is added, saying so.
    await page.getByTestId('referral-consent-form').getByTestId('consent-decision').selectOption('given');
    await page.getByTestId('referral-consent-form').getByTestId('consent-submit').click();
    await page.getByTestId('referral-consent-given').waitFor();
    await page.getByTestId('referral-due').fill('2027-02-01');
    await page.getByTestId('referral-submit').click();
    await expect.poll(() => page.getByTestId('referral-created').innerText()).toContain(`Referral to ${PARTNER} for anti-trafficking assistance (with the person’s consent)`);
    await page.screenshot({ path: join(SCREENSHOTS, 'referral-consent-given-en.png'), fullPage: true });
    expect(await referralTasks(caseId)).toEqual([expect.objectContaining({ title: expect.stringContaining('with the person’s consent') })]);

    // The person's page names the agency of each referral consent, and picks one by name (no ids to type).
    await page.goto(`${install.server.url}/people/${personId}`);
    const line = page.getByTestId('consent-panel').getByTestId('consent-referral').filter({ hasText: PARTNER });
    await expect.poll(() => line.innerText()).toContain(`(${PARTNER})`);
    expect(await line.innerText()).toContain('Given');
    await page.getByTestId('consent-panel').getByTestId('consent-purpose').selectOption('referral');
    await expect.poll(() => page.getByTestId('consent-agency').locator('option').allInnerTexts()).toContain(PARTNER);
    await page.close();
  });

  it('in Arabic: a recorded refusal keeps the referral closed; the person’s later agreement opens it', async () => {
    const { caseId } = await presumedVictim('Rahwa');
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'ar' });
    await openCase(page, 'ar', caseId);
    await expect.poll(() => page.title()).toBe('حالة حماية · وايمارك');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.getByTestId('referral-agency').selectOption({ label: PARTNER });
    const form = page.getByTestId('referral-consent-form');
    await expect.poll(() => form.locator('h4').innerText()).toBe(`سجّل قرار الشخص بشأن الإحالة إلى ${PARTNER}`);
    await form.getByTestId('consent-decision').selectOption('refused');
    await form.getByTestId('consent-submit').click();
    await expect.poll(() => page.getByTestId('referral-consent-missing').getAttribute('data-status')).toBe('refused');
    expect(await page.getByTestId('referral-consent-missing').innerText()).toContain(`موافقة الشخص على الإحالة إلى ${PARTNER} غير متوفرة`);
    expect(await page.getByTestId('referral-submit').isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'referral-consent-refused-ar.png'), fullPage: true });
    expect(await referralTasks(caseId)).toEqual([]);

    await form.getByTestId('consent-decision').selectOption('given');
    await form.getByTestId('consent-submit').click();
    await expect.poll(() => page.getByTestId('referral-consent-given').innerText()).toBe(`بموافقة الشخص: موافقته على الإحالة إلى ${PARTNER} سارية.`);
    await page.getByTestId('referral-submit').click();
    await expect.poll(() => page.getByTestId('referral-created').innerText()).toContain('(بموافقة الشخص)');
    await page.screenshot({ path: join(SCREENSHOTS, 'referral-consent-given-ar.png'), fullPage: true });
    expect(await referralTasks(caseId)).toEqual([expect.objectContaining({ title: `إحالة إلى ${PARTNER} للمساعدة في مكافحة الاتجار بالبشر (بموافقة الشخص)` })]);
    await page.close();
  });
});
