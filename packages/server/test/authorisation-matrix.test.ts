import { can, canInOperation, inScope, ROLES, SCOPES, type Actor, type Role, type Scope } from '@waymark/core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../src/http/openapi-document';
import {
  buildMatrix,
  CHILD_CANARY,
  clearedForChildProtection,
  clearedForSgbv,
  expectedForRecord,
  expectedInOperation,
  ORG_POSITIONS,
  POSITIONS,
  SGBV_ANSWERS,
  SGBV_CANARY,
  type HeldCase,
  type HeldChild,
  type HeldRecord,
  type MatrixEntry,
  type Position,
  type World,
  INFORMANT_CANARY,
} from './authorisation-matrix';
import { LABOUR_ROUTES } from './authorisation-matrix/labour';
import { PROGRAMME_ROUTES } from './authorisation-matrix/programmes';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

interface Acting {
  actor: Actor;
  client: Client;
}

describe.each(databaseTargets())('authorisation matrix on $name PostgreSQL', (target) => {
  let app: TestApp;
  let world: World;
  const acting: Acting[] = [];
  let matrix: Record<string, MatrixEntry>;
  let makerA: Client;
  let admin: Client;
  let makerB: Client;
  let colleagueA: string;
  let workerB: string;
  let colleagueRecord: HeldRecord;
  let otherRecord: HeldRecord;
  const mine = new Map<string, HeldRecord>();
  const cases = new Map<string, HeldCase>();
  const children = new Map<string, HeldChild>();
  const helds = new Map<string, Promise<string>>();
  let unique = 0;
  /** One attacker's two accounts: a supervisor in agency A and one in agency B (agency scope each). */
  const attacker: Acting[] = [];

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-15T10:00:00Z') });
    const agencyB = await app.createAgency({ kind: 'anti_trafficking' });
    const otherOperationId = uuidv7();
    await app.database.db.insertInto('operations').values({ id: otherOperationId, code: 'elsewhere', name: 'Elsewhere' }).execute();
    const agencyOtherOperation = await app.createAgency({ operationId: otherOperationId });
    const teamA = await app.createTeam(app.agencyId);
    const spareTeamA = await app.createTeam(app.agencyId);
    const teamB = await app.createTeam(agencyB);
    const teamOtherOperation = await app.createTeam(agencyOtherOperation, { operationId: otherOperationId });

    makerA = await app.as('supervisor', undefined, { scope: 'operation' });
    admin = await app.as('administrator');
    makerB = await app.as('supervisor', undefined, { scope: 'operation', agencyId: agencyB });
    colleagueA = (await app.as('caseworker')).userId!;
    workerB = (await app.as('caseworker', undefined, { agencyId: agencyB })).userId!;

    /** A person with a household, consent, a screening with SGBV answers and an SGBV note. */
    const makeRecord = async (maker: Client, agencyId: string, assignee: string, label: string): Promise<HeldRecord> => {
      const household = await maker.request('POST', '/api/v1/households', {
        members: [{ givenName: 'Matrix', familyName: label, sex: 'female', birthYear: 1992, relationshipToHead: 'head' }],
      });
      expect(household.status).toBe(201);
      const created = household.body as { id: string; members: { id: string }[] };
      const personId = created.members[0]!.id;
      await giveConsent(maker, personId);
      const screened = await maker.request('POST', `/api/v1/persons/${personId}/screenings`, { instrument: 'heightened-risk', responses: SGBV_ANSWERS });
      expect(screened.status).toBe(201);
      const note = await maker.request('POST', `/api/v1/persons/${personId}/protection-notes`, { topic: 'sgbv', body: `${SGBV_CANARY} ${label}` });
      expect(note.status).toBe(201);
      await app.database.db.updateTable('persons').set({ assigned_user_id: assignee, team_id: null }).where('id', '=', personId).execute();
      await app.database.db.updateTable('households').set({ assigned_user_id: assignee, team_id: null }).where('id', '=', created.id).execute();
      return {
        personId,
        householdId: created.id,
        noteId: (note.body as { id: string }).id,
        ref: { operationId: app.operationId, agencyId, teamId: null, assignedUserId: assignee },
      };
    };
    colleagueRecord = await makeRecord(makerA, app.agencyId, colleagueA, 'Colleague');
    otherRecord = await makeRecord(makerB, agencyB, workerB, 'Other agency');

    for (const role of ROLES) {
      for (const scope of SCOPES) {
        const client = await app.as(role, undefined, { scope, teamIds: [teamA] });
        const actor: Actor = { userId: client.userId!, role, scope, agencyId: app.agencyId, teamIds: [teamA], operationIds: [app.operationId] };
        acting.push({ actor, client });
        mine.set(actor.userId, await makeRecord(makerA, app.agencyId, actor.userId, `Mine ${role} ${scope}`));
      }
    }

    for (const agencyId of [app.agencyId, agencyB]) {
      const client = await app.as('supervisor', undefined, { agencyId });
      attacker.push({ client, actor: { userId: client.userId!, role: 'supervisor', scope: 'agency', agencyId, teamIds: [], operationIds: [app.operationId] } });
    }
    mine.set(attacker[0]!.actor.userId, await makeRecord(makerA, app.agencyId, attacker[0]!.actor.userId, 'Mine attacker'));

    const targetUsers = new Map<string, string>();
    world = {
      operationId: app.operationId,
      otherOperationId,
      agencyA: app.agencyId,
      agencyB,
      agencyOtherOperation,
      spareTeamA,
      teamB,
      teamOtherOperation,
      async record(position, actor) {
        if (position === 'mine') return mine.get(actor.userId)!;
        return position === 'colleague' ? colleagueRecord : otherRecord;
      },
      async freshRecord(position, actor) {
        if (position === 'other_agency') return makeRecord(makerB, agencyB, workerB, 'Fresh other');
        return makeRecord(makerA, app.agencyId, position === 'mine' ? actor.userId : colleagueA, `Fresh ${position}`);
      },
      async case(position, actor, options = {}) {
        const key = position === 'mine' ? `mine:${actor.userId}` : position;
        if (!options.fresh && cases.has(key)) return cases.get(key)!;
        const record = await world.record(position, actor);
        const maker = position === 'other_agency' ? makerB : makerA;
        const opened = await maker.request('POST', '/api/v1/cases', { personId: record.personId, tasks: [{ kind: 'task', title: 'Follow up' }] });
        expect(opened.status).toBe(201);
        const body = opened.body as { id: string; tasks: { id: string }[] };
        const held = { caseId: body.id, taskId: body.tasks[0]!.id };
        if (!options.fresh) cases.set(key, held);
        return held;
      },
      async child(position, actor, options = {}) {
        const key = position === 'mine' ? `mine:${actor.userId}` : position;
        if (!options.fresh && children.has(key)) return children.get(key)!;
        const maker = position === 'other_agency' ? makerB : makerA;
        const assignee = position === 'other_agency' ? workerB : position === 'mine' ? actor.userId : colleagueA;
        const created = await maker.request('POST', '/api/v1/persons', { givenName: 'Matrix', familyName: 'Child', sex: 'female', dateOfBirth: '2015-02-01', careSituation: 'unaccompanied' });
        expect(created.status).toBe(201);
        const personId = (created.body as { id: string }).id;
        const bia = await maker.request('POST', `/api/v1/persons/${personId}/bia`, { urgency: '1_week', identifiedAt: '2026-06-01' });
        expect(bia.status).toBe(201);
        const biaId = (bia.body as { id: string }).id;
        const content = await maker.request('PUT', `/api/v1/bias/${biaId}/content`, { situationAndCare: 'Lives with a neighbour', protectionConcerns: CHILD_CANARY, version: 1 });
        expect(content.status, JSON.stringify(content.body)).toBe(200);
        const care = await maker.request('POST', `/api/v1/persons/${personId}/care-arrangements`, { kind: 'foster', carer: { kind: 'carer_record', carerId: 'foster-family-0' }, startDate: '2026-05-01' });
        expect(care.status, JSON.stringify(care.body)).toBe(201);
        await app.database.db.updateTable('persons').set({ assigned_user_id: assignee, team_id: null }).where('id', '=', personId).execute();
        const held = { personId, biaId, arrangementId: (care.body as { id: string }).id };
        if (!options.fresh) children.set(key, held);
        return held;
      },
      held(kind, position, actor, options = {}) {
        const key = `${kind}:${position === 'mine' ? actor.userId : position}`;
        if (!options.fresh && helds.has(key)) return helds.get(key)!;
        const made = (async () => {
          const holder = { agency_id: position === 'other_agency' ? agencyB : app.agencyId, team_id: null, assigned_user_id: position === 'mine' ? actor.userId : position === 'colleague' ? colleagueA : workerB };
          if (kind === 'workplace') {
            const made = await admin.request('POST', '/api/v1/workplaces', { name: `Held ${world.unique()}`, sector: 'C_Manufacturing', adminAreaCode: 'AREA-MATRIX' });
            expect(made.status).toBe(201);
            const id = (made.body as { id: string }).id;
            const report = await admin.request('POST', `/api/v1/workplaces/${id}/reports`, { sourceType: 'community_informant', reportedOn: '2026-06-01', informantName: INFORMANT_CANARY });
            expect(report.status).toBe(201);
            // Held, with its report and the informant, as the position's person is.
            await app.database.db.updateTable('workplaces').set(holder).where('id', '=', id).execute();
            await app.database.db.updateTable('workplace_reports').set(holder).where('workplace_id', '=', id).execute();
            return id;
          }
          const made = await admin.request('POST', '/api/v1/programmes', { kind: 'livelihoods', capacity: 100_000, rule: { field: 'sex', op: 'in', values: ['female'] }, name: `Held ${world.unique()}` });
          expect(made.status).toBe(201);
          const id = (made.body as { id: string }).id;
          // One person enrolled: the position's own, who the enrolment route enrols again (a no-op).
          const personId = (await world.record(position, actor)).personId;
          await admin.request('POST', `/api/v1/persons/${personId}/consents`, { purpose: 'programme_enrolment', decision: 'given', method: 'written', givenBy: 'self' });
          expect((await admin.request('POST', `/api/v1/programmes/${id}/enrolments`, { personId })).status).toBe(201);
          await app.database.db.updateTable('programmes').set(holder).where('id', '=', id).execute();
          return id;
        })();
        if (!options.fresh) helds.set(key, made);
        return made;
      },
      async targetUser(position, options = {}) {
        const key = `${position}`;
        if (!options.fresh && targetUsers.has(key)) return targetUsers.get(key)!;
        const agencyId = position === 'own_agency' ? app.agencyId : position === 'other_agency' ? agencyB : agencyOtherOperation;
        const operationIds = position === 'other_operation' ? [otherOperationId] : [app.operationId];
        const user = await app.as('caseworker', operationIds, { scope: 'own', agencyId });
        if (options.disabled) await app.database.db.updateTable('users').set({ disabled_at: new Date() }).where('id', '=', user.userId!).execute();
        if (!options.fresh) targetUsers.set(key, user.userId!);
        return user.userId!;
      },
      async version(table, id) {
        const row = await app.database.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirstOrThrow();
        return row.version;
      },
      assigneeFor(position: Position) {
        return position === 'other_agency' ? workerB : colleagueA;
      },
      unique: () => `m${++unique}-${Date.now().toString(36)}`,
      readAsAdmin: async (path) => (await admin.request('GET', path)).body,
      writeAsAdmin: async (method, path, body) => {
        const response = await admin.request(method, path, body);
        return { status: response.status, body: response.body };
      },
    };
    matrix = buildMatrix(() => world);
  }, 600_000);
  afterAll(() => app.close());

  it('has an entry for every route, and no entry for a route that does not exist', () => {
    const routes = OPERATIONS.map((op) => routeKey(op.method, op.path)).sort();
    expect(Object.keys(buildMatrix(() => world)).sort()).toEqual(routes);
  });

  const send = (client: Client, method: string, built: { path: string; body?: unknown }) =>
    client.request(method, built.path, method === 'GET' || method === 'DELETE' ? undefined : (built.body ?? {}));

  const failures: string[] = [];
  const check = (label: string, actual: number, expected: number, body: unknown) => {
    if (actual !== expected) failures.push(`${label}: expected ${expected}, got ${actual} ${JSON.stringify(body).slice(0, 200)}`);
  };

  it.each(OPERATIONS.filter((op) => op.auth !== false).map((op) => routeKey(op.method, op.path)))(
    '%s: every role × scope × position is allowed or denied as the rule book says, and nothing above clearance leaks',
    async (key) => {
      const entry = matrix[key]!;
      const method = key.split(' ')[0]!;
      failures.length = 0;
      if (entry.kind === 'self' && entry.endsSession) {
        for (const role of ROLES) {
          const client = await app.as(role as Role);
          const response = await send(client, method, await entry.request(world, acting[0]!.actor, 'mine'));
          check(`${role}`, response.status, entry.success, response.body);
        }
        expect(failures.join('\n')).toBe('');
        return;
      }
      for (const { actor, client } of acting) {
        const who = `${actor.role}/${actor.scope}`;
        if (entry.kind === 'self') {
          const response = await send(client, method, await entry.request(world, actor, 'mine'));
          check(who, response.status, entry.success, response.body);
          continue;
        }
        if (entry.kind === 'operation') {
          const response = await send(client, method, await entry.request(world, actor, 'mine'));
          const expected = expectedInOperation(actor, entry.verb, app.operationId);
          check(who, response.status, expected === 'allow' ? entry.success : expected, response.body);
          if (entry.listsPeople && response.status === 200) {
            const ids = new Set((response.body as { items: { id: string }[] }).items.map((item) => item.id));
            for (const record of [mine.get(actor.userId)!, colleagueRecord, otherRecord]) {
              if (ids.has(record.personId) !== inScope(actor, record.ref)) failures.push(`${who}: list ${ids.has(record.personId) ? 'shows' : 'hides'} ${JSON.stringify(record.ref)}`);
            }
          }
          continue;
        }
        if (entry.kind === 'held') {
          for (const position of POSITIONS) {
            const built = await entry.request(world, actor, position);
            const ref = { ...(await world.record(position, actor)).ref, assignedUserId: position === 'mine' ? actor.userId : position === 'colleague' ? colleagueA : workerB };
            const response = await send(client, method, built);
            const reaches = entry.reach === 'operation' ? canInOperation(actor, entry.verb, app.operationId) : can(actor, entry.verb, ref);
            check(`${who} on ${position}`, response.status, reaches ? entry.success : 403, response.body);
            if (response.status === entry.success && entry.inspect) failures.push(...entry.inspect(actor, ref, response.body).map((problem) => `${who} on ${position}: ${problem}`));
          }
          continue;
        }
        if (entry.kind === 'org') {
          for (const position of ORG_POSITIONS) {
            const response = await send(client, method, await entry.request(world, actor, position));
            check(`${who} on ${position}`, response.status, entry.expect(actor, position), response.body);
            expect(JSON.stringify(response.body)).not.toContain('$argon2');
          }
          continue;
        }
        if (entry.kind === 'record') {
          for (const position of POSITIONS) {
            const built = await entry.request(world, actor, position);
            const record = entry.fresh ? undefined : await world.record(position, actor);
            const ref = record?.ref ?? { ...(await world.record(position, actor)).ref, assignedUserId: position === 'mine' ? actor.userId : position === 'colleague' ? colleagueA : workerB };
            const response = await send(client, method, built);
            const byRole = expectedForRecord(actor, entry.verb, ref);
            const expected = byRole === 'allow' && entry.needsSgbvClearance && !clearedForSgbv(actor, ref) ? 403 : byRole;
            check(`${who} on ${position}`, response.status, expected === 'allow' ? entry.success : expected, response.body);
            if (response.status >= 400) expect(JSON.stringify(response.body)).not.toContain('Matrix');
            if (entry.mayCarrySensitive && response.status === 200 && !clearedForSgbv(actor, ref)) {
              const text = JSON.stringify(response.body);
              if (text.includes(SGBV_CANARY) || text.includes('sg_sexual_violence')) failures.push(`${who} on ${position}: SGBV content leaked`);
            }
            if (entry.mayCarrySensitive && response.status === 200 && !clearedForChildProtection(actor, ref) && JSON.stringify(response.body).includes(CHILD_CANARY)) {
              failures.push(`${who} on ${position}: a BIA's protection concerns leaked`);
            }
          }
          continue;
        }
        // Public routes answer everyone the same.
        const response = await send(client, method, await entry.request(world, actor, 'mine'));
        check(who, response.status, entry.success, response.body);
      }
      expect(failures.join('\n')).toBe('');
    },
    300_000,
  );

  // Labour and programmes (issue 12 §3): the records of each position, as seen from the
  // attacker's account in agency A, are tried with both accounts; each reaches exactly what
  // the rule book gives that account, and no answer shows more than it may.
  const twoAgencyRoutes = [...Object.keys(LABOUR_ROUTES), ...Object.keys(PROGRAMME_ROUTES)].filter((key) => ['held', 'record'].includes(LABOUR_ROUTES[key]?.kind ?? PROGRAMME_ROUTES[key]!.kind));
  it.each(twoAgencyRoutes)('%s: an attacker holding accounts in two agencies reaches with each only what the rule book gives it', async (key) => {
    const entry = matrix[key]!;
    const method = key.split(' ')[0]!;
    failures.length = 0;
    if (entry.kind !== 'held' && entry.kind !== 'record') throw new Error(`${key} is not a held or record route`);
    const owner = attacker[0]!.actor;
    for (const position of POSITIONS) {
      const ref = { ...(await world.record(position, owner)).ref, assignedUserId: position === 'mine' ? owner.userId : position === 'colleague' ? colleagueA : workerB };
      for (const { actor, client } of attacker) {
        const response = await send(client, method, await entry.request(world, owner, position));
        const who = `attacker in ${actor.agencyId === app.agencyId ? 'A' : 'B'} on ${position}`;
        if (entry.kind === 'held') {
          const reaches = entry.reach === 'operation' ? canInOperation(actor, entry.verb, app.operationId) : can(actor, entry.verb, ref);
          check(who, response.status, reaches ? entry.success : 403, response.body);
          if (response.status === entry.success && entry.inspect) failures.push(...entry.inspect(actor, ref, response.body).map((problem) => `${who}: ${problem}`));
        } else {
          const expected = expectedForRecord(actor, entry.verb, ref);
          check(who, response.status, expected === 'allow' ? entry.success : expected, response.body);
        }
      }
    }
    expect(failures.join('\n')).toBe('');
  }, 300_000);

  it.each(OPERATIONS.filter((op) => op.auth === false).map((op) => routeKey(op.method, op.path)))('%s answers without a session', async (key) => {
    const entry = matrix[key]!;
    const response = await send(app.anonymous, key.split(' ')[0]!, await entry.request(world, acting[0]!.actor, 'mine'));
    expect(response.status).toBe(entry.success);
  });
});

export type { Role, Scope };
