import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const LOW = { level: 'low', reasons: [] };
const ASSESSED = {
  assessedOn: '2026-05-01',
  solutions: {
    voluntary_repatriation: { status: 'not_feasible', wish: 'does_not_wish', traffickingRisk: { level: 'high', reasons: ['return_area_controlled_by_traffickers'] } },
    local_integration: { status: 'not_feasible', wish: 'undecided', traffickingRisk: LOW },
    resettlement: { status: 'feasible', wish: 'wishes', traffickingRisk: LOW },
  },
};

interface Problem {
  code: string;
  errors?: { path: string; code: string }[];
}
interface Step {
  id: string;
  status: string;
  version: number;
  childrenLeftBehind: { childId: string; arrangementType: string; decisionRecorded: boolean }[];
}
interface QueueBody {
  total: number;
  entries: { position: number; caseId: string; caseNumber: string; subjectName: string | null; priority: string; reasons: Record<string, unknown>; explanation: { en: string; ar: string } }[];
}

describe.each(databaseTargets())('durable solutions and resettlement on $name PostgreSQL', (target) => {
  let app: TestApp;
  let clock = new Date('2026-06-01T09:00:00Z');
  let officer: Client;
  let caseworker: Client;
  let otherAgencyOfficer: Client;

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => clock });
    officer = await app.as('protection_officer');
    caseworker = await app.as('caseworker');
    const agencyB = await app.createAgency({ kind: 'anti_trafficking' });
    otherAgencyOfficer = await app.as('protection_officer', undefined, { agencyId: agencyB });
  });
  afterAll(() => app.close());

  const count = async (sql: string, params: unknown[] = []) => Number((await app.database.pool.query<{ n: string }>(sql, params)).rows[0]!.n);
  const written = async () => ({
    assessments: await count('select count(*) as n from durable_solution_assessments'),
    submissions: await count('select count(*) as n from resettlement_submissions'),
    steps: await count('select count(*) as n from solution_steps'),
    audit: await count(`select count(*) as n from audit_events where action like 'solution%' or action like 'resettlement.confirm'`),
  });

  /** A consenting adult who arrived six years before the clock, with a case held by the officer. */
  const caseFor = async (name = 'Hala') => {
    const created = await officer.request('POST', '/api/v1/persons', { givenName: name, familyName: 'Solutions', sex: 'female', birthYear: 1990, arrivalDate: '2020-03-01' });
    expect(created.status).toBe(201);
    const personId = (created.body as { id: string }).id;
    await giveConsent(officer, personId);
    const opened = await officer.request('POST', '/api/v1/cases', { personId });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    return { personId, caseId: (opened.body as { id: string }).id };
  };
  const assess = async (caseId: string, body: unknown = ASSESSED) => officer.request('PUT', `/api/v1/cases/${caseId}/durable-solutions`, body);

  it('records the three solutions with the trafficking risk of each, and years in displacement from arrival', async () => {
    const { caseId } = await caseFor();
    const before = await officer.request('GET', `/api/v1/cases/${caseId}/durable-solutions`);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ caseId, yearsInDisplacement: 6, protracted: true, assessment: null });

    const saved = await assess(caseId);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ assessment: { version: 1, solutions: { resettlement: { status: 'feasible' } } } });
    const again = await assess(caseId);
    expect(again.status).toBe(409);
    expect(await assess(caseId, { ...ASSESSED, version: 1 })).toMatchObject({ status: 200, body: { assessment: { version: 2 } } });
  });

  it('refuses an assessed solution without its trafficking risk, and other bad input, with paths; nothing written', async () => {
    const { caseId } = await caseFor();
    const before = await written();
    const noRisk = await assess(caseId, { ...ASSESSED, solutions: { ...ASSESSED.solutions, resettlement: { status: 'feasible', wish: 'wishes', traffickingRisk: null } } });
    expect(noRisk.status).toBe(400);
    expect((noRisk.body as Problem).errors).toContainEqual(expect.objectContaining({ code: 'risk_required', path: '/solutions/resettlement/traffickingRisk' }));
    const forced = await assess(caseId, { ...ASSESSED, solutions: { ...ASSESSED.solutions, voluntary_repatriation: { status: 'preferred', wish: 'does_not_wish', traffickingRisk: LOW } } });
    expect(forced.status).toBe(400);
    expect((forced.body as Problem).errors).toContainEqual(expect.objectContaining({ code: 'repatriation_not_voluntary', path: '/solutions/voluntary_repatriation/status' }));
    const unknownReason = await assess(caseId, { ...ASSESSED, solutions: { ...ASSESSED.solutions, resettlement: { status: 'feasible', wish: 'wishes', traffickingRisk: { level: 'medium', reasons: ['nonsense'] } } } });
    expect((unknownReason.body as Problem).errors).toContainEqual(expect.objectContaining({ code: 'unknown_risk_reason', path: '/solutions/resettlement/traffickingRisk/reasons/0' }));
    expect((await assess(caseId, { ...ASSESSED, assessedOn: '2027-01-01' })).status).toBe(400);
    expect((await officer.request('POST', `/api/v1/cases/${caseId}/solution-steps`, { kind: 'teleport' })).status).toBe(400);
    expect(await written()).toEqual(before);
  });

  it('suggests categories with reasons and confirms the choice of a named person; other solutions first (409), bad choices 400', async () => {
    const { caseId } = await caseFor();
    const before = await written();
    expect((await officer.request('GET', `/api/v1/cases/${caseId}/resettlement`)).body).toEqual({ caseId, submission: null });
    const early = await officer.request('PUT', `/api/v1/cases/${caseId}/resettlement`, { primary: 'legal_physical_protection', secondary: null, priority: 'urgent' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'other_solutions_not_considered', errors: [{ path: '/assessment' }] });
    expect(await written()).toEqual(before);

    expect((await assess(caseId)).status).toBe(200);
    const suggested = await officer.request('GET', `/api/v1/cases/${caseId}/resettlement/suggestions`);
    expect(suggested.status).toBe(200);
    const lack = (suggested.body as { suggestions: { category: string; usualRole: string; reasons: { rule: string; en: string }[] }[] }).suggestions.find(
      (s) => s.category === 'lack_of_alternative_solutions',
    );
    expect(lack).toMatchObject({ usualRole: 'secondary', reasons: [{ rule: 'protracted_without_alternative' }] });

    const afterAssess = await written();
    const same = await officer.request('PUT', `/api/v1/cases/${caseId}/resettlement`, { primary: 'medical_needs', secondary: 'medical_needs', priority: 'normal' });
    expect(same.status).toBe(400);
    expect((same.body as Problem).errors).toContainEqual(expect.objectContaining({ code: 'categories_must_differ', path: '/secondary' }));
    expect((await officer.request('PUT', `/api/v1/cases/${caseId}/resettlement`, { primary: 'wealth', secondary: null, priority: 'normal' })).status).toBe(400);
    expect(await written()).toEqual(afterAssess);

    const confirmed = await officer.request('PUT', `/api/v1/cases/${caseId}/resettlement`, { primary: 'legal_physical_protection', secondary: 'lack_of_alternative_solutions', priority: 'urgent' });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    expect(confirmed.body).toMatchObject({
      primary: { category: 'legal_physical_protection', source: 'chosen' },
      secondary: { category: 'lack_of_alternative_solutions', source: 'suggested', reasons: [{ rule: 'protracted_without_alternative' }] },
      priority: 'urgent',
      confirmedBy: officer.userId,
      waitingSince: '2026-06-01',
      version: 1,
    });
    expect((await officer.request('GET', `/api/v1/cases/${caseId}/resettlement`)).body).toMatchObject({ caseId, submission: { priority: 'urgent', version: 1 } });
    // A caseworker holds no resettlement verbs.
    expect((await caseworker.request('GET', `/api/v1/cases/${caseId}/durable-solutions`)).status).toBe(403);
  });

  it('orders the queue by priority, then risk, then time waiting, and explains each position; paged', async () => {
    const confirm = async (caseId: string, priority: string, day: string) => {
      clock = new Date(`${day}T09:00:00Z`);
      expect((await assess(caseId)).status).toBe(200);
      const put = await officer.request('PUT', `/api/v1/cases/${caseId}/resettlement`, { primary: 'legal_physical_protection', secondary: null, priority });
      expect(put.status, JSON.stringify(put.body)).toBe(200);
    };
    const a = await caseFor('Early');
    const b = await caseFor('Later');
    const c = await caseFor('Emergency');
    await confirm(a.caseId, 'normal', '2026-06-02');
    await confirm(b.caseId, 'normal', '2026-06-20');
    await confirm(c.caseId, 'emergency', '2026-06-25');
    clock = new Date('2026-07-01T09:00:00Z');

    const queue = await officer.request('GET', '/api/v1/resettlement-queue?limit=200');
    expect(queue.status).toBe(200);
    const body = queue.body as QueueBody;
    const mine = body.entries.filter((e) => [a.caseId, b.caseId, c.caseId].includes(e.caseId));
    expect(mine.map((e) => e.caseId)).toEqual([c.caseId, a.caseId, b.caseId]);
    expect(body.entries.map((e) => e.position)).toEqual(body.entries.map((_, i) => i + 1));
    const [emergency, early, later] = mine;
    // Each place names its case: the person's name and the case number, as the case page does.
    expect(mine.map((e) => e.subjectName)).toEqual(['Emergency Solutions', 'Early Solutions', 'Later Solutions']);
    for (const entry of mine) expect(entry.caseNumber).toMatch(/-C-\d{4}-\d{6,}$/);
    expect(emergency!.explanation.en).toContain('emergency priority');
    expect(early!.explanation.en).toMatch(/waiting/);
    expect(emergency!.position).toBe(1);
    expect(emergency!.reasons.aheadOfNextBecause).toBe('priority');
    expect(later!.position).toBe(early!.position + 1);
    expect(later!.reasons.behindPreviousBecause).toBe('waiting');
    expect(later!.explanation.ar.length).toBeGreaterThan(0);

    const page = await officer.request('GET', `/api/v1/resettlement-queue?offset=1&limit=1`);
    expect(page.body).toMatchObject({ total: body.total, entries: [{ position: 2, caseId: body.entries[1]!.caseId }] });
    expect((await officer.request('GET', '/api/v1/resettlement-queue?limit=0')).status).toBe(400);

    // Another agency's officer sees none of these cases.
    const theirs = (await otherAgencyOfficer.request('GET', '/api/v1/resettlement-queue')).body as QueueBody;
    expect(theirs.entries.filter((e) => [a.caseId, b.caseId, c.caseId].includes(e.caseId))).toEqual([]);
    clock = new Date('2026-06-01T09:00:00Z');
  });

  it('no child left behind: a fostered niece is flagged, completion refused naming her until her own BID on the step', async () => {
    const household = await officer.request('POST', '/api/v1/households', {
      members: [
        { givenName: 'Mona', familyName: 'Family', sex: 'female', birthYear: 1985, relationshipToHead: 'head', arrivalDate: '2019-01-10' },
        { givenName: 'Sami', familyName: 'Family', sex: 'male', birthYear: 2015, relationshipToHead: 'child' },
      ],
    });
    expect(household.status, JSON.stringify(household.body)).toBe(201);
    const { id: householdId, members } = household.body as { id: string; members: { id: string }[] };
    const carerId = members[0]!.id;
    for (const member of members) await giveConsent(officer, member.id);
    const niece = await officer.request('POST', '/api/v1/persons', { givenName: 'Lina', familyName: 'Niece', sex: 'female', birthYear: 2016 });
    expect(niece.status).toBe(201);
    const nieceId = (niece.body as { id: string }).id;
    // The care arrangement (migration 0014) is written directly: this file tests the step, not the children API.
    await app.database.pool.query(
      `insert into care_arrangements (operation_id, id, person_id, kind, carer_person_id, started_on) values ($1, $2, $3, 'foster', $4, '2023-04-01')`,
      [app.operationId, uuidv7(), nieceId, carerId],
    );
    const opened = await officer.request('POST', '/api/v1/cases', { householdId });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const caseId = (opened.body as { id: string }).id;

    const planned = await officer.request('POST', `/api/v1/cases/${caseId}/solution-steps`, { kind: 'resettlement' });
    expect(planned.status, JSON.stringify(planned.body)).toBe(201);
    const step = planned.body as Step;
    // Her cousin is on the case; she is not, so she alone is flagged.
    expect(step.childrenLeftBehind).toEqual([expect.objectContaining({ childId: nieceId, arrangementType: 'foster', decisionRecorded: false })]);
    expect((await officer.request('GET', `/api/v1/cases/${caseId}/solution-steps`)).body).toMatchObject({
      items: [{ id: step.id, status: 'planned', childrenLeftBehind: [{ childId: nieceId, decisionRecorded: false }] }],
    });

    const progressed = await officer.request('PATCH', `/api/v1/solution-steps/${step.id}`, { status: 'in_progress', version: step.version });
    expect(progressed.status).toBe(200);
    const inProgress = progressed.body as Step;
    expect(inProgress.childrenLeftBehind.map((c) => c.childId)).toEqual([nieceId]);

    const auditBefore = await count(`select count(*) as n from audit_events where action = 'solution_step.completed'`);
    const refused = await officer.request('PATCH', `/api/v1/solution-steps/${step.id}`, { status: 'completed', version: inProgress.version });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'child_decision_required', errors: [{ path: `/children/${nieceId}`, code: 'child_decision_required' }] });
    expect(await count(`select count(*) as n from solution_steps where id = $1 and status = 'in_progress'`, [step.id])).toBe(1);
    expect(await count(`select count(*) as n from audit_events where action = 'solution_step.completed'`)).toBe(auditBefore);

    // Her own BID on this step (recorded directly in migration 0014's table; it recommends she goes with her carer).
    await app.database.pool.query(
      `insert into best_interests_determinations (operation_id, id, person_id, panel, assessment_date, child_views_kind, recommendation, decision_date, solution_step_ref, review_due_on, review_due_reason)
       values ($1, $2, $3, '[]'::jsonb, '2026-05-20', 'agrees', 'resettlement', '2026-05-28', $4, '2026-11-28', 'interval')`,
      [app.operationId, uuidv7(), nieceId, step.id],
    );
    // Listed with the case, the flag now says her decision is recorded.
    const listed = await officer.request('GET', `/api/v1/cases/${caseId}/solution-steps`);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ items: [{ id: step.id, status: 'in_progress', childrenLeftBehind: [{ childId: nieceId, decisionRecorded: true }] }] });
    const completed = await officer.request('PATCH', `/api/v1/solution-steps/${step.id}`, { status: 'completed', version: inProgress.version });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    // The case's timeline tells what was done, not who read it (reads are in the audit trail).
    expect((await officer.request('GET', `/api/v1/cases/${caseId}/resettlement/suggestions`)).status).toBe(200);
    const timeline = ((await officer.request('GET', `/api/v1/cases/${caseId}`)).body as { timeline: { kind: string }[] }).timeline.map((entry) => entry.kind);
    expect(timeline).toEqual(expect.arrayContaining(['solution_step.plan', 'solution_step.in_progress', 'solution_step.completed']));
    expect(timeline.filter((kind) => kind.endsWith('.view'))).toEqual([]);
    expect(completed.body).toMatchObject({ status: 'completed' });
    expect((await officer.request('PATCH', `/api/v1/solution-steps/${step.id}`, { status: 'in_progress', version: (completed.body as Step).version })).status).toBe(409);
  });

  it("keeps another agency's case out of reach: 404, nothing written", async () => {
    const { caseId } = await caseFor();
    const planned = await officer.request('POST', `/api/v1/cases/${caseId}/solution-steps`, { kind: 'relocation' });
    expect(planned.status).toBe(201);
    const before = await written();
    expect((await otherAgencyOfficer.request('GET', `/api/v1/cases/${caseId}/durable-solutions`)).status).toBe(404);
    expect((await otherAgencyOfficer.request('PUT', `/api/v1/cases/${caseId}/durable-solutions`, ASSESSED)).status).toBe(404);
    expect((await otherAgencyOfficer.request('GET', `/api/v1/cases/${caseId}/resettlement/suggestions`)).status).toBe(404);
    expect((await otherAgencyOfficer.request('GET', `/api/v1/cases/${caseId}/resettlement`)).status).toBe(404);
    expect((await otherAgencyOfficer.request('GET', `/api/v1/cases/${caseId}/solution-steps`)).status).toBe(404);
    expect((await otherAgencyOfficer.request('PUT', `/api/v1/cases/${caseId}/resettlement`, { primary: 'legal_physical_protection', secondary: null, priority: 'normal' })).status).toBe(404);
    expect((await otherAgencyOfficer.request('POST', `/api/v1/cases/${caseId}/solution-steps`, { kind: 'relocation' })).status).toBe(404);
    expect((await otherAgencyOfficer.request('PATCH', `/api/v1/solution-steps/${(planned.body as Step).id}`, { status: 'cancelled', version: 1 })).status).toBe(404);
    expect(await written()).toEqual(before);
  });
});
