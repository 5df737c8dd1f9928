import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../src/api';
import { consentToCaseManagement, signInAs } from '../src/casework';
import { signedInDemoStaff } from '../src/staff';
import { launchChromium } from '../src/browser';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';

const admin = { email: 'officer@example.org', password: 'a-long-e2e-password' };
const officer = { email: 'protection@example.org', password: 'a careful protection passphrase' };

type Api = Awaited<ReturnType<typeof apiAs>>;

/**
 * No child left behind: a family's resettlement with a fostered niece who is not on the
 * family's case. The move shows her and why; completing it is refused until her own
 * best-interests determination on it is recorded, then it goes through.
 */
describe("a family's resettlement waits for the fostered child's own decision, in the browser", () => {
  let install: DemoInstall;
  let browser: Browser;
  let adminApi: Api;
  let caseId: string;
  let nieceId: string;

  beforeAll(async () => {
    install = await startDemoInstall(admin, 40);
    adminApi = await apiAs(install.server.url, admin.email, admin.password);
    const api = await signedInDemoStaff(install.server.url, adminApi, { ...officer, displayName: 'Protection officer', role: 'protection_officer', scope: 'agency' });

    // Mona heads the household with her son; her niece Lina lives with them in foster care but is not a member.
    const household = await api('POST', '/households', {
      members: [
        { givenName: 'Mona', familyName: 'Haddad', sex: 'female', birthYear: 1985, relationshipToHead: 'head', arrivalDate: '2018-02-10' },
        { givenName: 'Sami', familyName: 'Haddad', sex: 'male', birthYear: 2015, relationshipToHead: 'child' },
      ],
    });
    expect(household.status, JSON.stringify(household.body)).toBe(201);
    const { id: householdId, members } = household.body as { id: string; members: { id: string }[] };
    for (const member of members) await consentToCaseManagement(api, member.id);
    const niece = await api('POST', '/persons', { givenName: 'Lina', familyName: 'Saleh', sex: 'female', birthYear: 2016 });
    expect(niece.status, JSON.stringify(niece.body)).toBe(201);
    nieceId = (niece.body as { id: string }).id;
    await consentToCaseManagement(api, nieceId);
    const care = await api('POST', `/persons/${nieceId}/care-arrangements`, { kind: 'foster', carer: { kind: 'person', personId: members[0]!.id }, startDate: '2023-04-01' });
    expect(care.status, JSON.stringify(care.body)).toBe(201);
    const opened = await api('POST', '/cases', { householdId });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseId = (opened.body as { id: string }).id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  const signIn = (page: Page, language: 'en' | 'ar') => signInAs(page, install.server.url, officer, language);

  it('assesses the three solutions, plans the resettlement, refuses completion until the niece has her BID, then completes', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await signIn(page, 'en');
    await page.goto(`${install.server.url}/cases/${caseId}`);
    const panel = page.getByTestId('durable-solutions');
    // Arrived in February 2018: more than five years, a protracted situation.
    await expect.poll(() => panel.getByTestId('displacement').getAttribute('data-protracted')).toBe('true');
    await expect.poll(() => panel.getByTestId('displacement').innerText()).toMatch(/years in displacement: a protracted situation/);

    // Resettlement is not put forward before repatriation and local integration were weighed.
    await page.getByTestId('rs-primary').selectOption('legal_physical_protection');
    await page.getByTestId('rs-confirm').click();
    await expect.poll(() => page.getByTestId('resettlement-form').locator('[role="alert"]').getAttribute('data-code')).toBe('other_solutions_not_considered');
    expect(await page.getByTestId('resettlement-confirmed').count()).toBe(0);

    // An assessed solution without its trafficking risk is refused at that solution.
    await page.getByTestId('ds-voluntary_repatriation-status').selectOption('not_feasible');
    await page.getByTestId('ds-save').click();
    await expect.poll(() => page.locator('#ds-voluntary_repatriation-error [data-code]').first().getAttribute('data-code')).toBe('risk_required');
    await page.getByTestId('ds-voluntary_repatriation-risk').selectOption('high');
    await page.getByTestId('ds-voluntary_repatriation-reasons').getByLabel('Return to an area controlled by traffickers or armed groups').check();
    await page.getByTestId('ds-voluntary_repatriation-wish').selectOption('does_not_wish');
    await page.getByTestId('ds-local_integration-status').selectOption('not_feasible');
    await page.getByTestId('ds-local_integration-risk').selectOption('medium');
    await page.getByTestId('ds-local_integration-reasons').getByLabel('No right to work: only informal or illegal work').check();
    await page.getByTestId('ds-resettlement-status').selectOption('preferred');
    await page.getByTestId('ds-resettlement-wish').selectOption('wishes');
    await page.getByTestId('ds-resettlement-risk').selectOption('low');
    await page.getByTestId('ds-save').click();
    await expect.poll(() => panel.innerText()).toMatch(/Last assessed/);
    // Saved, the assessment reads as a summary with the risk of each solution and why.
    await expect.poll(() => panel.getByTestId('ds-saved').locator('[data-solution="voluntary_repatriation"]').getAttribute('data-risk')).toBe('high');
    await expect.poll(() => panel.getByTestId('ds-saved').innerText()).toContain('Return to an area controlled by traffickers');

    // Resettlement: categories suggested with reasons, confirmed by this officer with a priority.
    await expect.poll(() => page.getByTestId('suggestion').count()).toBeGreaterThan(0);
    await page.getByTestId('rs-primary').selectOption('legal_physical_protection');
    await page.getByTestId('rs-secondary').selectOption('lack_of_alternative_solutions');
    await page.getByTestId('rs-priority').selectOption('urgent');
    await page.getByTestId('rs-confirm').click();
    await expect.poll(() => page.getByTestId('resettlement-confirmed').getAttribute('data-priority')).toBe('urgent');
    await expect.poll(() => page.getByTestId('confirmed-primary').getAttribute('data-category')).toBe('legal_physical_protection');
    // The form opens again with what was confirmed, ready for a change.
    await expect.poll(() => page.getByTestId('rs-priority').inputValue()).toBe('urgent');

    // Planning the move flags the niece, who would be left behind, and says why.
    await page.getByTestId('step-kind').selectOption('resettlement');
    await page.getByTestId('step-plan').click();
    const step = page.getByTestId('solution-step');
    await expect.poll(() => step.getAttribute('data-status')).toBe('planned');
    const child = step.getByTestId('left-behind-child');
    await expect.poll(() => child.getAttribute('data-child-id')).toBe(nieceId);
    await expect.poll(() => child.innerText()).toContain('Lina Saleh');
    await expect.poll(() => child.innerText()).toMatch(/foster care.*not a member of this case/s);
    await expect.poll(() => child.getAttribute('data-decided')).toBe('false');

    await step.getByTestId('step-in_progress').click();
    await expect.poll(() => step.getAttribute('data-status')).toBe('in_progress');
    await step.getByTestId('step-completed').click();
    await expect.poll(() => step.locator('[role="alert"]').getAttribute('data-code')).toBe('child_decision_required');
    await expect.poll(() => child.getAttribute('data-refused')).toBe('true');
    await expect.poll(() => step.innerText()).toContain('needs their own best-interests decision on this step first');
    expect(await step.getAttribute('data-status')).toBe('in_progress');
    await page.screenshot({ path: join(SCREENSHOTS, 'resettlement-child-left-behind.png'), fullPage: true });
    const stepId = (await step.getAttribute('data-step-id'))!;

    // Her own BID on this move (through the API: the BID pages are built elsewhere); it recommends she goes with her aunt.
    const bid = await adminApi('POST', `/persons/${nieceId}/bid`, {
      assessmentDate: new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10),
      decisionDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      situation: { choosingDurableSolution: true, exceptionalTemporaryCare: false, mayBeSeparatedFromParentsAgainstTheirWill: false },
      panel: [
        { memberId: 'u-1', role: 'chair', confidentialityUndertakingSigned: true },
        { memberId: 'u-2', role: 'child_protection', confidentialityUndertakingSigned: true },
        { memberId: 'u-3', role: 'legal', confidentialityUndertakingSigned: true },
      ],
      childViews: { kind: 'agrees' },
      recommendation: { kind: 'resettlement', solutionStepId: stepId },
    });
    expect(bid.status, JSON.stringify(bid.body)).toBe(201);

    await page.reload();
    await expect.poll(() => page.getByTestId('left-behind-child').getAttribute('data-decided')).toBe('true');
    await page.getByTestId('solution-step').getByTestId('step-completed').click();
    await expect.poll(() => page.getByTestId('solution-step').getAttribute('data-status')).toBe('completed');
    await expect.poll(() => page.getByTestId('timeline').innerText()).toContain('Move completed');
    await page.screenshot({ path: join(SCREENSHOTS, 'resettlement-completed.png'), fullPage: true });
    await page.close();
  });

  it('shows the same in Arabic, right to left', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
    await signIn(page, 'ar');
    await page.goto(`${install.server.url}/cases/${caseId}`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    // The number keeps its left-to-right order inside the Arabic label.
    await expect.poll(() => page.getByTestId('case-number').innerText()).toMatch(/^رقم الحالة [A-Z0-9_-]+-C-\d{4}-\d{6}$/);
    await page.locator('header.person-head').screenshot({ path: join(SCREENSHOTS, 'case-number-ar.png') });
    await expect.poll(() => page.getByTestId('solution-step').getAttribute('data-status')).toBe('completed');
    await expect.poll(() => page.getByTestId('solution-step').getByTestId('step-status').innerText()).toBe('مكتمل');
    await expect.poll(() => page.getByTestId('resettlement-confirmed').innerText()).toContain('الحماية القانونية');
    await page.getByTestId('durable-solutions').screenshot({ path: join(SCREENSHOTS, 'durable-solutions-ar.png') });
    await page.close();
  });
});
