import type { RetentionReport } from '@waymark/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../src/use-cases/retention/run-retention';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const NOW = new Date('2026-06-15T10:00:00Z');
const TODAY = '2026-06-15';
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY);

/**
 * Issue 20 §3: retention used to look only at the person row, screenings, notes, consents,
 * programmes and workplace links, and anonymised a child with a two-day BIA and a care
 * arrangement recorded today. Every kind of protection work is activity now, and open
 * protection work is never cut short by a schedule.
 */
describe.each(databaseTargets())('retention spares active protection work on $name PostgreSQL', (target) => {
  let app: TestApp;
  let admin: Client;
  let caseworker: Client;
  let officer: Client;
  const ids: Record<string, string> = {};

  const register = async (key: string, fields: Record<string, unknown>) => {
    const created = await caseworker.request('POST', '/api/v1/persons', { givenName: `Person ${key}`, familyName: 'Test', sex: 'female', ...fields });
    expect(created.status).toBe(201);
    ids[key] = (created.body as { id: string }).id;
    return ids[key];
  };
  const openCase = async (personId: string) => {
    await giveConsent(caseworker, personId);
    const opened = await caseworker.request('POST', '/api/v1/cases', { personId });
    expect(opened.status).toBe(201);
    return (opened.body as { id: string }).id;
  };
  const db = () => app.database.db;

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => NOW });
    admin = await app.as('administrator');
    caseworker = await app.as('caseworker');
    officer = await app.as('child_protection_officer');
    const child = { dateOfBirth: '2014-03-10', careSituation: 'unaccompanied' };

    // The child: a two-day BIA and a care arrangement, both recorded today.
    const urgent = await register('urgentChild', child);
    expect((await caseworker.request('POST', `/api/v1/persons/${urgent}/bia`, { urgency: '2_days', identifiedAt: TODAY })).status).toBe(201);
    const carer = await register('carer', { birthYear: 1980 });
    expect((await caseworker.request('POST', `/api/v1/persons/${urgent}/care-arrangements`, { kind: 'kinship', carer: { kind: 'person', personId: carer }, startDate: TODAY })).status).toBe(201);

    // Open case, untouched for 400 days: still open protection work.
    await register('openCase', { birthYear: 1990 });
    await openCase(ids.openCase!);

    // A closed case whose task was updated 10 days ago: recent activity.
    await register('recentTask', { birthYear: 1990 });
    const taskCase = await openCase(ids.recentTask!);
    const task = await caseworker.request('POST', `/api/v1/cases/${taskCase}/tasks`, { kind: 'referral', title: 'Refer to legal aid' });
    expect(task.status).toBe(201);

    // A child whose BIA was completed long ago, with a BID: reviews go on until 18.
    const reviewed = await register('childWithBid', child);
    const bia = (await caseworker.request('POST', `/api/v1/persons/${reviewed}/bia`, { urgency: '30_days', identifiedAt: '2025-01-10' })).body as { id: string; version: number };
    expect((await caseworker.request('PATCH', `/api/v1/bias/${bia.id}`, { completedAt: '2025-01-20', version: bia.version })).status).toBe(200);
    const bid = await officer.request('POST', `/api/v1/persons/${reviewed}/bid`, {
      biaId: bia.id,
      assessmentDate: '2025-01-20',
      decisionDate: '2025-01-25',
      situation: { choosingDurableSolution: true, exceptionalTemporaryCare: false, mayBeSeparatedFromParentsAgainstTheirWill: false },
      panel: [
        { memberId: 'u-1', role: 'chair', confidentialityUndertakingSigned: true },
        { memberId: 'u-2', role: 'child_protection', confidentialityUndertakingSigned: true },
        { memberId: 'u-3', role: 'legal', confidentialityUndertakingSigned: true },
      ],
      childViews: { kind: 'agrees' },
      recommendation: { kind: 'keep_care_arrangement' },
    });
    expect(bid.status).toBe(201);

    // Closed case, all of it old: a candidate, its last activity the case itself.
    await register('staleCase', { birthYear: 1990 });
    await openCase(ids.staleCase!);
    // Nothing at all for 400 days: a candidate, its last activity the record.
    await register('stale', { birthYear: 1990 });

    // Back-date everything to 400 days ago, then bring back the recent task and today's
    // BIA and arrangement (written today through the API above).
    const old = ago(400);
    await db().updateTable('persons').set({ updated_at: old, created_at: old }).execute();
    // Consents are append-only; this test database may step around that to back-date them.
    await app.database.pool.query('alter table consents disable trigger consents_no_update');
    await db().updateTable('consents').set({ recorded_at: old, effective_at: old }).execute();
    await app.database.pool.query('alter table consents enable trigger consents_no_update');
    await db().updateTable('cases').set({ updated_at: old, created_at: old, opened_at: old }).execute();
    await db().updateTable('case_tasks').set({ updated_at: old, created_at: old }).execute();
    await db().updateTable('cases').set({ status: 'closed', closure_requested_at: ago(399), closure_requested_by: caseworker.userId!, closure_requested_reason: 'Done', closed_at: ago(399), closed_by: admin.userId! }).where('person_id', 'in', [ids.recentTask!, ids.staleCase!]).execute();
    await db().updateTable('case_tasks').set({ updated_at: ago(10) }).where('case_id', '=', taskCase).execute();
    await db()
      .updateTable('best_interests_assessments')
      .set({ updated_at: old, created_at: old })
      .where('person_id', '=', reviewed)
      .execute();
    await db().updateTable('best_interests_determinations').set({ created_at: old }).where('person_id', '=', reviewed).execute();
    const policy = await admin.request('PUT', `/api/v1/operations/${app.operationId}/retention`, { anonymiseInactiveAfterDays: 365, version: 0 });
    expect(policy.status).toBe(200);
  });
  afterAll(() => app.close());

  it('the dry run lists only the inactive, each with its reason and latest activity', async () => {
    const dryRun = await admin.request('GET', `/api/v1/operations/${app.operationId}/retention/dry-run`);
    expect(dryRun.status).toBe(200);
    const report = dryRun.body as RetentionReport;
    expect([...report.personIds].sort()).toEqual([ids.stale!, ids.staleCase!].sort());
    expect(report.total).toBe(2);
    const byPerson = Object.fromEntries(report.candidates.map((candidate) => [candidate.personId, candidate]));
    expect(byPerson[ids.stale!]).toEqual({ personId: ids.stale, reason: 'inactive', lastActivity: ago(400).toISOString(), lastActivityKind: 'record' });
    expect(byPerson[ids.staleCase!]).toEqual({ personId: ids.staleCase, reason: 'inactive', lastActivity: ago(399).toISOString(), lastActivityKind: 'case' });
  });

  it('a run anonymises those two and spares the urgent child, its carer, open cases, recent tasks and a child under review', async () => {
    const result = await runRetention(app.database.db, { dryRun: false, now: () => NOW });
    expect(result.operations[0]?.anonymised).toBe(2);
    const anonymised = (await db().selectFrom('persons').select('id').where('anonymised_at', 'is not', null).execute()).map((row) => row.id).sort();
    expect(anonymised).toEqual([ids.stale!, ids.staleCase!].sort());
    for (const spared of ['urgentChild', 'carer', 'openCase', 'recentTask', 'childWithBid']) {
      const row = await db().selectFrom('persons').select(['given_name', 'anonymised_at']).where('id', '=', ids[spared]!).executeTakeFirstOrThrow();
      expect({ spared, anonymisedAt: row.anonymised_at, givenName: row.given_name }).toEqual({ spared, anonymisedAt: null, givenName: `Person ${spared}` });
    }
  });

  it('an open best-interests assessment protects a child however old it is', async () => {
    await db().updateTable('best_interests_assessments').set({ updated_at: ago(800), created_at: ago(800) }).where('person_id', '=', ids.urgentChild!).execute();
    await db().updateTable('care_arrangements').set({ created_at: ago(800), started_on: '2024-01-01', ended_on: '2024-06-01' }).where('person_id', '=', ids.urgentChild!).execute();
    const report = (await admin.request('GET', `/api/v1/operations/${app.operationId}/retention/dry-run`)).body as RetentionReport;
    expect(report.personIds).not.toContain(ids.urgentChild);
    // The carer's arrangement has ended and nothing else is going on: the carer may go.
    expect(report.personIds).toContain(ids.carer);
  });
});
