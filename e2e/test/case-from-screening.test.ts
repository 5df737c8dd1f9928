import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../src/api';
import { signedInDemoStaff } from '../src/staff';
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
  let caseUrl: string;

  beforeAll(async () => {
    install = await startDemoInstall(admin, 60);
    // A caseworker of the demo operation's UNHCR office does the work (and owns its tasks).
    const adminApi = await apiAs(install.server.url, admin.email, admin.password);
    const api = await signedInDemoStaff(install.server.url, adminApi, { ...worker, displayName: 'Case worker', role: 'caseworker', scope: 'agency' });
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
    // The screening proposes its actions by domain for the worker to choose; never "consider opening a case".
    const proposed = page.getByTestId('proposed-actions');
    await expect.poll(() => proposed.locator('fieldset').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('proposed-action-consider_case_debt_and_job_offer').count()).toBe(0);
    const boxes = proposed.getByRole('checkbox');
    const offered = await boxes.count();
    expect(offered).toBeGreaterThan(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.screenshot({ path: join(SCREENSHOTS, 'case-proposed-actions.png'), fullPage: true });
    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => proposed.locator('h3').innerText()).toBe('الإجراءات التي يقترحها هذا الفحص');
    await page.screenshot({ path: join(SCREENSHOTS, 'case-proposed-actions-ar.png'), fullPage: true });
    await page.getByTestId('lang-en').click();
    await page.getByTestId('open-case-confirm').click();

    await expect.poll(() => page.getByTestId('case-status').innerText()).toBe('Identified');
    // Only the two actions chosen became tasks.
    await expect.poll(() => page.getByTestId('case-task').count()).toBe(2);
    // Named by a number a person can say aloud (migration 0045).
    await expect.poll(() => page.getByTestId('case-number').innerText()).toMatch(/^Case number [A-Z0-9_-]+-C-\d{4}-\d{6}$/);
    caseUrl = page.url();
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

  it('assesses trafficking in the browser: bad dates refused with their field, presumed victim, protection now and a referral to a named agency', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await signIn(page);
    await page.goto(caseUrl);
    const panel = page.getByTestId('trafficking');
    await expect.poll(() => panel.innerText()).toContain('No trafficking assessment');
    await page.getByTestId('tr-start').click();
    // The child rule is explained before anything is ticked.
    await expect.poll(() => page.getByTestId('child-rule-explained').innerText()).toMatch(/under 18.*means are not needed/is);

    const tick = (group: string, label: string) => page.getByTestId(group).getByLabel(label, { exact: true }).check();
    await tick('tr-acts', 'Recruitment');
    await tick('tr-purposes', 'Forced labour or services');
    // An adult (born 1997): act and purpose are not enough without the means.
    await expect.poll(() => page.getByTestId('tr-preview').getAttribute('data-outcome')).toBe('at_risk');
    await expect.poll(() => page.getByTestId('tr-preview').getByTestId('element-means').getAttribute('data-state')).toBe('missing');
    await expect.poll(() => page.getByTestId('tr-preview').getByTestId('child-rule').getAttribute('data-applies')).toBe('false');
    await tick('tr-means', 'Deception');
    await page.getByTestId('ilo-debt_bondage').getByRole('checkbox').check();
    // The evidence is written here and filed as a sealed note: no made-up reference can be typed.
    await page.getByTestId('ilo-note-debt_bondage').selectOption('inline');
    await page.getByTestId('ilo-evidence-debt_bondage').fill('The broker says she owes 1,200 dollars for the journey and keeps her wages against it.');
    await page.getByTestId('tr-stage').selectOption('exploitation');
    await tick('tr-exploitation', 'Forced labour');
    await tick('tr-control', 'Debt bondage');
    await expect.poll(() => page.getByTestId('tr-preview').getAttribute('data-outcome')).toBe('presumed_victim');

    // Exploitation before the first contact: refused by the server at its field, nothing written.
    await page.getByTestId('tr-first-contact').fill('2025-03-01');
    await page.getByTestId('tr-exploitation-start').fill('2025-01-10');
    await page.getByTestId('tr-submit').click();
    await expect.poll(() => page.getByTestId('trafficking-form').locator('[role="alert"]').getAttribute('data-code')).toBe('validation_failed');
    await expect.poll(() => page.locator('#tr-exploitation-start-error [data-code]').getAttribute('data-code')).toBe('dates_out_of_order');
    await page.screenshot({ path: join(SCREENSHOTS, 'trafficking-bad-dates.png'), fullPage: true });
    expect(await page.getByTestId('tr-latest').count()).toBe(0);

    await page.getByTestId('tr-exploitation-start').fill('2025-04-02');
    await page.getByTestId('tr-submit').click();
    const latest = page.getByTestId('tr-latest');
    await expect.poll(() => latest.getAttribute('data-outcome')).toBe('presumed_victim');
    await expect.poll(() => latest.getByTestId('tr-outcome').innerText()).toBe('Presumed victim of trafficking');
    await expect.poll(() => latest.getByTestId('reasons').locator('li').count()).toBeGreaterThan(2);
    await expect.poll(() => latest.getByTestId('element-means').getAttribute('data-state')).toBe('present');

    // The immediate-protection task the server raised is shown, due today, and is on the case.
    await expect.poll(() => page.getByTestId('immediate-protection').getAttribute('data-task-id')).not.toBe('');
    const protectionTask = await page.getByTestId('immediate-protection').getAttribute('data-task-id');
    await expect.poll(() => page.getByTestId('case-tasks').innerText()).toContain('Immediate protection');

    // The referral is offered; naming the agency, with the person's consent recorded on the
    // spot, adds the referral task with its due date.
    await expect.poll(() => page.getByTestId('referral-due').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.getByTestId('referral-agency').selectOption({ label: 'Counter-trafficking partner (synthetic)' });
    await page.getByTestId('referral-consent-form').getByTestId('consent-submit').click();
    await page.getByTestId('referral-consent-given').waitFor();
    await page.getByTestId('referral-due').fill('2027-02-01');
    await page.getByTestId('referral-submit').click();
    await expect.poll(() => page.getByTestId('referral-created').innerText()).toContain('Counter-trafficking partner (synthetic)');
    const referral = page.getByTestId('case-task').filter({ hasText: 'Referral to Counter-trafficking partner (synthetic)' });
    await expect.poll(() => referral.count()).toBe(1);
    await expect.poll(() => referral.innerText()).toContain('2027');
    await page.screenshot({ path: join(SCREENSHOTS, 'trafficking-presumed-victim.png'), fullPage: true });

    // What the server holds, read back through the API: one assessment, the protection task, the referral.
    const api = await apiAs(install.server.url, worker.email, worker.password);
    const caseId = caseUrl.split('/').pop()!;
    const listed = (await api('GET', `/cases/${caseId}/trafficking-assessments`)).body as { total: number; items: { outcome: string }[] };
    expect(listed).toMatchObject({ total: 1, items: [{ outcome: 'presumed_victim' }] });
    const detail = (await api('GET', `/cases/${caseId}`)).body as { tasks: { id: string; kind: string; title: string; dueDate: string | null }[] };
    expect(detail.tasks.map((task) => task.id)).toContain(protectionTask);
    expect(detail.tasks).toContainEqual(expect.objectContaining({ kind: 'referral', dueDate: '2027-02-01', title: expect.stringContaining('Counter-trafficking partner') }));

    // A colleague of the same office, not assigned and not cleared for trafficking: the outcome, never the findings.
    const adminApi = await apiAs(install.server.url, admin.email, admin.password);
    const me = (await api('GET', '/sessions/current')).body as { user: { agencyId: string }; operations: { id: string }[] };
    const colleague = { email: 'colleague@example.org', password: 'another quiet caseworker passphrase' };
    const made = await adminApi('POST', '/users', { email: colleague.email, displayName: 'Colleague', role: 'caseworker', scope: 'agency', agencyId: me.user.agencyId, operationIds: me.operations.map((operation) => operation.id) });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const oneTime = (made.body as { oneTimePassword: string }).oneTimePassword;
    expect((await (await apiAs(install.server.url, colleague.email, oneTime))('POST', '/sessions/current/password', { currentPassword: oneTime, newPassword: colleague.password })).status).toBe(204);
    const other = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await other.goto(install.server.url);
    await other.getByTestId('lang-en').click();
    await other.getByTestId('email').fill(colleague.email);
    await other.getByTestId('password').fill(colleague.password);
    await other.getByTestId('sign-in').click();
    await other.getByTestId('nav-my-work').waitFor();
    await other.goto(caseUrl);
    await expect.poll(() => other.getByTestId('tr-latest').getAttribute('data-restricted')).toBe('true');
    await expect.poll(() => other.getByTestId('tr-outcome').innerText()).toBe('Presumed victim of trafficking');
    await expect.poll(() => other.getByTestId('tr-withheld').innerText()).toMatch(/withheld from you/);
    expect(await other.getByTestId('findings').count()).toBe(0);
    await other.getByTestId('trafficking').screenshot({ path: join(SCREENSHOTS, 'trafficking-withheld.png') });
    await other.close();

    // The same findings in Arabic, right to left.
    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => latest.getByTestId('tr-outcome').innerText()).toBe('ضحية مفترضة للاتجار بالبشر');
    await page.getByTestId('trafficking').screenshot({ path: join(SCREENSHOTS, 'trafficking-presumed-victim-ar.png') });
    await page.close();
  });

  it('applies the child rule for a 16-year-old: act and purpose suffice, the means are shown as not needed and why', async () => {
    const api = await apiAs(install.server.url, worker.email, worker.password);
    const created = await api('POST', '/persons', { givenName: 'Amani', familyName: 'Idris', sex: 'female', dateOfBirth: '2010-06-01', setting: 'urban' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const childId = (created.body as { id: string }).id;
    // At 16 she gives her own consent (domain.md §8).
    const consent = await api('POST', `/persons/${childId}/consents`, { purpose: 'case_management', decision: 'given', method: 'written', givenBy: 'self' });
    expect(consent.status, JSON.stringify(consent.body)).toBe(201);
    const opened = await api('POST', '/cases', { personId: childId });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await signIn(page);
    await page.goto(`${install.server.url}/cases/${(opened.body as { id: string }).id}`);
    await page.getByTestId('tr-start').click();
    await page.getByTestId('tr-acts').getByLabel('Harbouring', { exact: true }).check();
    await page.getByTestId('tr-purposes').getByLabel('Forced begging', { exact: true }).check();
    const preview = page.getByTestId('tr-preview');
    await expect.poll(() => preview.getAttribute('data-outcome')).toBe('presumed_victim');
    await expect.poll(() => preview.getByTestId('child-rule').getAttribute('data-applies')).toBe('true');
    await expect.poll(() => page.getByTestId('tr-means').innerText()).toMatch(/Not needed here: the child rule applies/);
    await page.getByTestId('tr-submit').click();

    const latest = page.getByTestId('tr-latest');
    await expect.poll(() => latest.getAttribute('data-outcome')).toBe('presumed_victim');
    await expect.poll(() => latest.getByTestId('child-rule').innerText()).toMatch(/Child rule applies: act and purpose suffice, means not needed/);
    await expect.poll(() => latest.getByTestId('element-means').getAttribute('data-state')).toBe('not_needed');
    await expect.poll(() => page.getByTestId('immediate-protection').innerText()).toMatch(/make the child safe today/);
    await expect.poll(() => page.getByTestId('immediate-protection').getAttribute('data-task-id')).not.toBe('');
    await page.getByTestId('trafficking').screenshot({ path: join(SCREENSHOTS, 'trafficking-child-rule.png') });
    await page.close();
  });
});
