import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../src/api';
import { consentToCaseManagement, signInAs } from '../src/casework';
import { launchChromium } from '../src/browser';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';
import { signedInDemoStaff } from '../src/staff';

const admin = { email: 'officer@example.org', password: 'a-long-e2e-password' };
const officer = { email: 'cp-supervisor@example.org', password: 'a careful child protection passphrase' };


const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * Issue 13 §1 in the browser: a household with a fostered child; the child's care
 * arrangement is changed (the old one ends) and a mistaken entry corrected with a reason;
 * the BIA is written; the carer's resettlement flags the child; the child's BID is recorded
 * from the flag with the move already named; the move completes. Then the same in Arabic.
 */
describe("a fostered child's care history and decision on the carer's move, in the browser", () => {
  let install: DemoInstall;
  let browser: Browser;
  let caseId: string;
  let nieceId: string;
  let monaId: string;

  beforeAll(async () => {
    install = await startDemoInstall(admin, 40);
    const adminApi = await apiAs(install.server.url, admin.email, admin.password);
    const api = await signedInDemoStaff(install.server.url, adminApi, { ...officer, displayName: 'Child protection supervisor', role: 'supervisor', scope: 'agency' });
    // Mona heads a household with her son; her niece Lina, registered on her own, has been in a group home.
    const household = await api('POST', '/households', {
      members: [
        { givenName: 'Mona', familyName: 'Haddad', sex: 'female', birthYear: 1985, relationshipToHead: 'head' },
        { givenName: 'Sami', familyName: 'Haddad', sex: 'male', birthYear: 2015, relationshipToHead: 'child' },
      ],
    });
    expect(household.status, JSON.stringify(household.body)).toBe(201);
    const { id: householdId, members } = household.body as { id: string; members: { id: string }[] };
    monaId = members[0]!.id;
    for (const member of members) await consentToCaseManagement(api, member.id);
    const niece = await api('POST', '/persons', { givenName: 'Lina', familyName: 'Saleh', sex: 'female', birthYear: 2016, careSituation: 'separated' });
    expect(niece.status, JSON.stringify(niece.body)).toBe(201);
    nieceId = (niece.body as { id: string }).id;
    await consentToCaseManagement(api, nieceId);
    const care = await api('POST', `/persons/${nieceId}/care-arrangements`, { kind: 'foster', carer: { kind: 'carer_record', carerId: 'GH-17' }, startDate: day(-400) });
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

  it('changes and corrects the care history, writes the BIA, records the BID from the flag and completes the move', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await signIn(page, 'en');
    await page.goto(`${install.server.url}/people/${nieceId}`);
    const care = page.getByTestId('child-protection');

    // The group home was recorded as foster care by mistake: corrected, with why.
    await care.getByTestId('care-correct-start').click();
    await page.getByTestId('care-fix-kind').selectOption('group_home');
    await page.getByTestId('care-fix-reason').fill('Recorded as foster care by mistake: GH-17 is a group home');
    await page.getByTestId('care-fix-submit').click();
    await expect.poll(() => care.getByTestId('care-correction').innerText()).toContain('was recorded as Foster care');
    await expect.poll(() => care.getByTestId('care-correction').innerText()).toContain('GH-17 is a group home');

    // She moves in with her aunt Mona: the new arrangement ends the group home the same day.
    await care.getByTestId('care-start').click();
    await expect.poll(() => page.getByTestId('care-ends-current').count()).toBe(1);
    await page.getByTestId('care-kind').selectOption('foster');
    await page.getByTestId('care-carer-person').check();
    await page.getByTestId('care-carer-person-id').fill(monaId);
    await page.getByTestId('care-submit').click();
    await expect.poll(() => care.getByTestId('care-arrangement').count()).toBe(2);
    await expect.poll(() => care.locator('[data-testid="care-arrangement"][data-current="true"]').getAttribute('data-kind')).toBe('foster');
    await expect.poll(() => care.locator('[data-testid="care-arrangement"][data-kind="group_home"]').getAttribute('data-ended')).toBe('true');
    await expect.poll(() => care.locator('[data-testid="care-arrangement"][data-current="true"]').getByTestId('carer').innerText()).toContain('Mona Haddad');

    // The BIA, with its sections.
    await page.getByTestId('bia-open').click();
    await care.getByTestId('bia-write').click();
    await page.getByTestId('bia-input-situationAndCare').fill('Lives with her aunt Mona since today; attends the community school.');
    await page.getByTestId('bia-input-protectionConcerns').fill('Approached at the market with job offers abroad.');
    await page.getByTestId('bia-input-childViews').fill('Wants to stay with her aunt wherever she goes.');
    await page.getByTestId('bia-content-save').click();
    await expect.poll(() => care.getByTestId('bia-section-childViews').innerText()).toContain('Wants to stay with her aunt');
    await page.screenshot({ path: join(SCREENSHOTS, 'child-care-history-bia.png'), fullPage: true });

    // The carer's resettlement flags Lina; My work lists the decision the move waits for.
    await page.goto(`${install.server.url}/cases/${caseId}`);
    await page.getByTestId('step-kind').selectOption('resettlement');
    await page.getByTestId('step-plan').click();
    const step = page.getByTestId('solution-step');
    const child = step.getByTestId('left-behind-child');
    await expect.poll(() => child.getAttribute('data-child-id')).toBe(nieceId);
    await expect.poll(() => child.getAttribute('data-decided')).toBe('false');
    expect(await step.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await page.getByTestId('nav-my-work').click();
    await expect.poll(() => page.locator(`[data-testid="child-deadline"][data-kind="bid"][data-child-id="${nieceId}"]`).count()).toBe(1);
    await page.getByTestId('child-deadlines').screenshot({ path: join(SCREENSHOTS, 'my-work-child-deadlines.png') });

    // From the flag: her own decision on this move, the move already named.
    await page.goto(`${install.server.url}/cases/${caseId}`);
    await step.getByTestId('record-child-decision').click();
    const form = step.getByTestId('bid-form');
    await expect.poll(() => form.getByTestId('bid-on-move').innerText()).toContain('Resettlement');
    for (const [index, role] of (['chair', 'child_protection', 'legal'] as const).entries()) {
      await form.getByTestId('panel-add').click();
      await form.getByTestId(`panel-${index}-id`).fill(`panel-${index + 1}`);
      await form.getByTestId(`panel-${index}-role`).selectOption(role);
      await form.getByTestId(`panel-${index}-signed`).check();
    }
    await form.getByTestId('bid-views').selectOption('agrees');
    await form.getByTestId('bid-recommendation').selectOption('resettlement');
    await form.getByTestId('bid-assessment-date').fill(day(0));
    await page.screenshot({ path: join(SCREENSHOTS, 'bid-from-move-flag.png'), fullPage: true });
    await form.getByTestId('bid-submit').click();
    await expect.poll(() => child.getAttribute('data-decided')).toBe('true');

    await step.getByTestId('step-completed').click();
    await expect.poll(() => step.getAttribute('data-status')).toBe('completed');
    await page.screenshot({ path: join(SCREENSHOTS, 'move-completed-after-bid.png'), fullPage: true });
    await page.close();
  });

  it('shows the history, the BIA and the completed move in Arabic, right to left', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ar' });
    await signIn(page, 'ar');
    await page.goto(`${install.server.url}/people/${nieceId}`);
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const care = page.getByTestId('child-protection');
    await expect.poll(() => care.getByTestId('care-correction').innerText()).toContain('كان مسجّلًا على أنه');
    await expect.poll(() => care.getByTestId('bia-section-childViews').innerText()).toContain('آراء الطفل');
    await expect.poll(() => care.getByTestId('bid-on-a-move').count()).toBe(1);
    await care.screenshot({ path: join(SCREENSHOTS, 'child-care-history-ar.png') });
    await care.getByTestId('care-start').click();
    await page.getByTestId('care-kind').selectOption('kinship');
    await page.getByTestId('care-carer-record').check();
    await page.getByTestId('care-carer-id').fill('KIN-3');
    await page.getByTestId('care-start-date').fill(day(-30));
    await page.getByTestId('care-submit').click();
    await expect.poll(() => page.getByTestId('care-problems').locator('[data-code="overlapping_arrangements"]').count()).toBe(1);
    await expect.poll(() => page.getByTestId('care-problems').innerText()).toContain('الطفل في ترتيب رعاية آخر');
    await page.getByTestId('care-form').screenshot({ path: join(SCREENSHOTS, 'care-overlap-refused-ar.png') });
    await page.goto(`${install.server.url}/cases/${caseId}`);
    await expect.poll(() => page.getByTestId('solution-step').getAttribute('data-status')).toBe('completed');
    await page.getByTestId('solution-steps').screenshot({ path: join(SCREENSHOTS, 'move-completed-ar.png') });
    await page.close();
  });
});
