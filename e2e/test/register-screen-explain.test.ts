import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServeProcess } from '../../packages/server/test/serve-process';
import { launchChromium } from '../src/browser';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';

const admin = { email: 'caseworker@example.org', password: 'a-long-e2e-password' };

/**
 * The caseworker's first job, end to end: `waymark serve` on its embedded PostgreSQL,
 * the built web app in Debian's Chromium, in English and in Arabic.
 */
describe('register → screen → see why, in the browser', () => {
  let install: DemoInstall;
  let server: ServeProcess;
  let browser: Browser;

  beforeAll(async () => {
    install = await startDemoInstall(admin, 120);
    server = install.server;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  async function signIn(page: Page) {
    await page.goto(server.url);
    await page.getByTestId('email').fill(admin.email);
    await page.getByTestId('password').fill(admin.password);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('nav-people').waitFor();
    await page.getByTestId('mfa-relaxed').waitFor();
  }

  async function answer(page: Page, itemId: string, value: string) {
    await page.getByTestId(`answer-${itemId}-${value}`).check();
  }

  it('in English: registers a household, screens the head and shows the level with its reasons', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await signIn(page);
    await page.getByTestId('lang-en').click();
    await expect.poll(() => page.getByTestId('person-row').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'en-people.png'), fullPage: true });

    await page.getByTestId('nav-register').click();
    await page.getByTestId('mode-household').click();
    await page.getByTestId('member-0-givenName').fill('Amina');
    await page.getByTestId('member-0-familyName').fill('Yusuf');
    await page.getByTestId('member-0-sex').selectOption('female');
    await page.getByTestId('member-0-birthYear').fill('1990');
    await page.getByTestId('member-0-legalStatus').selectOption('unregistered');
    await page.getByTestId('add-member').click();
    await page.getByTestId('member-1-givenName').fill('Hamza');
    await page.getByTestId('member-1-familyName').fill('Yusuf');
    await page.getByTestId('member-1-sex').selectOption('male');
    await page.getByTestId('member-1-birthYear').fill('2015');
    await page.getByTestId('member-1-relationship').selectOption('child');
    await page.getByTestId('member-1-careSituation').selectOption('with_parents');
    await page.getByTestId('site').selectOption({ index: 1 });
    await page.screenshot({ path: join(SCREENSHOTS, 'en-register.png'), fullPage: true });
    await page.getByTestId('submit-registration').click();

    await expect.poll(() => page.getByTestId('risk-level').getAttribute('data-level')).toBe('none');
    // Screening needs case-management consent: record the person's own written consent first.
    await page.getByTestId('consent-submit').click();
    await expect.poll(() => page.getByTestId('consent-history-count').getAttribute('data-count')).toBe('1');
    await page.getByTestId('start-screening').click();
    // show-if: the follow-up on the debt appears only once a debt is reported.
    await expect.poll(() => page.getByTestId('item-mms_debt_repaid_through_work').count()).toBe(0);
    await answer(page, 'mms_used_smuggler', 'yes');
    await answer(page, 'mms_owes_journey_debt', 'yes');
    await page.getByTestId('item-mms_debt_repaid_through_work').waitFor();
    await answer(page, 'mms_debt_repaid_through_work', 'no');
    await answer(page, 'mms_onward_plans', 'yes_within_weeks');
    await answer(page, 'sg_sexual_violence', 'prefer_not_to_answer');
    await page.screenshot({ path: join(SCREENSHOTS, 'en-screening.png'), fullPage: true });
    await page.getByTestId('submit-screening').click();

    await expect.poll(() => page.getByTestId('risk-level').getAttribute('data-level')).toBe('critical');
    await expect.poll(() => page.getByTestId('explanation').innerText()).toContain('journey');
    await expect.poll(() => page.getByTestId('recommended-actions').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('screening-history').innerText()).toMatch(/critical/i);
    await page.screenshot({ path: join(SCREENSHOTS, 'en-person.png'), fullPage: true });

    // The resettlement queue opens for those who may see it (nothing submitted yet here).
    await page.getByTestId('nav-resettlement').click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Resettlement queue');
    await expect.poll(() => page.locator('main').innerText()).toContain('No case is waiting');
    await page.close();
  });

  it('in Arabic: the layout is right-to-left and the same flow works', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
    await signIn(page);
    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    await page.screenshot({ path: join(SCREENSHOTS, 'ar-people.png'), fullPage: true });

    await page.getByTestId('nav-register').click();
    await page.getByTestId('mode-person').click();
    await page.getByTestId('member-0-givenName').fill('مريم');
    await page.getByTestId('member-0-familyName').fill('الحسن');
    await page.getByTestId('member-0-sex').selectOption('female');
    await page.getByTestId('member-0-birthYear').fill('2011');
    await page.getByTestId('member-0-careSituation').selectOption('separated');
    await page.getByTestId('site').selectOption({ index: 1 });
    await page.getByTestId('submit-registration').click();

    await expect.poll(() => page.getByTestId('risk-level').getAttribute('data-level')).toBe('none');
    // Screening needs case-management consent: record the person's own written consent first.
    await page.getByTestId('consent-submit').click();
    await expect.poll(() => page.getByTestId('consent-history-count').getAttribute('data-count')).toBe('1');
    await page.getByTestId('start-screening').click();
    await answer(page, 'cr_current_carer', 'informal_carer');
    await answer(page, 'cr_approached_with_offers', 'yes');
    await page.screenshot({ path: join(SCREENSHOTS, 'ar-screening.png'), fullPage: true });
    await page.getByTestId('submit-screening').click();

    await expect.poll(() => page.getByTestId('risk-level').getAttribute('data-level')).toBe('critical');
    // The explanation is in Arabic, not English.
    await expect.poll(() => page.getByTestId('explanation').innerText()).toMatch(/[\u0600-\u06FF]/);
    await page.screenshot({ path: join(SCREENSHOTS, 'ar-person.png'), fullPage: true });
    await page.close();
  });
});
