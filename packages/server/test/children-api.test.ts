import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

interface Problem {
  status: number;
  code: string;
  errors?: { path: string; code: string }[];
}
interface BiaBody {
  id: string;
  urgency: string;
  suggestedUrgency: string;
  dueDate: string;
  completedAt: string | null;
  version: number;
}
interface BidBody {
  id: string;
  childViews: unknown;
  childViewsWithheld: boolean;
  reasonCodes: string[];
  reviewDueOn: string;
  reviewDueReason: string;
}
interface BestInterestsBody {
  assessments: BiaBody[];
  determinations: BidBody[];
  arrangements: { id: string; kind: string }[];
  currentArrangement: { id: string } | null;
  nextReview: { dueDate: string; reason: string } | null;
  suggestedUrgency: { urgency: string; because: string };
}

const VIEWS_CANARY = 'ChildViewsCanary';

describe.each(databaseTargets())("children's best interests on $name PostgreSQL", (target) => {
  let app: TestApp;
  const clock = new Date('2026-06-01T09:00:00Z');
  let caseworker: Client;
  let colleague: Client;
  let officer: Client;
  let supervisor: Client;
  let otherAgencySupervisor: Client;

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => clock });
    caseworker = await app.as('caseworker');
    colleague = await app.as('caseworker');
    officer = await app.as('child_protection_officer');
    supervisor = await app.as('supervisor');
    const agencyB = await app.createAgency({ kind: 'anti_trafficking' });
    otherAgencySupervisor = await app.as('supervisor', undefined, { agencyId: agencyB });
  });
  afterAll(() => app.close());

  const count = async (sql: string) => Number((await app.database.pool.query<{ n: string }>(sql)).rows[0]!.n);
  const rows = async () => ({
    bias: await count('select count(*) as n from best_interests_assessments'),
    bids: await count('select count(*) as n from best_interests_determinations'),
    arrangements: await count('select count(*) as n from care_arrangements'),
    audit: await count(`select count(*) as n from audit_events where action like 'child.%'`),
  });

  const register = async (fields: Record<string, unknown>, by: Client = caseworker) => {
    const created = await by.request('POST', '/api/v1/persons', { givenName: 'Nadia', familyName: 'Child', sex: 'female', ...fields });
    expect(created.status).toBe(201);
    return (created.body as { id: string }).id;
  };
  const child = () => register({ dateOfBirth: '2014-03-10', careSituation: 'unaccompanied' });
  const panel = [
    { memberId: 'u-1', role: 'chair', confidentialityUndertakingSigned: true },
    { memberId: 'u-2', role: 'child_protection', confidentialityUndertakingSigned: true },
    { memberId: 'u-3', role: 'legal', confidentialityUndertakingSigned: true },
  ];
  const bid = (extra: Record<string, unknown> = {}) => ({
    assessmentDate: '2026-05-20',
    decisionDate: '2026-05-25',
    situation: { choosingDurableSolution: true, exceptionalTemporaryCare: false, mayBeSeparatedFromParentsAgainstTheirWill: false },
    panel,
    childViews: { kind: 'disagrees', reasons: `${VIEWS_CANARY} wants to stay with her aunt` },
    recommendation: { kind: 'keep_care_arrangement' },
    ...extra,
  });

  it('a separated child: BIA with a suggested urgency, completed, BID with review, arrangement change brings the review forward', async () => {
    const childId = await child();
    const opened = await caseworker.request('POST', `/api/v1/persons/${childId}/bia`, { urgency: '2_days', identifiedAt: '2026-05-18' });
    expect(opened.status).toBe(201);
    const bia = opened.body as BiaBody;
    expect(bia).toMatchObject({ urgency: '2_days', suggestedUrgency: '1_week', dueDate: '2026-05-20', completedAt: null });

    const completed = await caseworker.request('PATCH', `/api/v1/bias/${bia.id}`, { completedAt: '2026-05-20', version: bia.version });
    expect(completed.status).toBe(200);
    expect((completed.body as BiaBody).completedAt).toBe('2026-05-20');

    // A caseworker assesses but does not decide.
    expect((await caseworker.request('POST', `/api/v1/persons/${childId}/bid`, bid())).status).toBe(403);
    const decided = await officer.request('POST', `/api/v1/persons/${childId}/bid`, bid({ biaId: bia.id }));
    expect(decided.status).toBe(201);
    const body = decided.body as BidBody;
    expect(body).toMatchObject({ reasonCodes: ['durable_solution_for_separated_child'], reviewDueOn: '2026-11-25', reviewDueReason: 'interval', childViewsWithheld: false });

    const aunt = await register({ givenName: 'Aunt', birthYear: 1980 });
    const first = await caseworker.request('POST', `/api/v1/persons/${childId}/care-arrangements`, { kind: 'kinship', carer: { kind: 'person', personId: aunt }, startDate: '2026-05-01', endDate: '2026-05-28' });
    expect(first.status).toBe(201);
    const second = await caseworker.request('POST', `/api/v1/persons/${childId}/care-arrangements`, { kind: 'foster', carer: { kind: 'carer_record', carerId: 'foster-family-17' }, startDate: '2026-05-28' });
    expect(second.status).toBe(201);
    expect((second.body as { nextReview: unknown }).nextReview).toEqual({ dueDate: '2026-05-28', reason: 'care_arrangement_change' });

    const listed = await caseworker.request('GET', `/api/v1/persons/${childId}/care-arrangements`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ current: { kind: 'foster' }, nextReview: { dueDate: '2026-05-28', reason: 'care_arrangement_change' } });

    const before = await rows();
    const record = await caseworker.request('GET', `/api/v1/persons/${childId}/best-interests`);
    expect(record.status).toBe(200);
    const read = record.body as BestInterestsBody;
    expect(read.assessments).toHaveLength(1);
    expect(read.determinations).toHaveLength(1);
    expect(read.arrangements).toHaveLength(2);
    expect(read.nextReview).toEqual({ dueDate: '2026-05-28', reason: 'care_arrangement_change' });
    expect((await rows()).audit).toBe(before.audit + 1);

    // The child's views are child-protection content: a colleague without clearance or need to know gets none.
    const other = await colleague.request('GET', `/api/v1/persons/${childId}/best-interests`);
    expect(other.status).toBe(200);
    expect(JSON.stringify(other.body)).not.toContain(VIEWS_CANARY);
    expect((other.body as BestInterestsBody).determinations[0]).toMatchObject({ childViews: null, childViewsWithheld: true });
    expect(JSON.stringify(read)).toContain(VIEWS_CANARY); // the assigned caseworker has need to know

    // Audit rows hold codes, never the child's words.
    const details = await app.database.pool.query<{ d: string }>(`select details::text as d from audit_events where action like 'child.%'`);
    expect(details.rows.map((r) => r.d).join(' ')).not.toContain(VIEWS_CANARY);
  });

  it('refuses bad input with a problem and a path, writing nothing', async () => {
    const childId = await child();
    const adult = await register({ birthYear: 1990, careSituation: null });
    const aunt = await register({ givenName: 'Aunt', birthYear: 1980 });
    await caseworker.request('POST', `/api/v1/persons/${childId}/care-arrangements`, { kind: 'kinship', carer: { kind: 'person', personId: aunt }, startDate: '2026-01-01' });
    const opened = (await caseworker.request('POST', `/api/v1/persons/${childId}/bia`, { urgency: '30_days', identifiedAt: '2026-05-01' })).body as BiaBody;

    const cases: [Client, string, string, unknown, number, string, string | undefined][] = [
      [officer, 'POST', `/api/v1/persons/${childId}/bid`, bid({ panel: [] }), 400, 'validation_failed', '/panel'],
      [officer, 'POST', `/api/v1/persons/${childId}/bid`, bid({ childViews: null }), 400, 'validation_failed', '/childViews'],
      [officer, 'POST', `/api/v1/persons/${childId}/bid`, bid({ assessmentDate: '2026-05-26', decisionDate: '2026-05-25' }), 400, 'validation_failed', '/decisionDate'],
      [officer, 'POST', `/api/v1/persons/${adult}/bid`, bid(), 400, 'validation_failed', '/childId'],
      [caseworker, 'POST', `/api/v1/persons/${adult}/bia`, { urgency: '1_week', identifiedAt: '2026-05-01' }, 400, 'validation_failed', '/child'],
      [caseworker, 'POST', `/api/v1/persons/${childId}/care-arrangements`, { kind: 'foster', carer: { kind: 'carer_record', carerId: 'f-1' }, startDate: '2025-12-01' }, 400, 'validation_failed', '/startDate'],
      [caseworker, 'POST', `/api/v1/persons/${childId}/care-arrangements`, { kind: 'foster', carer: { kind: 'carer_record', carerId: 'f-1' }, startDate: '2026-05-01', endDate: '2026-04-01' }, 400, 'validation_failed', '/endDate'],
      [caseworker, 'PATCH', `/api/v1/bias/${opened.id}`, { completedAt: '2026-05-10', version: opened.version + 1 }, 409, 'version_conflict', undefined],
      [caseworker, 'PATCH', `/api/v1/bias/${opened.id}`, { completedAt: '2026-04-10', version: opened.version }, 400, 'validation_failed', '/completedAt'],
    ];
    for (const [client, method, path, body, status, code, pointer] of cases) {
      const before = await rows();
      const response = await client.request(method, path, body);
      const problem = response.body as Problem;
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(status);
      expect(problem.code).toBe(code);
      if (pointer !== undefined) expect(problem.errors?.map((e) => e.path), JSON.stringify(problem.errors)).toContain(pointer);
      expect(await rows()).toEqual(before);
    }
    const adultBid = await officer.request('POST', `/api/v1/persons/${adult}/bid`, bid());
    expect((adultBid.body as Problem).errors?.map((e) => e.code)).toContain('adult_not_child');
    const overlap = await caseworker.request('POST', `/api/v1/persons/${childId}/care-arrangements`, { kind: 'foster', carer: { kind: 'carer_record', carerId: 'f-1' }, startDate: '2025-12-01' });
    expect((overlap.body as Problem).errors?.map((e) => e.code)).toContain('overlapping_arrangements');
    const noPanel = await officer.request('POST', `/api/v1/persons/${childId}/bid`, bid({ panel: [] }));
    expect((noPanel.body as Problem).errors?.map((e) => e.code)).toContain('panel_required');
  });

  it("erasure removes the child's own words from a BID and keeps the decision", async () => {
    const childId = await child();
    expect((await officer.request('POST', `/api/v1/persons/${childId}/bid`, bid())).status).toBe(201);
    const admin = await app.as('administrator');
    const erased = await admin.request('POST', `/api/v1/persons/${childId}/erasure`, { reason: 'The guardian asked in writing on 2026-05-30', mode: 'anonymise' });
    expect(erased.status).toBe(200);
    const stored = await app.database.db.selectFrom('best_interests_determinations').selectAll().where('person_id', '=', childId).executeTakeFirstOrThrow();
    expect(stored.child_views_text).toBeNull();
    expect(stored.recommendation).toBe('keep_care_arrangement');
  });

  it("another agency's child is not found, whatever the route", async () => {
    const childId = await child();
    const opened = (await caseworker.request('POST', `/api/v1/persons/${childId}/bia`, { urgency: '1_week', identifiedAt: '2026-05-30' })).body as BiaBody;
    const before = await rows();
    for (const [method, path, body] of [
      ['GET', `/api/v1/persons/${childId}/best-interests`, undefined],
      ['GET', `/api/v1/persons/${childId}/care-arrangements`, undefined],
      ['POST', `/api/v1/persons/${childId}/bia`, { urgency: '1_week', identifiedAt: '2026-05-30' }],
      ['POST', `/api/v1/persons/${childId}/bid`, bid()],
      ['POST', `/api/v1/persons/${childId}/care-arrangements`, { kind: 'foster', carer: { kind: 'carer_record', carerId: 'f-2' }, startDate: '2026-05-01' }],
      ['PATCH', `/api/v1/bias/${opened.id}`, { completedAt: '2026-05-31', version: opened.version }],
    ] as const) {
      const response = await otherAgencySupervisor.request(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    expect(await rows()).toEqual(before);
  });

  it('lists overdue BIAs and reviews for supervisors, most overdue first, within scope only', async () => {
    const late = await child();
    const later = await child();
    const a = (await caseworker.request('POST', `/api/v1/persons/${late}/bia`, { urgency: '2_days', identifiedAt: '2026-05-01' })).body as BiaBody; // due 05-03
    const b = (await caseworker.request('POST', `/api/v1/persons/${later}/bia`, { urgency: '2_days', identifiedAt: '2026-05-20' })).body as BiaBody; // due 05-22
    const reviewed = await child();
    const decided = (await officer.request('POST', `/api/v1/persons/${reviewed}/bid`, bid({ assessmentDate: '2025-10-01', decisionDate: '2025-11-01' }))).body as BidBody; // review 2026-05-01

    expect((await caseworker.request('GET', '/api/v1/children/overdue')).status).toBe(403);
    const listed = await supervisor.request('GET', '/api/v1/children/overdue');
    expect(listed.status).toBe(200);
    const items = (listed.body as { items: { id: string; kind: string; daysOverdue: number }[] }).items;
    const ids = items.map((i) => i.id);
    expect(ids.indexOf(decided.id)).toBeLessThan(ids.indexOf(a.id));
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id));
    expect(items.find((i) => i.id === a.id)).toMatchObject({ kind: 'bia', daysOverdue: 29 });
    expect(items.find((i) => i.id === decided.id)).toMatchObject({ kind: 'review' });
    for (let i = 1; i < items.length; i++) expect(items[i - 1]!.daysOverdue).toBeGreaterThanOrEqual(items[i]!.daysOverdue);

    const outside = await otherAgencySupervisor.request('GET', '/api/v1/children/overdue');
    expect((outside.body as { items: unknown[] }).items).toEqual([]);
  });
});
