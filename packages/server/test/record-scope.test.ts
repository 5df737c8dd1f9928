import { inScope, mayOpenInformant, ROLES, SCOPES, type Actor, type Scope } from '@waymark/core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listWorkplaceReports } from '../src/db/labour-repository';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

interface Held {
  id: string;
  agencyId: string;
  teamId: string | null;
  assignedUserId: string | null;
}

const SGBV_ANSWERS = { sg_sexual_violence: 'yes_earlier', sg_coerced_by_person_with_power: 'yes_in_the_past' };

describe.each(databaseTargets())('record scope on $name PostgreSQL', (target) => {
  let app: TestApp;
  let agencyB: string;
  let teamA1: string;
  let teamA2: string;
  let teamB: string;
  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-15T10:00:00Z') });
    agencyB = await app.createAgency({ kind: 'anti_trafficking' });
    teamA1 = await app.createTeam(app.agencyId);
    teamA2 = await app.createTeam(app.agencyId);
    teamB = await app.createTeam(agencyB);
  });
  afterAll(() => app.close());

  it('lists and reads exactly what the rule book says, for every scope (SQL and core agree)', async () => {
    const workers = {
      a: await app.as('caseworker', undefined, { scope: 'own', teamIds: [teamA1] }),
      b: await app.as('caseworker', undefined, { scope: 'own', agencyId: agencyB, teamIds: [teamB] }),
    };
    // Holders in every combination, assignment inside the holding agency as the rules require.
    const holdings: Omit<Held, 'id'>[] = [];
    for (const teamId of [null, teamA1, teamA2]) for (const assigned of [null, workers.a.userId!]) holdings.push({ agencyId: app.agencyId, teamId, assignedUserId: assigned });
    for (const teamId of [null, teamB]) for (const assigned of [null, workers.b.userId!]) holdings.push({ agencyId: agencyB, teamId, assignedUserId: assigned });
    const held: Held[] = holdings.map((holding) => ({ id: uuidv7(), ...holding }));
    await app.database.db
      .insertInto('persons')
      .values(
        held.map((person, index) => ({
          operation_id: app.operationId,
          id: person.id,
          agency_id: person.agencyId,
          team_id: person.teamId,
          assigned_user_id: person.assignedUserId,
          given_name: 'Scoped',
          family_name: `Person ${index}`,
          sex: 'unknown',
          birth_year: 1990,
          birth_year_estimated: false,
          other_names: [],
          languages: [],
          documents: [],
        })),
      )
      .execute();

    // One case per person, held by the same agency, team and worker.
    const caseOf = new Map<string, string>();
    await app.database.db
      .insertInto('cases')
      .values(
        held.map((person) => {
          const id = uuidv7();
          caseOf.set(person.id, id);
          return {
            operation_id: app.operationId,
            id,
            person_id: person.id,
            agency_id: person.agencyId,
            team_id: person.teamId,
            assigned_user_id: person.assignedUserId,
            priority: 'medium',
          };
        }),
      )
      .execute();

    const cases: { label: string; client: Client; actor: Actor }[] = [];
    for (const scope of ['own', 'team', 'agency', 'operation'] as Scope[]) {
      for (const [agencyId, teamIds, userId] of [
        [app.agencyId, [teamA1], workers.a.userId!],
        [agencyB, [teamB], workers.b.userId!],
      ] as const) {
        // The same user ids as the assignees, so "own" is meaningful: re-scope them in place.
        await app.database.db.updateTable('users').set({ scope }).where('id', '=', userId).execute();
        const client = userId === workers.a.userId ? workers.a : workers.b;
        cases.push({
          label: `${scope} in ${agencyId === app.agencyId ? 'A' : 'B'}`,
          client,
          actor: { userId, role: 'caseworker', scope, agencyId, teamIds, operationIds: [app.operationId] },
        });
        const listed = (await client.request('GET', '/api/v1/persons?limit=200&name=scoped')).body as { items: { id: string }[] };
        const expected = held.filter((person) => inScope(cases.at(-1)!.actor, { operationId: app.operationId, ...person })).map((p) => p.id);
        expect(listed.items.map((item) => item.id).sort(), cases.at(-1)!.label).toEqual([...expected].sort());
        for (const person of held) {
          const read = await client.request('GET', `/api/v1/persons/${person.id}`);
          expect(read.status, `${cases.at(-1)!.label} reading ${JSON.stringify(person)}`).toBe(expected.includes(person.id) ? 200 : 404);
          // A case held like its person is reached exactly as the person is (the same SQL condition).
          const caseRead = await client.request('GET', `/api/v1/cases/${caseOf.get(person.id)}`);
          expect(caseRead.status, `${cases.at(-1)!.label} reading the case of ${JSON.stringify(person)}`).toBe(expected.includes(person.id) ? 200 : 404);
        }
      }
    }
  });

  it('a caseworker of agency A reaches no record of agency B by any path: 404, never 403 with details', async () => {
    const partner = await app.as('partner_caseworker', undefined, { agencyId: agencyB });
    const theirs = await partner.request('POST', '/api/v1/households', {
      members: [{ givenName: 'Hidden', familyName: 'Household', sex: 'female', birthYear: 1990, relationshipToHead: 'head' }],
    });
    expect(theirs.status).toBe(201);
    const household = theirs.body as { id: string; members: { id: string; version: number }[] };
    const personId = household.members[0]!.id;
    const caseworkerA = await app.as('caseworker');
    const attempts = [
      await caseworkerA.request('GET', `/api/v1/persons/${personId}`),
      await caseworkerA.request('PATCH', `/api/v1/persons/${personId}`, { version: 1, givenName: 'X' }),
      await caseworkerA.request('GET', `/api/v1/persons/${personId}/screenings`),
      await caseworkerA.request('POST', `/api/v1/persons/${personId}/screenings`, { instrument: 'heightened-risk', responses: {} }),
      await caseworkerA.request('GET', `/api/v1/households/${household.id}`),
      await caseworkerA.request('PATCH', `/api/v1/households/${household.id}`, { version: 1, siteId: null }),
      await caseworkerA.request('POST', '/api/v1/persons', {
        givenName: 'Joiner', familyName: 'X', sex: 'male', birthYear: 1990, householdId: household.id, relationshipToHead: 'sibling',
      }),
    ];
    for (const attempt of attempts.slice(0, 6)) {
      expect(attempt.status).toBe(404);
      expect(attempt.body).toEqual(expect.objectContaining({ code: 'not_found' }));
      expect(JSON.stringify(attempt.body)).not.toContain('Hidden');
    }
    // Joining a household out of reach is refused as if it did not exist.
    expect(attempts[6]!.status).toBe(400);
    expect(attempts[6]!.body).toMatchObject({ errors: [expect.objectContaining({ code: 'unknown_household', path: '/householdId' })] });
    const list = (await caseworkerA.request('GET', `/api/v1/persons?householdId=${household.id}`)).body as { total: number };
    expect(list.total).toBe(0);
    // Every refusal is audited, from where, naming the route pattern, never the id asked for.
    const refusals = await app.database.db
      .selectFrom('audit_events')
      .select(['details', 'ip', 'outcome'])
      .where('actor_id', '=', caseworkerA.userId!)
      .where('action', '=', 'request.refused')
      .execute();
    expect(refusals.length).toBe(6);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({ outcome: 'refused', ip: '127.0.0.1', details: expect.objectContaining({ status: 404 }) });
      expect(JSON.stringify(refusal)).not.toContain(personId);
    }
  });

  it('withholds highly sensitive answers from readers without need-to-know, and says the section exists', async () => {
    const assigned = await app.as('caseworker');
    const created = await assigned.request('POST', '/api/v1/persons', { givenName: 'Sensitive', familyName: 'Answers', sex: 'female', birthYear: 1995 });
    const personId = (created.body as { id: string }).id;
    await giveConsent(assigned, personId);
    const screened = await assigned.request('POST', `/api/v1/persons/${personId}/screenings`, {
      instrument: 'heightened-risk',
      responses: { ...SGBV_ANSWERS, mms_used_smuggler: 'yes' },
    });
    expect(screened.status).toBe(201);

    const readAs = async (client: Client) =>
      ((await client.request('GET', `/api/v1/persons/${personId}/screenings`)).body as {
        items: { riskLevel: string; responses: Record<string, unknown>; withheld: { domain: string; topic: string | null }[]; domains: { domain: string; level: string; signals: { itemId?: string }[] }[]; explanation: Record<string, string[]> }[];
      }).items[0]!;

    const mine = await readAs(assigned);
    expect(mine.responses).toMatchObject(SGBV_ANSWERS);
    expect(mine.withheld).toEqual([]);

    const colleague = await readAs(await app.as('caseworker'));
    const childProtection = await readAs(await app.as('child_protection_officer'));
    for (const view of [colleague, childProtection]) {
      expect(view.riskLevel).toBe(mine.riskLevel);
      expect(view.responses).toEqual({ mms_used_smuggler: 'yes' });
      // Every section the reader may not read is listed, answered or not; the SGBV domain is as if not asked.
      expect(view.withheld.map((section) => [section.domain, section.topic])).toEqual([
        ['conflict_insecurity', 'trafficking'],
        ['sgbv_coercion', 'sgbv'],
      ]);
      const sgbv = view.domains.find((domain) => domain.domain === 'sgbv_coercion')!;
      expect(mine.domains.find((domain) => domain.domain === 'sgbv_coercion')!.level).not.toBe('low');
      expect(sgbv).toMatchObject({ level: 'low', score: 0, signals: [] });
      const text = JSON.stringify(view);
      for (const [item, answer] of Object.entries(SGBV_ANSWERS)) {
        expect(text).not.toContain(item);
        expect(text).not.toContain(answer);
      }
    }
    const protection = await readAs(await app.as('protection_officer'));
    expect(protection.responses).toMatchObject(SGBV_ANSWERS);
    expect(protection.withheld).toEqual([]);
  });
  it("hands over an informant's sealed name exactly where core's mayOpenInformant says, for every role × scope × holder (SQL and core agree)", async () => {
    const workerA = await app.as('caseworker', undefined, { teamIds: [teamA1] });
    const workerB = await app.as('caseworker', undefined, { agencyId: agencyB, teamIds: [teamB] });
    const workplaceId = uuidv7();
    await app.database.db
      .insertInto('workplaces')
      .values({ operation_id: app.operationId, id: workplaceId, name: 'Scoped farm', sector: 'A_AgricultureForestryAndFishing', admin_area_code: 'AREA-S', agency_id: app.agencyId, updated_at: new Date() })
      .execute();
    const holdings: Omit<Held, 'id'>[] = [];
    for (const teamId of [null, teamA1, teamA2]) for (const assigned of [null, workerA.userId!]) holdings.push({ agencyId: app.agencyId, teamId, assignedUserId: assigned });
    for (const teamId of [null, teamB]) for (const assigned of [null, workerB.userId!]) holdings.push({ agencyId: agencyB, teamId, assignedUserId: assigned });
    const reports: Held[] = holdings.map((holding) => ({ id: uuidv7(), ...holding }));
    await app.database.db
      .insertInto('workplace_reports')
      .values(
        reports.map((report) => ({
          operation_id: app.operationId,
          id: report.id,
          workplace_id: workplaceId,
          source_type: 'community_informant',
          reported_on: '2026-06-01',
          informant_name_sealed: `envelope-${report.id}`,
          informant_key_id: 'test',
          conditions: [],
          indicators: [],
          agency_id: report.agencyId,
          team_id: report.teamId,
          assigned_user_id: report.assignedUserId,
          recorded_at: new Date(),
        })),
      )
      .execute();
    for (const role of ROLES) {
      for (const scope of SCOPES) {
        for (const [agencyId, teamIds, userId] of [
          [app.agencyId, [teamA1], workerA.userId!],
          [agencyB, [teamB], workerB.userId!],
        ] as const) {
          const actor: Actor = { userId, role, scope, agencyId, teamIds, operationIds: [app.operationId] };
          const rows = await listWorkplaceReports(app.database.db, actor, app.operationId, workplaceId);
          expect(rows.every((row) => row.has_informant)).toBe(true);
          const handed = rows.filter((row) => row.informant_name_sealed !== null).map((row) => row.id).sort();
          const expected = reports.filter((report) => mayOpenInformant(actor, { operationId: app.operationId, ...report })).map((report) => report.id).sort();
          expect(handed, `${role}/${scope} in ${agencyId === app.agencyId ? 'A' : 'B'}`).toEqual(expected);
        }
      }
    }
    // The rule opens something for someone, and never across agencies.
    const opened = (actor: Actor) => reports.filter((report) => mayOpenInformant(actor, { operationId: app.operationId, ...report }));
    const supervisorA: Actor = { userId: workerA.userId!, role: 'supervisor', scope: 'operation', agencyId: app.agencyId, teamIds: [], operationIds: [app.operationId] };
    expect(opened(supervisorA).map((report) => report.agencyId)).toEqual(opened(supervisorA).map(() => app.agencyId));
    expect(opened(supervisorA)).toHaveLength(6);
  });
});
