import { resettlementQueue, type ResettlementPriority, type RiskLevel, type SubmissionCategory } from '@waymark/core';
import fc from 'fast-check';
import { sql } from 'kysely';
import type pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../src/crypto/key-ring';
import { anonymisePersonRows } from '../src/db/anonymise-repository';
import { restoreBackup } from '../src/db/backup/restore-backup';
import { writeBackup } from '../src/db/backup/write-backup';
import { copyRows } from '../src/db/bulk/copy-rows';
import { writeRescoredBatch } from '../src/db/bulk/rescore-batches';
import { recordScreenings } from '../src/db/screenings-repository';
import { databaseTargets, freshDatabase } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';
import { ringOf } from './test-key-ring';

/**
 * The queue is kept by the database (migration 0024) and a page is explained from a
 * histogram (core/solutions/queue-page). Here both are held to what they replace: after
 * random mixes of every write that can move the queue (screenings through the API's
 * repository and the batch re-score, households gaining, moving and losing members,
 * erasure, case and submission changes, the clock moving), the stored queue equals its
 * definition recomputed from the tables, and every page the API gives equals core's
 * whole-queue order and explanation over every queued case read the old way.
 */

const LEVELS = ['low', 'medium', 'high', 'critical'] as const;
const PRIORITIES = ['emergency', 'urgent', 'normal'] as const;
const CATEGORIES = ['legal_physical_protection', 'women_girls_at_risk', 'survivors_violence_torture'] as const;

/** Mostly days around the clock (ties and future dates common), sometimes a date whose text is not YYYY-MM-DD. */
const waitingSince = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: -20, max: 40 }).map((d) => new Date(Date.UTC(2026, 10, 1 + d)).toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom('0001-01-01', '0044-03-15 BC', '10000-01-01') },
);
const level = fc.option(fc.constantFrom(...LEVELS), { nil: null });
const submission = fc.record({ priority: fc.constantFrom(...PRIORITIES), since: waitingSince, category: fc.constantFrom(...CATEGORIES) });

