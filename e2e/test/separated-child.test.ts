import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../src/api';
import { signedInDemoStaff } from '../src/staff';
import { launchChromium } from '../src/browser';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';

const admin = { email: 'officer@example.org', password: 'a-long-e2e-password' };
const cpo = { email: 'cpo@example.org', password: 'a careful child protection passphrase' };
const supervisor = { email: 'supervisor@example.org', password: 'a steady supervisor passphrase' };
const worker = { email: 'worker@example.org', password: 'a quiet caseworker passphrase' };

/** A calendar day `days` from today (UTC, the day the server checks against). */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

type Api = Awaited<ReturnType<typeof apiAs>>;

/**
 * A separated child, in the browser, as a child-protection officer: identified as
 * separated → a BIA opened with the suggested urgency and its due date → completed →
 * a BID (refused without a panel, then recorded) → the periodic review scheduled; a change
 * of care arrangement brings the review forward. Supervisors see overdue work.
 */
describe('separated child → BIA → BID → review, in the browser', () => {
  let install: DemoInstall;
  let browser: Browser;
  let childId: string;
  let uncleId: string;
  let lateChildId: string;

  async function makeUser(adminApi: Api, who: { email: string; password: string }, role: string, displayName: string) {
    return signedInDemoStaff(install.server.url, adminApi, { ...who, displayName, role, scope: 'agency' });
  }

  beforeAll(async () => {
    install = await startDemoInstall(admin, 40);
    const adminApi = await apiAs(install.server.url, admin.email, admin.password);
    const api = await makeUser(adminApi, cpo, 'child_protection_officer', 'Child protection officer');
    await makeUser(adminApi, supervisor, 'supervisor', 'Supervisor');
    await makeUser(adminApi, worker, 'caseworker', 'Case worker');

    // A 12-year-old living with her uncle: her parents' whereabouts are not yet known to us.
    const household = await api('POST', '/households', {
      members: [
        { relationshipToHead: 'head', givenName: 'Karim', familyName: 'Haddad', sex: 'male', birthYear: 1986, setting: 'urban' },
        { relationshipToHead: 'other_relative', givenName: 'Lina', familyName: 'Haddad', sex: 'female', birthYear: new Date().getUTCFullYear() - 12, setting: 'urban' },
      ],
    });
    expect(household.status).toBe(201);
    const members = (household.body as { members: { id: string; givenName: string }[] }).members;
    uncleId = members.find((member) => member.givenName === 'Karim')!.id;
    childId = members.find((member) => member.givenName === 'Lina')!.id;
    // She has lived with her uncle since she arrived; a new arrangement today ends it (see below).
    const kinship = await api('POST', `/persons/${childId}/care-arrangements`, { kind: 'kinship', carer: { kind: 'person', personId: uncleId }, startDate: day(-200) });
    expect(kinship.status).toBe(201);

    // Another child whose urgent assessment has gone past its due date, for the supervisor.
    const late = await api('POST', '/persons', { givenName: 'Omar', familyName: 'Saleh', sex: 'male', birthYear: new Date().getUTCFullYear() - 9, careSituation: 'unaccompanied' });
    expect(late.status).toBe(201);
    lateChildId = (late.body as { id: string }).id;
    expect((await api('POST', `/persons/${lateChildId}/bia`, { urgency: '2_days', identifiedAt: day(-20) })).status).toBe(201);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  async function signIn(page: Page, who: { email: string; password: string }, language: 'en' | 'ar') {
    await page.goto(install.server.url);
    await page.getByTestId(`lang-${language}`).click();
    await page.getByTestId('email').fill(who.email);
    await page.getByTestId('password').fill(who.password);
    await page.getByTestId('sign-in').click();
    await page.getByTestId('nav-people').waitFor();
  }

  it('identifies, assesses and decides for a separated child, and reviews on a change of care', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await signIn(page, cpo, 'en');
    await page.goto(`${install.server.url}/people/${childId}`);
    const section = page.getByTestId('child-protection');
    await expect.poll(() => section.innerText()).toContain('Child protection');
    await expect.poll(() => page.getByTestId('next-review').getAttribute('data-state')).toBe('none');
    await expect.poll(() => page.getByTestId('care-arrangement').count()).toBe(1);
    // The carer is named (the uncle is a registered person the officer may see).
    await expect.poll(() => page.getByTestId('carer').first().innerText()).toBe('Karim Haddad');

    // Identify her as separated: the care situation changes and a BIA becomes required.
    await page.getByTestId('identify-situation').selectOption('separated');
    await page.getByTestId('identify-submit').click();
    await expect.poll(() => page.getByTestId('child-identified').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('child-care-situation').innerText()).toContain('Separated');
    // The server's suggestion, and why: a separated child with no risk screened yet → 30 days.
    await expect.poll(() => page.getByTestId('urgency-suggestion').innerText()).toContain('Within 30 days');
    await expect.poll(() => page.getByTestId('urgency-suggestion').innerText()).toContain('separated or in foster or kinship care');
    expect(await page.getByTestId('bia-urgency').inputValue()).toBe('30_days');
    await page.screenshot({ path: join(SCREENSHOTS, 'child-identified.png'), fullPage: true });

    // The officer judges it more urgent: one week from identification ten days ago.
    await page.getByTestId('bia-urgency').selectOption('1_week');
    await page.getByTestId('bia-identified-at').fill(day(-10));
    const due = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day(-3)}T00:00:00Z`));
    await expect.poll(() => page.getByTestId('bia-due-preview').innerText()).toBe(`It will be due on ${due}.`);
    await page.getByTestId('bia-open').click();
    await expect.poll(() => page.getByTestId('bia').count()).toBe(1);
    await expect.poll(() => page.getByTestId('bia-due').innerText()).toBe(`due ${due}`);
    await expect.poll(() => page.getByTestId('bia').getAttribute('data-overdue')).toBe('true');
    await expect.poll(() => page.getByTestId('bia-suggestion').innerText()).toContain('chose a different urgency');

    // Completed three days ago.
    await page.getByTestId('bia-completed-at').fill(day(-3));
    await page.getByTestId('bia-complete').click();
    await expect.poll(() => page.getByTestId('bia').getAttribute('data-status')).toBe('completed');
    await expect.poll(() => page.getByTestId('bia').getAttribute('data-overdue')).toBe('false');

    // A BID: a durable solution is being chosen for a separated child, so one is required.
    await page.getByTestId('bid-start').click();
    await expect.poll(() => page.getByTestId('bid-requirement').getAttribute('data-required')).toBe('false');
    await page.getByTestId('bid-situation-choosingDurableSolution').check();
    await expect.poll(() => page.getByTestId('bid-requirement').getAttribute('data-required')).toBe('true');
    await expect.poll(() => page.getByTestId('bid-requirement').innerText()).toContain('durable solution is being chosen for an unaccompanied or separated child');
    await page.getByTestId('bid-views').selectOption('agrees');
    await page.getByTestId('bid-recommendation').selectOption('family_reunification');
    await page.getByTestId('bid-decision-date').fill(day(-2));
    // First without a panel: refused, with the problem at the panel field; nothing recorded.
    await page.getByTestId('bid-submit').click();
    const problems = page.getByTestId('bid-problems');
    await expect.poll(() => problems.locator('li[data-path="/panel"]').getAttribute('data-code')).toBe('panel_required');
    await expect.poll(() => problems.innerText()).toContain('Panel: A panel of different people is needed');
    await expect.poll(() => page.getByTestId('bid-panel-members').locator('.field-error').innerText()).toContain('A panel of different people');
    expect(await page.getByTestId('bid').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'child-bid-refused.png'), fullPage: true });

    const panel = [
      ['CP-014', 'chair'],
      ['PR-202', 'protection'],
      ['CS-031', 'community_services'],
    ] as const;
    for (const [index, [memberId, role]] of panel.entries()) {
      await page.getByTestId('panel-add').click();
      await page.getByTestId(`panel-${index}-id`).fill(memberId);
      await page.getByTestId(`panel-${index}-role`).selectOption(role);
      await page.getByTestId(`panel-${index}-signed`).check();
    }
    await page.getByTestId('bid-submit').click();
    await expect.poll(() => page.getByTestId('bid').count()).toBe(1);
    await expect.poll(() => page.getByTestId('bid-recommendation').innerText()).toBe('Family reunification');
    await expect.poll(() => page.getByTestId('bid-reasons').innerText()).toContain('unaccompanied or separated child');
    await expect.poll(() => page.getByTestId('bid-panel').locator('li').count()).toBe(3);
    // The officer holds child-protection clearance: the child's views are shown, not withheld.
    await expect.poll(() => page.getByTestId('child-views').innerText()).toContain('The child agrees');
    expect(await page.getByTestId('child-views-withheld').count()).toBe(0);

    // The periodic review is scheduled at the operation's interval after the decision.
    await expect.poll(() => page.getByTestId('next-review').getAttribute('data-state')).toBe('scheduled');
    await expect.poll(() => page.getByTestId('next-review').innerText()).toContain('Periodic review');
    const periodic = await page.getByTestId('next-review').innerText();
    await page.screenshot({ path: join(SCREENSHOTS, 'child-bid-recorded.png'), fullPage: true });

    // Her uncle can no longer care for her: from today she is in foster care. The review moves to today.
    await page.getByTestId('care-start').click();
    await page.getByTestId('care-kind').selectOption('foster');
    await page.getByTestId('care-carer-record').check();
    await page.getByTestId('care-carer-id').fill('FC-2291');
    await page.getByTestId('care-start-date').fill(day(0));
    await page.getByTestId('care-submit').click();
    await expect.poll(() => page.getByTestId('care-arrangement').count()).toBe(2);
    await expect.poll(() => page.locator('[data-testid="care-arrangement"][data-current="true"]').getAttribute('data-kind')).toBe('foster');
    // The uncle's arrangement, left open, ended the day the new one started.
    await expect.poll(() => page.locator('[data-testid="care-arrangement"][data-kind="kinship"]').getAttribute('data-ended')).toBe('true');
    await expect.poll(() => page.getByTestId('care-review-moved').innerText()).toContain('because the care arrangement changed');
    const today = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day(0)}T00:00:00Z`));
    await expect.poll(() => page.getByTestId('next-review').innerText()).toContain(`Next review scheduled for ${today}`);
    expect(await page.getByTestId('next-review').innerText()).not.toBe(periodic);
    await expect.poll(() => page.getByTestId('carer').first().innerText()).toContain('FC-2291');
    await page.getByTestId('child-protection').screenshot({ path: join(SCREENSHOTS, 'child-protection-en.png') });
    await page.close();
  });

  it('shows the same record right-to-left in Arabic', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
    await signIn(page, cpo, 'ar');
    await expect.poll(() => page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    await page.goto(`${install.server.url}/people/${childId}`);
    await expect.poll(() => page.getByTestId('child-protection').innerText()).toContain('حماية الطفل');
    await expect.poll(() => page.getByTestId('bid-recommendation').innerText()).toBe('لمّ شمل الأسرة');
    await expect.poll(() => page.getByTestId('next-review').innerText()).toContain('لأن ترتيب الرعاية تغيّر');
    await page.getByTestId('bid-start').click();
    await page.getByTestId('bid-submit').click();
    await expect.poll(() => page.getByTestId('bid-problems').locator('li[data-path="/panel"]').count()).toBe(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'child-protection-ar.png'), fullPage: true });
    await page.close();
  });

  it('tells a caseworker without child-protection clearance that the child\'s views are withheld', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await signIn(page, worker, 'en');
    await page.goto(`${install.server.url}/people/${childId}`);
    await expect.poll(() => page.getByTestId('bid').count()).toBe(1);
    await expect.poll(() => page.getByTestId('child-views-withheld').innerText()).toContain('withheld');
    expect(await page.getByTestId('child-views').count()).toBe(0);
    // Deciding is for child-protection officers and supervisors: no way to record a BID here.
    expect(await page.getByTestId('bid-start').count()).toBe(0);
    await page.getByTestId('child-protection').screenshot({ path: join(SCREENSHOTS, 'child-views-withheld.png') });
    await page.close();
  });

  it('lists overdue child-protection work for a supervisor', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await signIn(page, supervisor, 'en');
    await page.getByTestId('nav-supervision').click();
    // Omar's urgent BIA (due 18 days ago) is listed; Lina's completed one is not.
    const row = page.getByTestId('child-overdue').filter({ has: page.locator(`a[href="/people/${lateChildId}"]`) });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.getAttribute('data-kind')).toBe('bia');
    await expect.poll(() => row.innerText()).toContain('18 days');
    expect(await page.locator(`[data-testid="child-overdue"] a[href="/people/${childId}"]`).count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'children-overdue.png'), fullPage: true });
    await row.getByRole('link').click();
    await expect.poll(() => page.url()).toContain(`/people/${lateChildId}`);
    await page.close();
  });
});
