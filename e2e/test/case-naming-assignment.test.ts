import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from '../src/api';
import { launchChromium } from '../src/browser';
import { SCREENSHOTS, startDemoInstall, type DemoInstall } from '../src/demo-install';
import { signedInDemoStaff, type Api } from '../src/staff';

const admin = { email: 'officer@example.org', password: 'a-long-e2e-password' };
const supervisor = { email: 'rana@example.org', password: 'a supervisor balancing caseloads', displayName: 'Rana Haddad' };
const first = { email: 'omar@example.org', password: 'the first caseworker passphrase', displayName: 'Omar Khalil' };
const second = { email: 'lina@example.org', password: 'the second caseworker passphrase', displayName: 'Lina Saade' };
const auditor = { email: 'audit@example.org', password: 'an auditor reading the trail', displayName: 'Audit Office' };

// An audit action or i18n key left raw on a page: `case.print`, `cases.timelineKind.x`.
const RAW_KEY = /\b(case|cases|task|solution_step|solutions|resettlement|trafficking)\.[a-z_]+\b/;

/**
 * Issue 13 §2 in the browser, English and Arabic: a supervisor opens a case and sees whose it
 * is (name, number, assignee by name), assigns it to a caseworker choosing from each worker's
 * load, a stale page's assignment is refused with a clear message, the caseworker finds it by
 * its number and sees it named in My work, and the audit trail tells the assignment by names.
 */