/** Writes that build the queue come more often than those that empty it, so the queue grows over a run. */
const action = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('person_case' as const), level, casePriority: fc.constantFrom(...LEVELS), submission: fc.option(submission, { nil: null }), holder: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('household_case' as const), levels: fc.array(level, { maxLength: 3 }), casePriority: fc.constantFrom(...LEVELS), submission: fc.option(submission, { nil: null }), holder: fc.nat() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('confirm' as const), pick: fc.nat(), submission }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('screen' as const), pick: fc.nat(), level: fc.constantFrom(...LEVELS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rescore' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), levels: fc.array(fc.constantFrom(...LEVELS), { minLength: 4, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), to: fc.nat(), out: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('join' as const), pick: fc.nat(), levels: fc.array(level, { minLength: 1, maxLength: 3 }), copy: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('close' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reassign' as const), pick: fc.nat(), holder: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('case_priority' as const), pick: fc.nat(), priority: fc.constantFrom(...LEVELS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('submit' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reprioritise' as const), pick: fc.nat(), priority: fc.constantFrom(...PRIORITIES), since: waitingSince }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('clock' as const), days: fc.integer({ min: -10, max: 30 }) }) },
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

interface QueueBody {
  total: number;
  entries: Array<Record<string, unknown>>;
}

describe.each(databaseTargets())('resettlement queue kept by the database on $name PostgreSQL', (target) => {
  let app: TestApp;
  let clock = new Date('2026-11-25T09:00:00Z');
  let wholeOperation: Client;
  let agencyOfficer: Client;
  let teamOfficer: Client;
  let otherAgency: string;
  let team: string;
  /** Who may hold a case: [agency, team, assigned user]. */
  let holders: Array<[string, string | null, string | null]>;

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => clock });
    otherAgency = await app.createAgency({ kind: 'ngo' });
    team = await app.createTeam(app.agencyId);
    wholeOperation = await app.as('supervisor', undefined, { scope: 'operation' });
    agencyOfficer = await app.as('protection_officer');
    teamOfficer = await app.as('protection_officer', undefined, { scope: 'team', teamIds: [team] });
    holders = [
      [app.agencyId, null, agencyOfficer.userId!],
      [app.agencyId, team, null],
      [app.agencyId, null, teamOfficer.userId!],
      [otherAgency, null, null],
    ];
  });
  afterAll(() => app.close());

  const db = () => app.database.db;
  const BLANK = { other_names: [], languages: [], documents: [], birth_year_estimated: false, sex: 'female', birth_year: 1990 };

  async function newPerson(householdId: string | null, risk: string | null): Promise<string> {
    const id = uuidv7();
    await db().insertInto('persons').values({ operation_id: app.operationId, id, given_name: 'Q', family_name: 'T', agency_id: app.agencyId, household_id: householdId, risk_level: risk, ...BLANK }).execute();
    return id;
  }
  async function newHousehold(): Promise<string> {
    const id = uuidv7();
    await db().insertInto('households').values({ operation_id: app.operationId, id, agency_id: app.agencyId }).execute();
    return id;
  }
  async function openCase(subject: { personId: string } | { householdId: string }, priority: string, holder: number): Promise<string> {
    const id = uuidv7();
    const [agencyId, teamId, userId] = holders[holder % holders.length]!;
    await db()
      .insertInto('cases')
      .values({
        operation_id: app.operationId,
        id,
        person_id: 'personId' in subject ? subject.personId : null,
        household_id: 'householdId' in subject ? subject.householdId : null,
        agency_id: agencyId,
        team_id: teamId,
        assigned_user_id: userId,
        priority,
      })
      .execute();
    return id;
  }
  async function confirm(caseId: string, s: { priority: string; since: string; category: string }): Promise<void> {
    await sql`insert into resettlement_submissions (operation_id, case_id, primary_category, priority, confirmed, confirmed_by, confirmed_at, waiting_since)
              values (${app.operationId}, ${caseId}, ${s.category}, ${s.priority}, '{}'::jsonb, ${agencyOfficer.userId!}, now(), ${s.since}::date)`.execute(db());
  }
  const screening = (personId: string, risk: string) => ({
    operation_id: app.operationId,
    id: uuidv7(),
    person_id: personId,
    instrument_id: 'heightened-risk',
    instrument_version: 1,
    rule_version: 'test',
    responses: {},
    outcome: { format: 1, riskLevel: risk, domains: [] },
    sealed_answers: null,
    risk_level: risk,
    rescored_from: null,
    screened_by: null,
    screened_at: clock,
  });
  /** The batch re-score's own write (db/bulk/rescore-batches): COPY the screenings, one UPDATE of the persons. */
  async function rescore(people: Array<{ id: string; level: string }>): Promise<void> {
    const rows = people.map((p) => ({ ...p, screeningId: uuidv7() }));
    await writeRescoredBatch(
      app.database,
      rows.map((p) => [app.operationId, p.screeningId, p.id, 'heightened-risk', 1, 'test', '{}', JSON.stringify({ format: 1, riskLevel: p.level, domains: [] }), p.level, null, clock.toISOString(), null, null]),
      rows.map((p) => ({ operationId: app.operationId, personId: p.id, screeningId: p.screeningId, riskLevel: p.level })),
      clock,
      { actorId: null, details: { rescored: rows.length } },
    );
  }

  async function all<T>(query: ReturnType<typeof sql<T>>): Promise<T[]> {
    return (await query.execute(db())).rows;
  }
  const persons = () => all<{ id: string; household_id: string | null; on_case: boolean }>(sql`
    select p.id, p.household_id, exists (select 1 from cases c where c.operation_id = p.operation_id and c.person_id = p.id) as on_case
      from persons p where p.operation_id = ${app.operationId} and p.anonymised_at is null order by p.id`);
  const households = () => all<{ id: string }>(sql`select id from households where operation_id = ${app.operationId} order by id`);
  const openCases = () => all<{ id: string; submitted: boolean | null; closure_requested_by: string | null }>(sql`
    select c.id, rs.submitted_at is not null as submitted, c.closure_requested_by from cases c
      left join resettlement_submissions rs on rs.operation_id = c.operation_id and rs.case_id = c.id
     where c.operation_id = ${app.operationId} and c.status <> 'closed' order by c.id`);
  const at = <T>(rows: T[], n: number): T | undefined => rows[n % Math.max(rows.length, 1)];

  async function apply(a: Action): Promise<void> {
    switch (a.kind) {
      case 'person_case': {
        const personId = await newPerson(null, a.level);
        const caseId = await openCase({ personId }, a.casePriority, a.holder);
        if (a.submission) await confirm(caseId, a.submission);
        return;
      }
      case 'household_case': {
        const householdId = await newHousehold();
        for (const l of a.levels) await newPerson(householdId, l);
        const caseId = await openCase({ householdId }, a.casePriority, a.holder);
        if (a.submission) await confirm(caseId, a.submission);
        return;
      }
      case 'confirm': {
        const open = (await openCases()).filter((c) => c.submitted === null);
        const c = at(open, a.pick);
        if (c) await confirm(c.id, a.submission);
        return;
      }
      case 'screen': {
        const p = at(await persons(), a.pick);
        if (p) await db().transaction().execute((tx) => recordScreenings(tx, [screening(p.id, a.level)]));
        return;
      }
      case 'rescore': {
        const people = await persons();
        const chosen = new Map(a.picks.flatMap((n, i) => (people.length ? [[at(people, n)!.id, a.levels[i]!] as const] : [])));
        if (chosen.size > 0) await rescore([...chosen].map(([id, l]) => ({ id, level: l })));
        return;
      }
      case 'move': {
        const p = at(await persons(), a.pick);
        const h = at(await households(), a.to);
        if (!p) return;
        await db()
          .updateTable('persons')
          .set({ household_id: a.out || !h ? null : h.id, relationship_to_head: null })
          .where('operation_id', '=', app.operationId)
          .where('id', '=', p.id)
          .execute();
        return;
      }
      case 'join': {
        const h = at(await households(), a.pick);
        if (!h) return;
        if (!a.copy) {
          for (const l of a.levels) await newPerson(h.id, l);
          return;
        }
        // As the bulk loader writes persons: COPY.
        const client = await app.database.pool.connect();
        try {
          await client.query('begin');
          await copyRows(
            client,
            'persons',
            ['operation_id', 'id', 'household_id', 'given_name', 'family_name', 'sex', 'birth_year', 'risk_level', 'agency_id'],
            a.levels.map((l) => [app.operationId, uuidv7(), h.id, 'C', 'T', 'male', '1980', l, app.agencyId]),
          );
          await client.query('commit');
        } finally {
          client.release();
        }
        return;
      }
      case 'erase': {
        const p = at(await persons(), a.pick);
        if (!p) return;
        await db().transaction().execute(async (tx) => {
          const row = await tx.selectFrom('persons').selectAll().where('operation_id', '=', app.operationId).where('id', '=', p.id).forUpdate().executeTakeFirstOrThrow();
          await anonymisePersonRows(tx, row, null, clock);
        });
        return;
      }
      case 'delete': {
        const p = at((await persons()).filter((x) => !x.on_case), a.pick);
        if (!p) return;
        await db().transaction().execute(async (tx) => {
          await tx.deleteFrom('screenings').where('operation_id', '=', app.operationId).where('person_id', '=', p.id).execute();
          await tx.deleteFrom('persons').where('operation_id', '=', app.operationId).where('id', '=', p.id).execute();
        });
        return;
      }
      case 'close': {
        const c = at(await openCases(), a.pick);
        if (!c) return;
        await sql`update cases set status = 'closed', closure_requested_by = ${agencyOfficer.userId!}, closure_requested_at = now(),
                         closure_requested_reason = 'done', closed_at = now(), closed_by = ${wholeOperation.userId!}
                   where operation_id = ${app.operationId} and id = ${c.id}`.execute(db());
        return;
      }
      case 'reassign': {
        const c = at(await openCases(), a.pick);
        if (!c) return;
        const [agencyId, teamId, userId] = holders[a.holder % holders.length]!;
        await db().updateTable('cases').set({ agency_id: agencyId, team_id: teamId, assigned_user_id: userId }).where('operation_id', '=', app.operationId).where('id', '=', c.id).execute();
        return;
      }
      case 'case_priority': {
        const c = at(await openCases(), a.pick);
        if (c) await db().updateTable('cases').set({ priority: a.priority }).where('operation_id', '=', app.operationId).where('id', '=', c.id).execute();
        return;
      }
      case 'submit':
      case 'reprioritise':
      case 'withdraw': {
        const c = at((await openCases()).filter((x) => x.submitted === false), a.pick);
        if (!c) return;
        const key = sql`operation_id = ${app.operationId} and case_id = ${c.id}`;
        if (a.kind === 'submit') await sql`update resettlement_submissions set submitted_at = now() where ${key}`.execute(db());
        else if (a.kind === 'reprioritise') await sql`update resettlement_submissions set priority = ${a.priority}, waiting_since = ${a.since}::date where ${key}`.execute(db());
        else await sql`delete from resettlement_submissions where ${key}`.execute(db());
        return;
      }
      case 'clock':
        clock = new Date(clock.getTime() + a.days * 86_400_000);
        return;
    }
  }

  /** The stored queue is exactly its definition recomputed from the tables. */
  async function expectStoredQueueExact(): Promise<void> {
    const differ = await all<{ side: string; case_id: string }>(sql`
      (select 'stored' as side, case_id from (select * from resettlement_queue except select * from resettlement_queue_source) a)
      union all
      (select 'source' as side, case_id from (select * from resettlement_queue_source except select * from resettlement_queue) b)`);
    expect(differ).toEqual([]);
  }

  /** Every queued case in the client's scope read as before migration 0024: risk computed from persons per row. */
  async function queuedTheOldWay(scope: ReturnType<typeof sql>) {
    const rows = await all<{ case_id: string; priority: string; primary_category: string; secondary_category: string | null; waiting_since: string; risk: string }>(sql`
      select rs.case_id, rs.priority, rs.primary_category, rs.secondary_category, rs.waiting_since::text as waiting_since,
             coalesce(case when cases.person_id is not null
                        then (select case p.risk_rank when 4 then 'critical' when 3 then 'high' when 2 then 'medium' when 1 then 'low' end
                                from persons p where p.operation_id = cases.operation_id and p.id = cases.person_id)
                        else (select case max(p.risk_rank) when 4 then 'critical' when 3 then 'high' when 2 then 'medium' when 1 then 'low' end
                                from persons p where p.operation_id = cases.operation_id and p.household_id = cases.household_id)
                      end, cases.priority) as risk
        from resettlement_submissions rs join cases on cases.operation_id = rs.operation_id and cases.id = rs.case_id
       where rs.submitted_at is null and cases.status <> 'closed' and cases.operation_id = ${app.operationId} and ${scope}`);
    return rows.map((r) => ({
      caseId: r.case_id,
      priority: r.priority as ResettlementPriority,
      risk: r.risk as RiskLevel,
      waitingSince: r.waiting_since,
      primary: r.primary_category as SubmissionCategory,
      secondary: r.secondary_category as SubmissionCategory | null,
    }));
  }

  /** The API's page equals core's whole-queue order and explanation of the same window. */
  async function expectPage(client: Client, scope: ReturnType<typeof sql>, offset: number, limit: number): Promise<void> {
    const cases = await queuedTheOldWay(scope);
    const response = await client.request('GET', `/api/v1/resettlement-queue?offset=${offset}&limit=${limit}`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    const expected = resettlementQueue(cases, clock, { offset, limit }).map((e) => ({
      position: e.position,
      caseId: e.case.caseId,
      priority: e.case.priority,
      risk: e.case.risk,
      primary: e.case.primary,
      secondary: e.case.secondary,
      waitingSince: e.case.waitingSince,
      waitingDays: e.waitingDays,
      reasons: { ...e.reasons },
      explanation: e.explanation,
    }));
    // Each entry also names its case (number, and the person where the reader's scope reaches
    // them: tested in case-naming and solutions-api); the order and reasons are core's.
    const body = response.body as { entries: Array<Record<string, unknown>> };
    for (const entry of body.entries) expect(entry.caseNumber).toMatch(/^[A-Z0-9]+-C-\d{4}-\d{6}$/);
    const entries = body.entries.map(({ caseNumber: _number, subjectName: _name, ...rest }) => rest);
    expect({ ...body, entries }).toEqual({ total: cases.length, offset, limit, entries: expected });
  }

  const scopes = () =>
    [
      [wholeOperation, sql`true`],
      [agencyOfficer, sql`cases.agency_id = ${app.agencyId}`],
      [teamOfficer, sql`(cases.team_id = ${team} or cases.assigned_user_id = ${teamOfficer.userId!})`],
    ] as const;

  it('stays exact, and pages as core orders the whole queue, after any mix of writes', async () => {
    const seen = { queued: 0, households: 0, priorities: 0, future: 0, notIso: 0 };
    // A queue to start from with every kind of row, so each run's mix works on one.
    const seeds: Array<[ResettlementPriority, string]> = [
      ['emergency', '2026-11-01'],
      ['urgent', '2026-12-20'],
      ['normal', '0044-03-15 BC'],
      ['normal', '10000-01-01'],
      ['urgent', '0001-01-01'],
      ['normal', '2026-11-01'],
    ];
    for (const [i, [priority, since]] of seeds.entries()) {
      const submission = { priority, since, category: CATEGORIES[i % 3]! };
      await apply(
        i % 2
          ? { kind: 'household_case', levels: [LEVELS[i % 4]!, null], casePriority: 'medium', holder: i, submission }
          : { kind: 'person_case', level: LEVELS[i % 4]!, casePriority: 'medium', holder: i, submission },
      );
    }
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), fc.nat({ max: 40 }), fc.integer({ min: 1, max: 12 }), async (actions, offset, limit) => {
        for (const a of actions) await apply(a);
        await expectStoredQueueExact();
        for (const [client, scope] of scopes()) {
          await expectPage(client, scope, 0, 200);
          await expectPage(client, scope, offset, limit);
        }
        const shape = (await all<typeof seen>(sql`
          select count(*)::int as queued, count(household_id)::int as households, count(distinct priority_rank)::int as priorities,
                 (count(*) filter (where waiting_since > ${clock.toISOString().slice(0, 10)}::date))::int as future,
                 (count(*) filter (where waiting_since not between '0001-01-01' and '9999-12-31'))::int as "notIso"
            from resettlement_queue`))[0]!;
        for (const key of Object.keys(seen) as Array<keyof typeof seen>) seen[key] = Math.max(seen[key], shape[key]);
      }),
      { numRuns: 20 },
    );
    // The mixes really worked on queues with household cases, every priority, future dates and dates core cannot read.
    expect(seen.queued).toBeGreaterThanOrEqual(seeds.length);
    expect(seen.households).toBeGreaterThan(0);
    expect(seen.priorities).toBe(3);
    expect(seen.future).toBeGreaterThan(0);
    expect(seen.notIso).toBeGreaterThan(0);
  });

  it('moves a household case when a member is re-screened, in the same transaction, and back on rollback', async () => {
    const householdId = await newHousehold();
    const mother = await newPerson(householdId, 'low');
    await newPerson(householdId, 'medium');
    const caseId = await openCase({ householdId }, 'low', 0);
    await confirm(caseId, { priority: 'urgent', since: '2026-11-01', category: 'women_girls_at_risk' });
    const riskIn = async (reader: Parameters<ReturnType<typeof sql>['execute']>[0]) =>
      (await sql<{ risk_rank: number }>`select risk_rank from resettlement_queue where operation_id = ${app.operationId} and case_id = ${caseId}`.execute(reader)).rows[0]?.risk_rank;
    expect(await riskIn(db())).toBe(2);
    await db()
      .transaction()
      .execute(async (tx) => {
        await recordScreenings(tx, [screening(mother, 'critical')]);
        // Inside the screening's own transaction: the queue has moved already.
        expect(await riskIn(tx)).toBe(4);
        throw new Error('roll back');
      })
      .catch((error: unknown) => expect((error as Error).message).toBe('roll back'));
    expect(await riskIn(db())).toBe(2);
    await db().transaction().execute((tx) => recordScreenings(tx, [screening(mother, 'critical')]));
    expect(await riskIn(db())).toBe(4);
    const page = (await wholeOperation.request('GET', '/api/v1/resettlement-queue?limit=200')).body as QueueBody;
    expect(page.entries.find((e) => e.caseId === caseId)).toMatchObject({ risk: 'critical' });
  });

  it('moves the queue through the batch re-score path (one UPDATE of many persons)', async () => {
    const householdId = await newHousehold();
    const member = await newPerson(householdId, 'low');
    const single = await newPerson(null, 'high');
    const householdCase = await openCase({ householdId }, 'low', 0);
    const personCase = await openCase({ personId: single }, 'low', 0);
    await confirm(householdCase, { priority: 'emergency', since: '2026-10-01', category: 'survivors_violence_torture' });
    await confirm(personCase, { priority: 'emergency', since: '2026-10-01', category: 'survivors_violence_torture' });
    const order = async () => {
      const body = (await wholeOperation.request('GET', '/api/v1/resettlement-queue?limit=200')).body as QueueBody;
      return body.entries.filter((e) => e.caseId === householdCase || e.caseId === personCase).map((e) => [e.caseId, e.risk]);
    };
    expect(await order()).toEqual([
      [personCase, 'high'],
      [householdCase, 'low'],
    ]);
    await rescore([
      { id: member, level: 'critical' },
      { id: single, level: 'medium' },
    ]);
    expect(await order()).toEqual([
      [householdCase, 'critical'],
      [personCase, 'medium'],
    ]);
    await expectStoredQueueExact();
  });

  it('a restore copies the queue as it was: the triggers stand aside, nothing is counted twice', async () => {
    const householdId = await newHousehold();
    await newPerson(householdId, 'high');
    const caseId = await openCase({ householdId }, 'low', 1);
    await confirm(caseId, { priority: 'urgent', since: '2026-10-10', category: 'legal_physical_protection' });
    const queue = sql`select * from resettlement_queue order by operation_id, case_id`;
    const before = (await queue.execute(db())).rows;
    expect(before.length).toBeGreaterThan(0);
    const dir = await mkdtemp(join(tmpdir(), 'waymark-queue-backup-'));
    const restored = await freshDatabase(target);
    try {
      const keys = { ring: ringOf('k1', { k1: generateKey() }), backupKey: undefined };
      await writeBackup(app.database.pool, keys, join(dir, 'queue.backup'));
      const result = await restoreBackup(restored.pool, keys, join(dir, 'queue.backup'));
      expect(result.ok, JSON.stringify(result)).toBe(true);
      expect((await queue.execute(restored.db)).rows).toEqual(before);
      const differ = await sql`select * from resettlement_queue except select * from resettlement_queue_source`.execute(restored.db);
      expect(differ.rows).toEqual([]);
    } finally {
      await restored.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('two writers at once', () => {
    /** Runs `second` on its own connection while `first` holds its transaction open, then commits both. */
    async function interleave(first: (c: pg.PoolClient) => Promise<unknown>, second: (c: pg.PoolClient) => Promise<unknown>): Promise<void> {
      const a = await app.database.pool.connect();
      const b = await app.database.pool.connect();
      try {
        await a.query('begin');
        await first(a);
        await b.query('begin');
        const pid = (await b.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
        let done = false;
        const running = second(b).then(() => {
          done = true;
        });
        // Until the second waits on a lock the first holds, or has finished without waiting.
        for (let i = 0; i < 200 && !done; i++) {
          const waiting = await app.database.pool.query<{ w: string | null }>('select wait_event_type as w from pg_stat_activity where pid = $1', [pid]);
          if (waiting.rows[0]?.w === 'Lock') break;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        await a.query('commit');
        await running;
        await b.query('commit');
      } finally {
        a.release();
        b.release();
      }
    }
    const rescreen = (personId: string, risk: string) => (c: pg.PoolClient) =>
      c.query(`update persons set risk_level = $3 where operation_id = $1 and id = $2`, [app.operationId, personId, risk]);

    async function queuedHousehold(levels: Array<string | null>, submit = true) {
      const householdId = await newHousehold();
      const members: string[] = [];
      for (const l of levels) members.push(await newPerson(householdId, l));
      const caseId = await openCase({ householdId }, 'low', 0);
      if (submit) await confirm(caseId, { priority: 'normal', since: '2026-11-01', category: 'legal_physical_protection' });
      return { householdId, members, caseId };
    }
    const submitFor = (caseId: string) => (c: pg.PoolClient) =>
      c.query(
        `insert into resettlement_submissions (operation_id, case_id, primary_category, priority, confirmed, confirmed_by, confirmed_at, waiting_since)
         values ($1, $2, 'legal_physical_protection', 'normal', '{}'::jsonb, $3, now(), '2026-11-01')`,
        [app.operationId, caseId, agencyOfficer.userId!],
      );

    it('two members re-screened at once: the second recomputes with the first', async () => {
      const { members } = await queuedHousehold(['low', 'low']);
      await interleave(rescreen(members[0]!, 'critical'), rescreen(members[1]!, 'medium'));
      await expectStoredQueueExact();
    });

    it('a member re-screened while the case is being confirmed, either way round', async () => {
      const one = await queuedHousehold(['low', 'low'], false);
      await interleave(rescreen(one.members[0]!, 'critical'), submitFor(one.caseId));
      await expectStoredQueueExact();
      const two = await queuedHousehold(['low', 'low'], false);
      await interleave(submitFor(two.caseId), rescreen(two.members[1]!, 'high'));
      await expectStoredQueueExact();
      const person = await newPerson(null, 'low');
      const personCase = await openCase({ personId: person }, 'low', 0);
      await interleave(submitFor(personCase), rescreen(person, 'critical'));
      await expectStoredQueueExact();
    });

    it('a member joining, or leaving, while the case is being confirmed', async () => {
      const joined = await queuedHousehold(['low'], false);
      await interleave(submitFor(joined.caseId), (c) =>
        c.query(`insert into persons (operation_id, id, household_id, given_name, family_name, sex, birth_year, risk_level, agency_id) values ($1, $2, $3, 'J', 'T', 'male', 1980, 'critical', $4)`, [
          app.operationId,
          uuidv7(),
          joined.householdId,
          app.agencyId,
        ]),
      );
      await expectStoredQueueExact();
      const left = await queuedHousehold(['low', 'critical'], false);
      await interleave((c) => c.query(`update persons set household_id = null where operation_id = $1 and id = $2`, [app.operationId, left.members[1]!]), submitFor(left.caseId));
      await expectStoredQueueExact();
    });

    it('a case closed while its submission is confirmed', async () => {
      const { caseId } = await queuedHousehold(['high'], false);
      await interleave(submitFor(caseId), (c) =>
        c.query(
          `update cases set status = 'closed', closure_requested_by = $3, closure_requested_at = now(), closure_requested_reason = 'done', closed_at = now(), closed_by = $4
            where operation_id = $1 and id = $2`,
          [app.operationId, caseId, agencyOfficer.userId!, wholeOperation.userId!],
        ),
      );
      await expectStoredQueueExact();
    });
  });
});
