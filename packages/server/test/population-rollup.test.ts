import fc from 'fast-check';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymisePersonRows } from '../src/db/anonymise-repository';
import { copyRows } from '../src/db/bulk/copy-rows';
import { copyRollupDeltas, RollupDeltas } from '../src/db/bulk/rollup-deltas';
import { keepRollupsInTransaction } from '../src/db/rollup-keeper';
import { compactRollups, repackRollups } from '../src/db/rollup-compaction-repository';
import { generateKey } from '../src/crypto/key-ring';
import { seedPopulation } from '../src/use-cases/population/seed-population';
import { recordScreenings } from '../src/db/screenings-repository';
import { databaseTargets } from './database-targets';
import { startTestApp, type TestApp } from './test-app';

/**
 * The rollups are ledgers of deltas appended by triggers, or by the bulk loader for its own
 * rows, and folded from time to time; here their sums are checked against the raw
 * aggregate over persons and screenings after random mixes of every kind of write the
 * application makes: a registration, a COPY bulk load through the triggers (person first,
 * already pointing at its screening), a bulk load that appends its own deltas as the
 * loader does, a screening through the API's repository (screening first, then the
 * person), a batch re-score, edits of every counted column, an erasure, a deletion, and
 * a compaction.
 */
const LEVELS = ['low', 'medium', 'high', 'critical'] as const;
const DOMAINS = ['economic_survival', 'women_at_risk', 'children_at_risk'] as const;
const SEXES = ['female', 'male', 'other', 'unknown'] as const;
const LEGAL = [null, 'registered_refugee', 'asylum_seeker', 'unregistered'] as const;
const CARE = [null, 'with_parents', 'unaccompanied'] as const;
const SETTINGS = [null, 'camp', 'urban'] as const;
const AREAS = [null, 'AREA-1', 'AREA-2'] as const;