describe('naming and assigning cases, in the browser', () => {
  let install: DemoInstall;
  let browser: Browser;
  let omar: Api;
  let rana: Api;
  let caseId: string;
  let caseNumber: string;
  let personId: string;

  beforeAll(async () => {
    install = await startDemoInstall(admin, 40);
    const adminApi = await apiAs(install.server.url, admin.email, admin.password);
    rana = await signedInDemoStaff(install.server.url, adminApi, { ...supervisor, role: 'supervisor', scope: 'agency' });
    omar = await signedInDemoStaff(install.server.url, adminApi, { ...first, role: 'caseworker', scope: 'agency' });
    await signedInDemoStaff(install.server.url, adminApi, { ...second, role: 'caseworker', scope: 'agency' });
    await signedInDemoStaff(install.server.url, adminApi, { ...auditor, role: 'auditor', scope: 'operation' });

    const created = await omar('POST', '/persons', { givenName: 'Selam', familyName: 'Tesfaye', sex: 'female', birthYear: 1997, setting: 'urban' });
    expect(created.status).toBe(201);
    personId = (created.body as { id: string }).id;
    expect((await omar('POST', `/persons/${personId}/consents`, { purpose: 'case_management', decision: 'given', method: 'written', givenBy: 'self' })).status).toBe(201);
    // Five tasks due on one day: the timeline must fold them into one line.
    const sameDay = ['Home visit', 'Call the school', 'Check rent arrears', 'Food voucher', 'Health referral'].map((title) => ({ kind: 'follow_up', title, dueDate: '2027-03-03' }));
    const opened = await omar('POST', '/cases', { personId, tasks: [...sameDay, { kind: 'service', title: 'Legal counselling', dueDate: '2027-03-10' }] });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    caseId = (opened.body as { id: string }).id;
    caseNumber = (opened.body as { caseNumber: string }).caseNumber;
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await install?.stop();
  });

  async function signIn(user: { email: string; password: string }, landing: string): Promise<Page> {
    // Its own context (cookies), so a second tab of the same user can be opened from it.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(install.server.url);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('email').fill(user.email);
    await page.getByTestId('password').fill(user.password);
    await page.getByTestId('sign-in').click();
    await page.getByTestId(landing).waitFor();
    return page;
  }

  it('shows the supervisor whose case it is, and assigns it to a caseworker chosen by load; a stale page is told plainly', async () => {
    const page = await signIn(supervisor, 'nav-supervision');
    // A printed summary is on the timeline as words, not `case.print`.
    expect(await page.evaluate(async (id) => (await fetch(`/api/v1/cases/${id}/summary.pdf?lang=en&tz=UTC`)).status, caseId)).toBe(200);
    await page.goto(`${install.server.url}/cases/${caseId}`);
    await expect.poll(() => page.getByTestId('case-heading').innerText()).toBe('Case of Selam Tesfaye');
    expect(await page.getByTestId('case-number').innerText()).toBe(`Case number ${caseNumber}`);
    await expect.poll(() => page.getByTestId('case-assignee').innerText()).toBe('Assigned to Omar Khalil');

    // The timeline: five tasks due on 3 March are one line, opened on demand; no raw keys anywhere.
    const due = page.getByTestId('timeline-due');
    await expect.poll(() => due.count()).toBe(2);
    expect(await due.nth(0).getAttribute('data-count')).toBe('5');
    expect(await due.nth(0).locator('summary').innerText()).toBe('5 tasks due on 3 Mar 2027');
    await due.nth(0).locator('summary').click();
    await expect.poll(() => due.nth(0).innerText()).toContain('Follow-up: Call the school');
    expect(await due.nth(1).innerText()).toBe('Task due on 10 Mar 2027 · Service: Legal counselling');
    await expect.poll(() => page.getByTestId('timeline').innerText()).toContain('Printed · Case summary · by Rana Haddad');
    expect(await page.getByTestId('timeline').innerText()).toContain('Case opened · by Omar Khalil');
    expect(await page.getByTestId('timeline').innerText()).not.toMatch(RAW_KEY);
    await page.getByTestId('timeline').screenshot({ path: join(SCREENSHOTS, 'case-timeline-en.png') });

    // A second tab on the same case, read before the assignment: it will be stale.
    const stale = await page.context().newPage();
    await stale.goto(`${install.server.url}/cases/${caseId}`);
    await stale.getByTestId('case-heading').waitFor();

    await page.getByTestId('assign-case-open').click();
    const workers = page.getByTestId('assign-worker');
    await expect.poll(() => workers.count()).toBeGreaterThanOrEqual(3);
    const lina = workers.filter({ hasText: 'Lina Saade' });
    const omarRow = workers.filter({ hasText: 'Omar Khalil' });
    // Each worker's load from the workload ledger: Omar holds this case and its six tasks.
    expect((await omarRow.locator('td').allInnerTexts()).map((text) => text.trim())).toEqual(['1', '6', '0']);
    expect((await lina.locator('td').allInnerTexts()).map((text) => text.trim())).toEqual(['0', '0', '0']);
    expect(await omarRow.innerText()).toContain('assigned now');
    await lina.getByRole('radio').check();
    await page.screenshot({ path: join(SCREENSHOTS, 'case-assign-en.png'), fullPage: true });
    await page.getByTestId('assign-case').screenshot({ path: join(SCREENSHOTS, 'case-assign-panel-en.png') });
    await page.getByTestId('assign-case-save').click();
    await expect.poll(() => page.getByTestId('case-assignee').innerText()).toBe('Assigned to Lina Saade');
    await expect.poll(() => page.getByTestId('timeline').innerText()).toContain('Assigned · to Lina Saade · previously Omar Khalil · by Rana Haddad');

    // The stale tab names the version it read: refused with a message that says what to do.
    await stale.getByTestId('assign-case-open').click();
    await stale.getByTestId('assign-worker').filter({ hasText: 'Rana Haddad' }).getByRole('radio').check();
    await stale.getByTestId('assign-case-save').click();
    await expect.poll(() => stale.getByTestId('assign-conflict').innerText()).toContain('Someone changed this case while you were choosing');
    await stale.screenshot({ path: join(SCREENSHOTS, 'case-assign-conflict-en.png'), fullPage: true });
    await stale.getByTestId('assign-conflict').getByRole('button').click();
    await expect.poll(() => stale.getByTestId('case-assignee').innerText()).toBe('Assigned to Lina Saade');
    await stale.close();

    // In Arabic, right to left: the same case, named, and the worker list with its loads.
    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => page.getByTestId('case-heading').innerText()).toBe('حالة Selam Tesfaye');
    await expect.poll(() => page.getByTestId('case-assignee').innerText()).toBe('مسندة إلى Lina Saade');
    expect(await page.getByTestId('timeline').innerText()).toContain('مهام مستحقة في');
    expect(await page.getByTestId('timeline').innerText()).not.toMatch(RAW_KEY);
    await page.getByTestId('assign-case-open').click();
    await expect.poll(() => page.getByTestId('assign-workers').innerText()).toContain('الحالات المفتوحة');
    await page.screenshot({ path: join(SCREENSHOTS, 'case-assign-ar.png'), fullPage: true });
    await page.getByTestId('assign-case').screenshot({ path: join(SCREENSHOTS, 'case-assign-panel-ar.png') });
    await page.getByTestId('timeline').screenshot({ path: join(SCREENSHOTS, 'case-timeline-ar.png') });

    // People are assigned the same way, from the person page.
    await page.getByTestId('lang-en').click();
    await page.goto(`${install.server.url}/people/${personId}`);
    await page.getByTestId('assign-person-open').click();
    await page.getByTestId('assign-person').getByTestId('assign-worker').filter({ hasText: 'Lina Saade' }).getByRole('radio').check();
    await page.getByTestId('assign-person-save').click();
    await expect.poll(() => page.getByTestId('assign-person-done').innerText()).toBe('Assigned to Lina Saade.');

    // The resettlement queue names each case: the person and the number, not only its priority.
    const today = new Date().toISOString().slice(0, 10);
    const low = { level: 'low', reasons: [] };
    const assessed = await rana('PUT', `/cases/${caseId}/durable-solutions`, {
      assessedOn: today,
      solutions: {
        voluntary_repatriation: { status: 'not_feasible', wish: 'does_not_wish', traffickingRisk: { level: 'high', reasons: ['return_area_controlled_by_traffickers'] } },
        local_integration: { status: 'not_feasible', wish: 'undecided', traffickingRisk: low },
        resettlement: { status: 'feasible', wish: 'wishes', traffickingRisk: low },
      },
    });
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
    const queued = await rana('PUT', `/cases/${caseId}/resettlement`, { primary: 'legal_physical_protection', secondary: null, priority: 'urgent' });
    expect(queued.status, JSON.stringify(queued.body)).toBe(200);
    await page.getByTestId('nav-resettlement').click();
    const entry = page.getByTestId('queue-entry').filter({ hasText: caseNumber });
    await expect.poll(() => entry.count()).toBe(1);
    expect(await entry.getByTestId('case-name').innerText()).toBe(`Selam Tesfaye · ${caseNumber}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'resettlement-queue-named-en.png'), fullPage: true });
    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => entry.innerText()).toContain('عاجلة');
    await page.screenshot({ path: join(SCREENSHOTS, 'resettlement-queue-named-ar.png'), fullPage: true });
    await page.context().close();
  });

  it('lets the caseworker find the case by its number and see it named in My work', async () => {
    const page = await signIn(second, 'nav-my-work');
    await page.getByTestId('nav-my-work').click();
    // A typo is said plainly before anything is asked of the server.
    await page.getByTestId('go-to-case').fill('not-a-number');
    await page.getByTestId('go-to-case').press('Enter');
    await expect.poll(() => page.locator('#go-to-case-problem').innerText()).toContain('looks like');
    // Typed as people do: lower case, spaces around it.
    await page.getByTestId('go-to-case').fill(`  ${caseNumber.toLowerCase()} `);
    await page.getByTestId('go-to-case').press('Enter');
    await expect.poll(() => page.getByTestId('case-heading').innerText()).toBe('Case of Selam Tesfaye');
    expect(page.url()).toContain(caseId);
    await page.getByTestId('task-kind').selectOption('follow_up');
    await page.getByTestId('task-title').fill('Meet Selam at the community centre');
    await page.getByTestId('task-due').fill('2027-02-01');
    await page.getByTestId('task-submit').click();
    await expect.poll(() => page.getByTestId('case-tasks').innerText()).toContain('community centre');

    await page.getByTestId('nav-my-work').click();
    const item = page.getByTestId('work-item').filter({ hasText: 'community centre' });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getByTestId('case-name').innerText()).toBe(`Selam Tesfaye · ${caseNumber}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'my-work-named-en.png'), fullPage: true });
    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => page.getByTestId('go-to-case').locator('xpath=..').innerText()).toContain('الانتقال إلى رقم حالة');
    expect(await item.getByTestId('case-name').innerText()).toBe(`Selam Tesfaye · ${caseNumber}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'my-work-named-ar.png'), fullPage: true });
    await page.context().close();
  });

  it('shows the auditor the assignment with names and labelled details, not ids and JSON', async () => {
    const page = await signIn(auditor, 'nav-audit');
    await page.getByTestId('nav-audit').click();
    await page.getByTestId('audit-action').fill('case.assign');
    await page.getByTestId('audit-search').click();
    const row = page.locator('[data-testid="audit-row"][data-action="case.assign"]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('audit-row-actor').innerText()).toBe('Rana Haddad');
    const details = await row.getByTestId('audit-details').innerText();
    expect(details).toMatch(/Before:\s*Omar Khalil\s*After:\s*Lina Saade/);
    expect(details).not.toContain('{');
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-names-en.png'), fullPage: true });
    await page.getByTestId('lang-ar').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => row.getByTestId('audit-details').innerText()).toMatch(/قبل:\s*Omar Khalil/);
    expect(await row.getByTestId('audit-details').innerText()).toMatch(/بعد:\s*Lina Saade/);
    await page.screenshot({ path: join(SCREENSHOTS, 'audit-names-ar.png'), fullPage: true });

    // The person's assignment, too.
    await page.getByTestId('lang-en').click();
    await page.getByTestId('audit-action').fill('person.assign');
    await page.getByTestId('audit-search').click();
    const personRow = page.locator('[data-testid="audit-row"][data-action="person.assign"]');
    await expect.poll(() => personRow.count()).toBe(1);
    expect(await personRow.getByTestId('audit-row-actor').innerText()).toBe('Rana Haddad');
    expect(await personRow.getByTestId('audit-details').innerText()).toMatch(/Before:\s*Omar Khalil\s*After:\s*Lina Saade/);
    await page.context().close();
  });
});
