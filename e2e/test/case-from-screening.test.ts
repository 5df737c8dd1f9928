import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../src/api';
import { launchChromium } from '../src/browser';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';

const admin = { email: 'officer@example.org', password: 'a-long-e2e-password' };
const worker = { email: 'worker@example.org', password: 'a quiet caseworker passphrase' };

/**
 * A screening that says "critical" is worth nothing until someone acts: from the
 * screening, a case with its recommended actions as tasks, the person's own plan, the
 * lifecycle, and My work listing what is due.
 */
describe('screening → case → plan → my work, in the browser', () => {
  let install: DemoInstall;
  let browser: Browser;
  let personId: string;

  beforeAll(async () => {
    install = await startDemoInstall(admin, 60);
    // A caseworker of the demo operation's UNHCR office does the work (and owns its tasks).
    const adminApi = await apiAs(install.server.url, admin.email, admin.password);
    const operations = (await adminApi('GET', '/operations')).body as { items: { id: string; code: string }[] };
    const lebanon = operations.items.find((operation) => operation.code !== 'main')!;
    const agencies = (await adminApi('GET', `/operations/${lebanon.id}/agencies`)).body as { items: { id: string; code: string }[] };
    const made = await adminApi('POST', '/users', {
      email: worker.email,
      displayName: 'Case worker',
      role: 'caseworker',
      scope: 'agency',
      agencyId: agencies.items.find((agency) => agency.code === 'unhcr')!.id,
      operationIds: [lebanon.id],
    });
    const oneTime = (made.body as { oneTimePassword: string }).oneTimePassword;
    const first = await apiAs(install.server.url, worker.email, oneTime);
    expect((await first('POST', '/sessions/current/password', { currentPassword: oneTime, newPassword: worker.password })).status).toBe(204);
    const api = await apiAs(install.server.url, worker.email, worker.password);
    const created = await api('POST', '/persons', { givenName: 'Selam', familyName: 'Tesfaye', sex: 'female', birthYear: 1997, setting: 'urban', legalStatus: 'irregular_migrant' });
    expect(created.status).toBe(201);
    personId = (created.body as { id: string }).id;
    expect((await api('POST', `/persons/${personId}/consents`, { purpose: 'case_management', decision: 'given', method: 'written', givenBy: 'self' })).status).toBe(201);
    const screened = await api('POST', `/persons/${personId}/screenings`, {
      instrument: 'heightened-risk',
      responses: { mms_used_smuggler: 'yes', mms_owes_journey_debt: 'yes', mms_debt_repaid_through_work: 'no', mms_onward_plans: 'yes_within_weeks' },
    });
    expect((screened.body as { riskLevel: string }).riskLevel).toBe('critical');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  async function signIn(page: Page) {
    await page.goto(install.server.url);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('email').fill(worker.email);
    await page.getByTestId('password').fill(worker.password);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('nav-my-work').waitFor();
  }

  it('opens a case from a critical screening with its actions as tasks, follows the plan, and lists the work', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await signIn(page);
    await page.goto(`${install.server.url}/people/${personId}`);
    await expect.poll(() => page.getByTestId('open-case').innerText()).toMatch(/from this screening/i);
    await page.getByTestId('open-case').click();

    await expect.poll(() => page.getByTestId('case-status').innerText()).toBe('Identified');
    await expect.poll(() => page.getByTestId('case-task').count()).toBeGreaterThan(0);
    await page.getByTestId('case-event-start_assessment').click();
    await expect.poll(() => page.getByTestId('case-status').innerText()).toBe('Assessment');

    await page.getByTestId('edit-plan').click();
    await page.getByTestId('plan-goals').fill('Pay nothing more to the broker\nFind safe work as a seamstress');
    await page.getByTestId('plan-strengths').fill('Sister in Beirut she trusts');
    await page.getByTestId('plan-wishes').fill('Stay in Lebanon for now');
    await page.getByTestId('save-plan').click();
    await expect.poll(() => page.getByTestId('case-plan').innerText()).toContain('seamstress');

    await page.getByTestId('task-kind').selectOption('referral');
    await page.getByTestId('task-title').fill('Legal aid on the debt');
    // A due date before the case was opened is refused; one ahead is taken.
    await page.getByTestId('task-due').fill('2020-01-15');
    await page.getByTestId('task-submit').click();
    await expect.poll(() => page.getByTestId('add-task').locator('[role="alert"], .problem').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'case-task-refused.png'), fullPage: true });
    await page.getByTestId('task-due').fill('2027-01-15');
    await page.getByTestId('task-submit').click();
    await expect.poll(() => page.getByTestId('case-tasks').innerText()).toContain('Legal aid on the debt');
    await expect.poll(() => page.getByTestId('timeline').innerText()).toContain('Stage changed');
    await page.screenshot({ path: join(SCREENSHOTS, 'case-page.png'), fullPage: true });

    await page.getByTestId('nav-my-work').click();
    await expect.poll(() => page.getByTestId('work-item').count()).toBeGreaterThan(1);
    await expect.poll(() => page.getByTestId('my-work').innerText()).toContain('Legal aid on the debt');
    // The undated recommended actions come after the dated referral (by due date), none overdue today.
    expect(await page.locator('[data-testid="work-item"][data-overdue="true"]').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'my-work.png'), fullPage: true });
    await page.close();
  });
});
