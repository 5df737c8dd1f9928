import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../src/api';
import { signedInDemoStaff } from '../src/staff';
import { launchChromium } from '../src/browser';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';

const admin = { email: 'officer@example.org', password: 'a-long-e2e-password' };
const officer = { email: 'programmes@example.org', password: 'a patient protection officer' };
// Beirut, a real geoBoundaries ADM2 id (shared/data/boundaries), as the demo population uses.
const BEIRUT = 'LBN-ADM2-6925839B61048204';
const ECONOMIC_RISK = { es_needs_covered: 'no', es_works_informally: 'yes' };

/**
 * Issue 5's programme story: a protection officer defines a livelihoods programme from a
 * targeting rule (a wrong comparison is marked on its condition first), sees its target
 * list, enrols people who consented (one who did not is refused), records a session with
 * attendance, and sees coverage move — with the gap marked — in English and Arabic.
 */
describe('a prevention programme from a targeting rule, in the browser', () => {
  let install: DemoInstall;
  let browser: Browser;
  const women: { id: string; name: string }[] = [];

  beforeAll(async () => {
    install = await startDemoInstall(admin, 60);
    const adminApi = await apiAs(install.server.url, admin.email, admin.password);
    const api = await signedInDemoStaff(install.server.url, adminApi, { ...officer, displayName: 'Protection officer', role: 'protection_officer', scope: 'agency' });
    // Eleven women 18–59 in urban Beirut, screened with economic-survival risk; the first
    // five consent to programme enrolment, the sixth does not (yet).
    const names = ['Amal', 'Bushra', 'Dalia', 'Fatima', 'Hiba', 'Jamila', 'Lina', 'Maya', 'Nour', 'Rasha', 'Salma'];
    for (const [i, given] of names.entries()) {
      const created = await api('POST', '/persons', { givenName: given, familyName: 'Programme', sex: 'female', birthYear: 1990 + i, setting: 'urban', adminAreaCode: BEIRUT });
      expect(created.status).toBe(201);
      const id = (created.body as { id: string }).id;
      expect((await api('POST', `/persons/${id}/consents`, { purpose: 'case_management', decision: 'given', method: 'written', givenBy: 'self' })).status).toBe(201);
      expect((await api('POST', `/persons/${id}/screenings`, { instrument: 'heightened-risk', responses: ECONOMIC_RISK })).status).toBe(201);
      if (i < 5) expect((await api('POST', `/persons/${id}/consents`, { purpose: 'programme_enrolment', decision: 'given', method: 'oral', givenBy: 'self' })).status).toBe(201);
      women.push({ id, name: `${given} Programme` });
    }
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  async function signIn(page: Page) {
    await page.goto(install.server.url);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('email').fill(officer.email);
    await page.getByTestId('password').fill(officer.password);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('nav-programmes').waitFor();
  }

  const row = (page: Page, personId: string) => page.locator(`[data-testid="target-row"][data-person-id="${personId}"]`);

  it('creates a programme from a rule, enrols with consent, records attendance and shows coverage with its gap', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
    await signIn(page);
    await page.getByTestId('nav-programmes').click();
    await page.getByTestId('programme-name').fill('Safe work in Beirut');
    await page.getByTestId('programme-kind').selectOption('livelihoods');
    await page.getByTestId('programme-capacity').fill('30');
    await page.getByTestId('programme-areas').fill(BEIRUT);
    // Condition 0: sex is one of female.
    await page.getByTestId('rule-in-0-female').check();
    // Condition 1, first with a comparison sex does not allow: marked before anything is sent.
    await page.getByTestId('rule-add').click();
    await page.getByTestId('rule-op-1').selectOption('gte');
    await expect.poll(() => page.locator('[data-testid="rule-problem"][data-code="incompatible_operator"]').count()).toBe(1);
    await page.getByTestId('rule-builder').screenshot({ path: join(SCREENSHOTS, 'programme-rule-problem.png') });
    await page.getByTestId('rule-field-1').selectOption('ageBracket');
    await page.getByTestId('rule-op-1').selectOption('in');
    await page.getByTestId('rule-in-1-18-59').check();
    await page.getByTestId('rule-add').click();
    await page.getByTestId('rule-field-2').selectOption('setting');
    await page.getByTestId('rule-in-2-urban').check();
    await page.getByTestId('rule-add').click();
    await page.getByTestId('rule-field-3').selectOption('domain.economic_survival');
    await page.getByTestId('rule-value-3').selectOption('medium');
    expect(await page.getByTestId('rule-problem').count()).toBe(0);
    await page.getByTestId('programme-create').click();

    // The programme page: the rule in words and the target list, highest risk first.
    await page.getByTestId('programme-page').waitFor();
    await expect.poll(() => page.getByTestId('programme-rule').innerText()).toContain('Risk in:');
    for (const woman of women) await row(page, woman.id).waitFor();

    // Without consent to enrolment: refused, and said so.
    await row(page, women[5]!.id).getByTestId('enrol-button').click();
    await expect.poll(() => page.locator('[data-code="consent_required"]').count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'programme-enrol-refused.png'), fullPage: true });

    for (const woman of women.slice(0, 5)) {
      await row(page, woman.id).getByTestId('enrol-button').click();
      await row(page, woman.id).getByTestId('enrolled-mark').waitFor();
    }
    // A session attended by the five enrolled.
    await page.getByTestId('session-topic').fill('Your rights at work');
    for (const woman of women.slice(0, 5)) await page.getByTestId(`attended-${woman.id}`).check();
    await page.getByTestId('record-session').click();
    await expect.poll(() => page.getByTestId('session-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('session-row').innerText()).toContain('5');

    // Coverage in Beirut: 5 reached of at least 11 in need. Under the cell key a count is shown
    // within 2 of the truth, or withheld under k (docs/DATA-PROTECTION.md), so the row is
    // checked for what it may show, never for an exact 5. The officer's agency runs the
    // programme: its targeted and reached are live for her, in need as released.
    const beirut = page.locator(`[data-testid="coverage-area-row"][data-area="${BEIRUT}"]`);
    await beirut.getByTestId('coverage-reached').waitFor();
    const shownReached = (await beirut.getByTestId('coverage-reached').innerText()).trim();
    if (/^\d+$/.test(shownReached)) expect(Math.abs(Number(shownReached) - 5)).toBeLessThanOrEqual(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'programme-coverage-en.png'), fullPage: true });

    // The same page in Arabic, right to left.
    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await expect.poll(() => page.getByTestId('programme-rule').innerText()).toContain('الخطر في');
    await beirut.getByTestId('coverage-reached').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'programme-coverage-ar.png'), fullPage: true });
    await page.getByTestId('nav-programmes').click();
    await page.getByTestId('programme-row').first().waitFor();
    await page.getByTestId('programme-form').screenshot({ path: join(SCREENSHOTS, 'programme-form-ar.png') });
    await page.close();
  }, 180_000);

  it('records a workplace and the conditions reported there, in English and Arabic', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-GB' });
    await signIn(page);
    await page.getByTestId('nav-labour').click();
    await page.getByTestId('workplace-name').fill('Greenhouses, Damour road');
    await page.getByTestId('workplace-sector').selectOption('A_AgricultureForestryAndFishing');
    await page.getByTestId('workplace-area').fill(BEIRUT);
    await page.getByTestId('workplace-create').click();
    await page.getByTestId('workplace-detail').waitFor();
    await page.getByTestId('report-source').selectOption('worker_interview');
    await page.getByTestId('report-informant').fill('Worker met at the clinic');
    await page.getByTestId('condition-documents_withheld').check();
    await page.getByTestId('indicator-retention_of_identity_documents').check();
    await page.getByTestId('indicator-excessive_overtime').check();
    await page.getByTestId('report-hours').fill('70');
    await page.getByTestId('report-submit').click();
    await expect.poll(() => page.getByTestId('report-row').count()).toBe(1);
    await page.getByTestId('link-person').fill('Amal');
    await page.getByTestId(`link-${women[0]!.id}`).click();
    await expect.poll(() => page.getByTestId('linked-person').allInnerTexts()).toEqual([women[0]!.name]);
    // The officer is of one agency among several: the labour layer is the release, which one
    // workplace and one link cannot move (issue 12 §2), and says so.
    await expect.poll(() => page.getByTestId('figures-note').first().getAttribute('data-source')).toBe('release');
    expect(await page.getByTestId('labour-people-linked').count()).toBe(0);
    await expect.poll(() => page.getByTestId('workplace-row').first().innerText()).toContain('Retention of identity documents');
    await page.screenshot({ path: join(SCREENSHOTS, 'labour-en.png'), fullPage: true });
    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.getByTestId('workplace-row').first().innerText()).toContain('الاحتفاظ بوثائق الهوية');
    await page.screenshot({ path: join(SCREENSHOTS, 'labour-ar.png'), fullPage: true });
    await page.close();
  }, 120_000);
});
