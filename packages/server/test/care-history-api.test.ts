import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

interface Problem {
  code: string;
  errors?: { path: string; code: string }[];
}
interface Arrangement {
  id: string;
  kind: string;
  startDate: string;
  endDate: string | null;
  version: number;
  corrections: { reason: string; previous: { kind: string; carer: unknown; startDate: string } }[];
  nextReview?: { dueDate: string; reason: string } | null;
  closed?: Arrangement | null;
}
interface Bia {
  id: string;
  version: number;
  content: Record<string, string | null> | null;
  withheldSections: string[];
}

const CONCERNS = 'ConcernsCanary: approached by a recruiter at the market';
const REASON = 'Recorded the neighbour by mistake; the carer is her aunt';

/**
 * Issue 13 §1: a child's care arrangements as a history (a new one ends the open one, an
 * end, a correction with its reason kept), carers under 18 only in child-headed households,
 * the BIA's sealed sections, a BID only on the child's own move, and My work's deadlines.
 */
describe.each(databaseTargets())('care history, BIA sections and moves on $name PostgreSQL', (target) => {
  let app: TestApp;
  const clock = new Date('2026-06-01T09:00:00Z');
  let caseworker: Client;
  let colleague: Client;
  let supervisor: Client;

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => clock });
    caseworker = await app.as('caseworker');
    colleague = await app.as('caseworker');
    supervisor = await app.as('supervisor');
  });
  afterAll(() => app.close());

  const count = async (sql: string) => Number((await app.database.pool.query<{ n: string }>(sql)).rows[0]!.n);
  const state = async () => ({
    arrangements: await app.database.pool.query('select id, kind, started_on::text, ended_on::text, version from care_arrangements order by id').then((r) => r.rows),
    corrections: await count('select count(*) as n from care_arrangement_corrections'),
    bids: await count('select count(*) as n from best_interests_determinations'),
    bias: await app.database.pool.query('select id, version, content_sealed from best_interests_assessments order by id').then((r) => r.rows),
    audit: await count('select count(*) as n from audit_events'),
  });
  const register = async (fields: Record<string, unknown>, by: Client = caseworker) => {
    const created = await by.request('POST', '/api/v1/persons', { givenName: 'Rana', familyName: 'Child', sex: 'female', ...fields });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return (created.body as { id: string }).id;
  };
  const child = () => register({ dateOfBirth: '2014-03-10', careSituation: 'separated' });
  const add = (childId: string, body: Record<string, unknown>, by: Client = caseworker) => by.request('POST', `/api/v1/persons/${childId}/care-arrangements`, body);
  const panel = ['u-1', 'u-2', 'u-3'].map((memberId) => ({ memberId, role: 'child_protection', confidentialityUndertakingSigned: true }));
  const bid = (recommendation: Record<string, unknown>) => ({ assessmentDate: '2026-05-20', decisionDate: '2026-05-25', panel, childViews: { kind: 'agrees' }, recommendation });

  it('a new arrangement ends the open one; ending and correcting keep the history, the reason and the review', async () => {
    const childId = await child();
    const neighbour = await register({ givenName: 'Neighbour', birthYear: 1975 });
    const aunt = await register({ givenName: 'Aunt', birthYear: 1980 });
    const first = await add(childId, { kind: 'foster', carer: { kind: 'person', personId: neighbour }, startDate: '2026-01-01' });
    expect(first.status).toBe(201);
    expect((await supervisor.request('POST', `/api/v1/persons/${childId}/bid`, bid({ kind: 'keep_care_arrangement' }))).status).toBe(201);

    const second = await add(childId, { kind: 'group_home', carer: { kind: 'carer_record', carerId: 'home-3' }, startDate: '2026-05-28' });
    expect(second.status, JSON.stringify(second.body)).toBe(201);
    const added = second.body as Arrangement;
    expect(added.closed).toMatchObject({ id: (first.body as Arrangement).id, endDate: '2026-05-28', version: 2 });
    expect(added.nextReview).toEqual({ dueDate: '2026-05-28', reason: 'care_arrangement_change' });

    // The first entry was wrong: the carer was the aunt, in kinship care. Corrected with why.
    const firstId = (first.body as Arrangement).id;
    const corrected = await caseworker.request('PUT', `/api/v1/care-arrangements/${firstId}`, {
      kind: 'kinship',
      carer: { kind: 'person', personId: aunt },
      startDate: '2026-01-01',
      endDate: '2026-05-28',
      reason: REASON,
      version: 2,
    });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    expect(corrected.body).toMatchObject({ kind: 'kinship', version: 3, corrections: [{ reason: REASON, previous: { kind: 'foster', carer: { kind: 'person', personId: neighbour }, startDate: '2026-01-01' } }] });
    const audit = await app.database.pool.query<{ action: string; details: string; reason: string | null }>(
      `select e.action, e.details::text as details, r.reason from audit_events e left join audit_reasons r using (chain, seq) where e.action = 'child.care_arrangement_correct'`,
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]!.reason).toBe(REASON);
    expect(audit.rows[0]!.details).not.toContain(REASON);

    // The group home ends on its own: leaving a carer is a change, the review is already due then.
    const ended = await caseworker.request('PATCH', `/api/v1/care-arrangements/${added.id}`, { endDate: '2026-06-20', version: added.version });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body).toMatchObject({ endDate: '2026-06-20', nextReview: { dueDate: '2026-05-28', reason: 'care_arrangement_change' } });

    const record = (await caseworker.request('GET', `/api/v1/persons/${childId}/best-interests`)).body as { arrangements: Arrangement[]; currentArrangement: Arrangement | null };
    expect(record.arrangements.map((a) => [a.kind, a.startDate, a.endDate, a.corrections.length])).toEqual([
      ['kinship', '2026-01-01', '2026-05-28', 1],
      ['group_home', '2026-05-28', '2026-06-20', 0],
    ]);
    expect(record.currentArrangement?.kind).toBe('group_home');
  });

  it('refuses bad input with a problem at the field, writing nothing', async () => {
    const childId = await child();
    const boy = await register({ givenName: 'Boy', dateOfBirth: '2016-01-01' });
    const sister = await register({ givenName: 'Sister', dateOfBirth: '2009-05-01' });
    const open = (await add(childId, { kind: 'kinship', carer: { kind: 'carer_record', carerId: 'aunt-1' }, startDate: '2026-01-01' })).body as Arrangement;
    const ended = (await add(childId, { kind: 'group_home', carer: { kind: 'carer_record', carerId: 'home' }, startDate: '2025-01-01', endDate: '2025-06-01' })).body as Arrangement;
    const cases: [string, string, unknown, number, string, string | undefined][] = [
      // A ten-year-old is not a foster carer; a sixteen-year-old heads a child-headed household (below).
      ['POST', `/api/v1/persons/${childId}/care-arrangements`, { kind: 'foster', carer: { kind: 'person', personId: boy }, startDate: '2026-05-01' }, 400, 'carer_is_a_child', '/carer/personId'],
      ['PUT', `/api/v1/care-arrangements/${open.id}`, { kind: 'foster', carer: { kind: 'person', personId: boy }, startDate: '2026-01-01', endDate: null, reason: 'r', version: open.version }, 400, 'carer_is_a_child', '/carer/personId'],
      ['POST', `/api/v1/persons/${childId}/care-arrangements`, { kind: 'foster', carer: { kind: 'carer_record', carerId: 'f' }, startDate: '2025-03-01', endDate: '2025-04-01' }, 400, 'overlapping_arrangements', '/startDate'],
      ['POST', `/api/v1/persons/${childId}/care-arrangements`, { kind: 'foster', carer: { kind: 'carer_record', carerId: 'f' }, startDate: '2025-12-01' }, 400, 'overlapping_arrangements', '/startDate'],
      ['POST', `/api/v1/persons/${childId}/care-arrangements`, { kind: 'foster', carer: { kind: 'carer_record', carerId: 'f' }, startDate: '2026-07-01', endDate: '2026-06-15' }, 400, 'dates_out_of_order', '/endDate'],
      ['POST', `/api/v1/persons/${childId}/care-arrangements`, { kind: 'foster', carer: { kind: 'carer_record', carerId: 'f' }, startDate: '2027-06-01' }, 400, 'date_in_future', '/startDate'],
      ['PATCH', `/api/v1/care-arrangements/${open.id}`, { endDate: '2025-12-01', version: open.version }, 400, 'dates_out_of_order', '/endDate'],
      ['PATCH', `/api/v1/care-arrangements/${ended.id}`, { endDate: '2025-07-01', version: ended.version }, 400, 'already_ended', '/endDate'],
      ['PATCH', `/api/v1/care-arrangements/${open.id}`, { endDate: '2026-05-01', version: open.version + 1 }, 409, 'version_conflict', undefined],
      ['PUT', `/api/v1/care-arrangements/${ended.id}`, { kind: 'group_home', carer: { kind: 'carer_record', carerId: 'home' }, startDate: '2025-01-01', endDate: '2026-02-01', reason: 'r', version: ended.version }, 400, 'overlapping_arrangements', '/startDate'],
      ['PUT', `/api/v1/care-arrangements/${ended.id}`, { kind: 'group_home', carer: { kind: 'carer_record', carerId: 'home' }, startDate: '2025-01-01', endDate: '2024-06-01', reason: 'r', version: ended.version }, 400, 'dates_out_of_order', '/endDate'],
      ['PUT', `/api/v1/care-arrangements/${ended.id}`, { kind: 'group_home', carer: { kind: 'carer_record', carerId: 'home' }, startDate: '2025-01-01', endDate: '2025-06-01', reason: '   ', version: ended.version }, 400, 'validation_failed', '/reason'],
    ];
    for (const [method, path, body, status, code, pointer] of cases) {
      const before = await state();
      const response = await caseworker.request(method, path, body);
      const problem = response.body as Problem;
      expect(response.status, `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(problem)}`).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      if (pointer !== undefined) expect(problem.errors?.map((e) => `${e.code} ${e.path}`), JSON.stringify(problem)).toContain(`${code === 'validation_failed' ? problem.errors![0]!.code : code} ${pointer}`);
      else expect(problem.code).toBe(code);
      expect(await state()).toEqual(before);
    }
    // A child heads a child-headed household: a carer under 18 is accepted there.
    const headed = await add(childId, { kind: 'child_headed_household', carer: { kind: 'person', personId: sister }, startDate: '2026-05-01' });
    expect(headed.status, JSON.stringify(headed.body)).toBe(201);
  });

  it('fuzzed ends and corrections either change the history consistently or are refused at a field, writing nothing', async () => {
    const childId = await child();
    const created = (await add(childId, { kind: 'kinship', carer: { kind: 'carer_record', carerId: 'aunt' }, startDate: '2025-06-01' })).body as Arrangement;
    let version = created.version;
    const day = fc.integer({ min: -500, max: 200 }).map((n) => new Date(Date.UTC(2026, 5, 1) + n * 86_400_000).toISOString().slice(0, 10));
    await fc.assert(
      fc.asyncProperty(day, fc.option(day, { nil: null }), fc.constantFrom('PUT', 'PATCH'), async (start, end, method) => {
        const before = await state();
        const body = method === 'PATCH' ? { endDate: end ?? start, version } : { kind: 'foster', carer: { kind: 'carer_record', carerId: 'f' }, startDate: start, endDate: end, reason: 'fuzz', version };
        const response = await caseworker.request(method, `/api/v1/care-arrangements/${created.id}`, body);
        if (response.status === 200) {
          version = (response.body as Arrangement).version;
          const row = (await app.database.pool.query<{ s: string; e: string | null }>('select started_on::text as s, ended_on::text as e from care_arrangements where id = $1', [created.id])).rows[0]!;
          expect(row.e === null || row.e > row.s).toBe(true);
          return;
        }
        expect(response.status, JSON.stringify(response.body)).toBe(400);
        expect((response.body as Problem).errors?.[0]?.path).toMatch(/^\/(startDate|endDate)$/);
        expect(await state()).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });

  it("a BIA's sections are sealed at rest and its protection concerns withheld from a reader without clearance", async () => {
    const childId = await child();
    const opened = (await caseworker.request('POST', `/api/v1/persons/${childId}/bia`, { urgency: '1_week', identifiedAt: '2026-05-30' })).body as Bia;
    const written = await caseworker.request('PUT', `/api/v1/bias/${opened.id}/content`, { situationAndCare: 'Lives with an aunt', protectionConcerns: CONCERNS, childViews: 'Wants to stay at school', needs: 'Schooling', recommendedActions: 'Home visit', version: opened.version });
    expect(written.status, JSON.stringify(written.body)).toBe(200);
    expect(written.body).toMatchObject({ version: opened.version + 1, content: { protectionConcerns: CONCERNS, needs: 'Schooling' }, withheldSections: [] });
    const stored = await app.database.pool.query<{ content_sealed: string }>('select content_sealed from best_interests_assessments where id = $1', [opened.id]);
    expect(stored.rows[0]!.content_sealed).toMatch(/^v1:/);
    expect(JSON.stringify(await app.database.pool.query('select details from audit_events'))).not.toContain('ConcernsCanary');

    const other = (await colleague.request('GET', `/api/v1/persons/${childId}/best-interests`)).body as { assessments: Bia[] };
    expect(JSON.stringify(other)).not.toContain('ConcernsCanary');
    expect(other.assessments[0]).toMatchObject({ content: { situationAndCare: 'Lives with an aunt', protectionConcerns: null, childViews: null }, withheldSections: ['protectionConcerns', 'childViews'] });

    const completed = await caseworker.request('PATCH', `/api/v1/bias/${opened.id}`, { completedAt: '2026-05-31', version: opened.version + 1 });
    expect(completed.status).toBe(200);
    const before = await state();
    const late = await caseworker.request('PUT', `/api/v1/bias/${opened.id}/content`, { needs: 'x', version: opened.version + 2 });
    expect(late.status).toBe(409);
    expect(await state()).toEqual(before);
  });

  it("a BID names only the child's own move, and the move completes once each flagged child has one; My work lists what waits", async () => {
    const household = await supervisor.request('POST', '/api/v1/households', {
      members: [{ givenName: 'Mona', familyName: 'Carer', sex: 'female', birthYear: 1985, relationshipToHead: 'head' }],
    });
    expect(household.status).toBe(201);
    const { id: householdId, members } = household.body as { id: string; members: { id: string }[] };
    await giveConsent(supervisor, members[0]!.id);
    const fostered = await register({ dateOfBirth: '2016-02-01', careSituation: 'foster_kinship_carer' }, supervisor);
    expect((await add(fostered, { kind: 'foster', carer: { kind: 'person', personId: members[0]!.id }, startDate: '2025-01-01' }, supervisor)).status).toBe(201);
    const opened = await supervisor.request('POST', '/api/v1/cases', { householdId });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const caseId = (opened.body as { id: string }).id;
    const step = (await supervisor.request('POST', `/api/v1/cases/${caseId}/solution-steps`, { kind: 'resettlement' })).body as { id: string; version: number };

    // Another child's case and its move: not this child's.
    const stranger = await register({ dateOfBirth: '2012-01-01', careSituation: 'unaccompanied' }, supervisor);
    await giveConsent(supervisor, stranger);
    const otherCase = (await supervisor.request('POST', '/api/v1/cases', { personId: stranger })).body as { id: string };
    const otherStep = (await supervisor.request('POST', `/api/v1/cases/${otherCase.id}/solution-steps`, { kind: 'relocation' })).body as { id: string };

    const mine = (await supervisor.request('GET', '/api/v1/children/my-deadlines')).body as { items: { kind: string; childId: string; solutionStepId: string | null }[] };
    expect(mine.items).toContainEqual(expect.objectContaining({ kind: 'bid', childId: fostered, solutionStepId: step.id }));

    for (const stepId of [otherStep.id, '01900000-0000-7000-8000-000000000000']) {
      const before = await state();
      const refused = await supervisor.request('POST', `/api/v1/persons/${fostered}/bid`, bid({ kind: 'resettlement', solutionStepId: stepId }));
      expect(refused.status).toBe(400);
      expect((refused.body as Problem).errors).toContainEqual(expect.objectContaining({ path: '/recommendation/solutionStepId', code: 'not_this_childs_move' }));
      expect(await state()).toEqual(before);
    }
    const refusedMove = await supervisor.request('PATCH', `/api/v1/solution-steps/${step.id}`, { status: 'completed', version: step.version });
    expect((refusedMove.body as Problem).code).toBe('child_decision_required');
    expect((await supervisor.request('POST', `/api/v1/persons/${fostered}/bid`, bid({ kind: 'resettlement', solutionStepId: step.id }))).status).toBe(201);
    const after = (await supervisor.request('GET', '/api/v1/children/my-deadlines')).body as { items: { kind: string; childId: string }[] };
    expect(after.items.filter((item) => item.kind === 'bid' && item.childId === fostered)).toEqual([]);
    expect(after.items).toContainEqual(expect.objectContaining({ kind: 'review', childId: fostered }));
    const done = await supervisor.request('PATCH', `/api/v1/solution-steps/${step.id}`, { status: 'completed', version: step.version });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
  });
});