const facts = fc.record({
  sex: fc.constantFrom(...SEXES),
  birthYear: fc.integer({ min: 1950, max: 2025 }),
  exactDate: fc.boolean(),
  site: fc.integer({ min: -1, max: 1 }),
  area: fc.constantFrom(...AREAS),
  setting: fc.constantFrom(...SETTINGS),
  legal: fc.constantFrom(...LEGAL),
  care: fc.constantFrom(...CARE),
});
const outcome = fc.record({
  level: fc.constantFrom(...LEVELS),
  domains: fc.uniqueArray(fc.record({ domain: fc.constantFrom(...DOMAINS), level: fc.constantFrom(...LEVELS) }), { selector: (d) => d.domain, maxLength: 3 }),
  monthsAgo: fc.integer({ min: 0, max: 3 }),
});
const action = fc.oneof(
  fc.record({ kind: fc.constant('register' as const), facts }),
  fc.record({ kind: fc.constant('bulk' as const), people: fc.array(fc.record({ facts, screening: fc.option(outcome) }), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('loader' as const), people: fc.array(fc.record({ facts, screening: fc.option(outcome) }), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('compact' as const) }),
  fc.record({ kind: fc.constant('screen' as const), pick: fc.nat(), outcome }),
  fc.record({ kind: fc.constant('rescore' as const), picks: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), outcome }),
  fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), facts }),
  fc.record({ kind: fc.constant('erase' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;
type Facts = Action extends infer A ? (A extends { facts: infer F } ? F : never) : never;
type Outcome = typeof outcome extends fc.Arbitrary<infer O> ? O : never;

describe.each(databaseTargets())('population rollups on $name PostgreSQL', (target) => {
  let app: TestApp;
  const sites: string[] = [];
  beforeAll(async () => {
    app = await startTestApp(target);
    for (const code of ['S1', 'S2']) {
      const id = uuidv7();
      await app.database.db.insertInto('sites').values({ operation_id: app.operationId, id, code, name: code, setting: 'camp', admin_area_code: 'AREA-1' }).execute();
      sites.push(id);
    }
  });
  afterAll(() => app.close());

  const BLANK = { other_names: [], languages: [], documents: [], birth_year_estimated: false, created_at: new Date(), updated_at: new Date() };
  const personValues = (f: Facts) => ({
    sex: f.sex,
    date_of_birth: f.exactDate ? `${f.birthYear}-03-04` : null,
    birth_year: f.exactDate ? null : f.birthYear,
    site_id: f.site < 0 ? null : sites[f.site]!,
    admin_area_code: f.area,
    setting: f.setting,
    legal_status: f.legal,
    care_situation: f.care,
  });
  const storedOutcome = (o: Outcome) => ({ format: 1, riskLevel: o.level, domains: o.domains.map((d) => ({ domain: d.domain, level: d.level, score: 1, signals: [] })) });
  const screenedAt = (o: Outcome) => new Date(Date.UTC(2026, 10 - o.monthsAgo, 15));
  const screening = (personId: string, o: Outcome, rescoredFrom: string | null = null) => ({
    operation_id: app.operationId,
    id: uuidv7(),
    person_id: personId,
    instrument_id: 'heightened-risk',
    instrument_version: 1,
    rule_version: 'test',
    responses: {},
    outcome: storedOutcome(o),
    sealed_answers: null,
    risk_level: o.level,
    rescored_from: rescoredFrom,
    screened_by: null,
    screened_at: screenedAt(o),
  });

  async function living(): Promise<Array<{ id: string; latest: string | null }>> {
    const rows = await app.database.db
      .selectFrom('persons')
      .select(['id', 'latest_screening_id'])
      .where('operation_id', '=', app.operationId)
      .where('anonymised_at', 'is', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, latest: r.latest_screening_id }));
  }

  async function apply(a: Action): Promise<void> {
    const db = app.database.db;
    const people = await living();
    const pick = (n: number) => people[n % Math.max(people.length, 1)];
    const agency = app.agencyId;
    switch (a.kind) {
      case 'register':
        await db.insertInto('persons').values({ operation_id: app.operationId, id: uuidv7(), given_name: 'R', family_name: 'T', agency_id: agency, ...BLANK, ...personValues(a.facts) }).execute();
        return;
      case 'bulk':
      case 'loader': {
        // As the bulk loader does: COPY persons already pointing at screenings, then COPY those;
        // 'loader' also appends the rows' deltas itself with the triggers standing aside.
        const client = await app.database.pool.connect();
        try {
          await client.query('begin');
          if (a.kind === 'loader') await keepRollupsInTransaction(client, 'bulk_load');
          const deltas = new RollupDeltas();
          const personRows: Array<Array<string | null>> = [];
          const screeningRows: Array<Array<string | null>> = [];
          for (const p of a.people) {
            const v = personValues(p.facts);
            const id = uuidv7();
            const s = p.screening ? screening(id, p.screening) : null;
            const recordKey = crypto.getRandomValues(new Uint32Array(1))[0]!;
            personRows.push([app.operationId, id, 'B', 'T', v.sex, v.date_of_birth, v.birth_year === null ? null : String(v.birth_year), v.site_id, v.admin_area_code, v.setting, v.legal_status, v.care_situation, s?.risk_level ?? null, s?.id ?? null, agency, String(recordKey)]);
            if (s) screeningRows.push([app.operationId, s.id, id, 'heightened-risk', '1', 'test', '{}', JSON.stringify(s.outcome), s.risk_level, s.screened_at.toISOString()]);
            deltas.add({
              operationId: app.operationId,
              siteId: v.site_id,
              adminAreaCode: v.admin_area_code,
              setting: v.setting,
              sex: v.sex,
              dateOfBirth: v.date_of_birth,
              birthYear: v.birth_year,
              legalStatus: v.legal_status,
              careSituation: v.care_situation,
              riskLevel: s?.risk_level ?? null,
              recordKey,
              screening: s ? { domains: s.outcome.domains, riskLevel: s.risk_level, screenedAt: s.screened_at } : null,
            });
          }
          await copyRows(client, 'persons', ['operation_id', 'id', 'given_name', 'family_name', 'sex', 'date_of_birth', 'birth_year', 'site_id', 'admin_area_code', 'setting', 'legal_status', 'care_situation', 'risk_level', 'latest_screening_id', 'agency_id', 'record_key'], personRows);
          await copyRows(client, 'screenings', ['operation_id', 'id', 'person_id', 'instrument_id', 'instrument_version', 'rule_version', 'responses', 'outcome', 'risk_level', 'screened_at'], screeningRows);
          if (a.kind === 'loader') await copyRollupDeltas(client, deltas.text());
          await client.query('commit');
        } catch (error) {
          await client.query('rollback');
          throw error;
        } finally {
          client.release();
        }
        return;
      }
      case 'compact':
        expect(await compactRollups(db, app.operationId)).toBe(true);
        return;
      case 'screen': {
        const person = pick(a.pick);
        if (!person) return;
        await db.transaction().execute((tx) => recordScreenings(tx, [screening(person.id, a.outcome)]));
        return;
      }
      case 'rescore': {
        const chosen = [...new Map(a.picks.map((n) => pick(n)).filter((p) => p?.latest).map((p) => [p!.id, p!])).values()];
        if (chosen.length === 0) return;
        await db.transaction().execute((tx) => recordScreenings(tx, chosen.map((p) => screening(p.id, a.outcome, p.latest))));
        return;
      }
      case 'edit': {
        const person = pick(a.pick);
        if (!person) return;
        await db.updateTable('persons').set(personValues(a.facts)).where('operation_id', '=', app.operationId).where('id', '=', person.id).execute();
        return;
      }
      case 'erase': {
        const person = pick(a.pick);
        if (!person) return;
        await db.transaction().execute(async (tx) => {
          const row = await tx.selectFrom('persons').selectAll().where('operation_id', '=', app.operationId).where('id', '=', person.id).forUpdate().executeTakeFirstOrThrow();
          await anonymisePersonRows(tx, row, null, new Date());
        });
        return;
      }
      case 'delete': {
        const person = pick(a.pick);
        if (!person) return;
        await db.transaction().execute(async (tx) => {
          await tx.updateTable('screenings').set({ rescored_from: null }).where('operation_id', '=', app.operationId).where('person_id', '=', person.id).execute();
          await tx.deleteFrom('consents').where('operation_id', '=', app.operationId).where('person_id', '=', person.id).execute();
          await tx.deleteFrom('screenings').where('operation_id', '=', app.operationId).where('person_id', '=', person.id).execute();
          await tx.deleteFrom('persons').where('operation_id', '=', app.operationId).where('id', '=', person.id).execute();
        });
        return;
      }
    }
  }

  /** The same numbers three ways: each rollup (its rows summed per key, as readers sum them) and the raw scan it replaces. */
  async function compare(operationId: string = app.operationId): Promise<void> {
    const db = app.database.db;
    const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    const people = await sql`
      select site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, sum(n)::int as n, sum(key_sum)::text as key_sum
        from population_rollup where operation_id = ${operationId} group by 1, 2, 3, 4, 5, 6, 7, 8 having sum(n) <> 0`.execute(db);
    const rawPeople = await sql`
      select site_id, admin_area_code, setting, sex, extract(year from birth_date_effective)::int as birth_year, legal_status, care_situation, risk_level, count(*)::int as n, sum(record_key)::text as key_sum
        from persons where operation_id = ${operationId} group by 1, 2, 3, 4, 5, 6, 7, 8`.execute(db);
    expect(sorted(people.rows)).toEqual(sorted(rawPeople.rows));
    const domains = await sql`
      select site_id, admin_area_code, sex, birth_year, legal_status, care_situation, domain, level, sum(n)::int as n, sum(key_sum)::text as key_sum
        from population_domain_rollup where operation_id = ${operationId} group by 1, 2, 3, 4, 5, 6, 7, 8 having sum(n) <> 0`.execute(db);
    const rawDomains = await sql`
      select p.site_id, p.admin_area_code, p.sex, extract(year from p.birth_date_effective)::int as birth_year, p.legal_status, p.care_situation,
             d ->> 'domain' as domain, d ->> 'level' as level, count(*)::int as n, sum(p.record_key)::text as key_sum
        from persons p join screenings s on s.operation_id = p.operation_id and s.id = p.latest_screening_id
        cross join jsonb_array_elements(s.outcome -> 'domains') d
       where p.operation_id = ${operationId} and d ->> 'level' <> 'low' group by 1, 2, 3, 4, 5, 6, 7, 8`.execute(db);
    expect(sorted(domains.rows)).toEqual(sorted(rawDomains.rows));
    const trends = await sql`
      select month::text, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level, sum(n)::int as n, sum(key_sum)::text as key_sum
        from screening_trend_rollup where operation_id = ${operationId} group by 1, 2, 3, 4, 5, 6, 7, 8, 9 having sum(n) <> 0`.execute(db);
    const rawTrends = await sql`
      select date_trunc('month', s.screened_at at time zone 'UTC')::date::text as month, p.site_id, p.admin_area_code, p.setting, p.sex,
             extract(year from p.birth_date_effective)::int as birth_year, p.legal_status, p.care_situation, s.risk_level, count(*)::int as n, sum(p.record_key)::text as key_sum
        from screenings s join persons p on p.operation_id = s.operation_id and p.id = s.person_id
       where s.operation_id = ${operationId} and s.rescored_from is null group by 1, 2, 3, 4, 5, 6, 7, 8, 9`.execute(db);
    expect(sorted(trends.rows)).toEqual(sorted(rawTrends.rows));
  }

  it('stays equal to the raw aggregate after any mix of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (actions) => {
        for (const a of actions) await apply(a);
        await compare();
      }),
      { numRuns: 25 },
    );
    // The mix really exercised the rollups: people, current domains and trend rows exist.
    const counts = await sql<{ p: number; d: number; t: number }>`
      select (select count(*)::int from population_rollup where n > 0) as p, (select count(*)::int from population_domain_rollup where n > 0) as d,
             (select count(*)::int from screening_trend_rollup where n > 0) as t`.execute(app.database.db);
    expect(counts.rows[0]!.p).toBeGreaterThan(0);
    expect(counts.rows[0]!.d).toBeGreaterThan(0);
    expect(counts.rows[0]!.t).toBeGreaterThan(0);
  });

  it('a write rolled back leaves the rollups as they were', async () => {
    const before = await sql<{ n: string }>`select coalesce(sum(n), 0)::text as n from population_rollup where operation_id = ${app.operationId}`.execute(app.database.db);
    await app.database.db
      .transaction()
      .execute(async (tx) => {
        await tx.insertInto('persons').values({ operation_id: app.operationId, id: uuidv7(), given_name: 'X', family_name: 'Y', sex: 'male', birth_year: 1990, agency_id: app.agencyId, ...BLANK }).execute();
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const after = await sql<{ n: string }>`select coalesce(sum(n), 0)::text as n from population_rollup where operation_id = ${app.operationId}`.execute(app.database.db);
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
    await compare();
  });

  it('a compaction folds each key into one row, drops keys that sum to 0, and keeps every sum', async () => {
    const people = await living();
    // A person edited back and forth leaves -1/+1 pairs behind.
    if (people[0]) {
      for (const sex of ['female', 'male'] as const) {
        await app.database.db.updateTable('persons').set({ sex }).where('operation_id', '=', app.operationId).where('id', '=', people[0].id).execute();
      }
    }
    expect(await compactRollups(app.database.db, app.operationId)).toBe(true);
    for (const [table, key] of [
      ['population_rollup', 'site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level'],
      ['population_domain_rollup', 'site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, domain, level'],
      ['screening_trend_rollup', 'month, site_id, admin_area_code, setting, sex, birth_year, legal_status, care_situation, risk_level'],
    ] as const) {
      const shape = await sql<{ rows: number; keys: number; zero: number; pending: number }>`
        select count(*)::int as rows, count(distinct (${sql.raw(key)}))::int as keys, count(*) filter (where n = 0)::int as zero,
               count(*) filter (where not compacted)::int as pending
          from ${sql.table(table)} where operation_id = ${app.operationId}`.execute(app.database.db);
      // count(distinct row) skips rows that are all null; the keys here always have sex.
      expect(shape.rows[0]).toEqual({ rows: shape.rows[0]!.keys, keys: shape.rows[0]!.keys, zero: 0, pending: 0 });
    }
    await compare();
  });

  it('a repack after a bulk write rewrites the rollup tables to their live rows, every sum kept', async () => {
    // The random mixes before may leave nobody (erased or deleted, every count folded to
    // nothing): this test needs people of its own, or an empty table passes for packed.
    await app.database.db
      .insertInto('persons')
      .values([1990, 2001, 2015].map((year, i) => ({ operation_id: app.operationId, id: uuidv7(), given_name: `Repack ${i}`, family_name: 'Test', agency_id: app.agencyId, ...BLANK, ...personValues({ sex: 'female', exactDate: false, birthYear: year, site: i % 2, area: 'AREA-1', setting: 'camp', legal: 'registered_refugee', care: 'with_parents' }) })))
      .execute();
    const people = await living();
    // Deltas appended and folded, as after a load: the folded rows sit after the deleted ones.
    for (let round = 0; round < 3 && people[0]; round++) {
      for (const sex of ['male', 'female'] as const) {
        await app.database.db.updateTable('persons').set({ sex }).where('operation_id', '=', app.operationId).where('id', '=', people[0].id).execute();
      }
      await compactRollups(app.database.db, app.operationId);
    }
    // Every page of the table holds a live row: nothing left of the deleted deltas to scan.
    // VACUUM FULL copies rows another snapshot may still see (an autovacuum ANALYZE holds one
    // for a moment), so a repack that raced one is repeated: the live rows must end up packed.
    const packed = async () =>
      (
        await sql<{ used: number; pages: number }>`
          select count(distinct (ctid::text::point)[0])::int as used,
                 (pg_relation_size('population_rollup') / current_setting('block_size')::int)::int as pages
            from population_rollup`.execute(app.database.db)
      ).rows[0]!;
    await repackRollups(app.database.db);
    let after = await packed();
    for (let retry = 0; retry < 5 && after.pages !== after.used; retry++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await repackRollups(app.database.db);
      after = await packed();
    }
    expect(after.used).toBeGreaterThan(0);
    expect(after.pages).toBe(after.used);
    const dead = await sql<{ n: number }>`select count(*)::int as n from population_rollup where operation_id = ${app.operationId} and not compacted`.execute(app.database.db);
    expect(dead.rows[0]!.n).toBe(0);
    await compare();
  });

  it('a seeded population (the bulk loader appending its own deltas, then folding them) equals the raw aggregate', async () => {
    await seedPopulation(app.database, {
      persons: 1_500,
      seed: 7,
      today: new Date(Date.UTC(2026, 10, 20)),
      screen: true,
      keyRing: { active: 'k', keys: new Map([['k', generateKey()]]) },
    });
    const operations = await sql<{ operation_id: string; people: number }>`
      select operation_id, count(*)::int as people from persons where operation_id <> ${app.operationId} group by 1`.execute(app.database.db);
    expect(operations.rows.reduce((sum, op) => sum + op.people, 0)).toBeGreaterThanOrEqual(1_500);
    for (const op of operations.rows) await compare(op.operation_id);
    // 1,500 persons append more than the minimum a compaction waits for: the seed folded them.
    const pending = await sql<{ n: number }>`
      select count(*)::int as n from population_rollup where operation_id <> ${app.operationId} and not compacted`.execute(app.database.db);
    expect(pending.rows[0]!.n).toBe(0);
  });
});
