import type { Actor, TargetRule } from '@waymark/core';
import { sql, type Insertable, type Updateable } from 'kysely';
import type { ProgrammeRow, ProgrammeSessionRow, ProgrammesTable } from './programme-tables';
import { scopeCondition } from './scope';
import { areasUnder, targetRuleSql } from './target-rule-sql';
import type { Db, Tx } from './transaction';

export interface ProgrammeSummaryRow extends ProgrammeRow {
  enrolled: number;
  session_count: number;
  /** Sum of the enrolled persons' record keys modulo 2^32 (the enrolled count by the cell-key method). */
  enrolled_keys: string;
}

const NO_OPERATION = '00000000-0000-0000-0000-000000000000';

function summaries(db: Db | Tx, operationIds: readonly string[]) {
  return db
    .selectFrom('programmes as p')
    .selectAll('p')
    .select([
      sql<number>`(select count(*)::int from programme_enrolments e where e.operation_id = p.operation_id and e.programme_id = p.id)`.as('enrolled'),
      sql<number>`(select count(*)::int from programme_sessions s where s.operation_id = p.operation_id and s.programme_id = p.id)`.as('session_count'),
      sql<string>`(select coalesce(sum(x.record_key), 0) % 4294967296 from programme_enrolments e join persons x on x.operation_id = e.operation_id and x.id = e.person_id
        where e.operation_id = p.operation_id and e.programme_id = p.id)`.as('enrolled_keys'),
    ])
    .where('p.operation_id', 'in', operationIds.length > 0 ? operationIds : [NO_OPERATION]);
}

export async function listProgrammes(db: Db, operationIds: readonly string[]): Promise<ProgrammeSummaryRow[]> {
  return summaries(db, operationIds).orderBy('p.created_at', 'desc').orderBy('p.id').limit(500).execute();
}

/** Every programme of an operation, closed ones too (the release cut keeps each one's coverage). */
export async function programmesOfOperation(db: Db | Tx, operationId: string): Promise<ProgrammeRow[]> {
  return db.selectFrom('programmes').selectAll().where('operation_id', '=', operationId).orderBy('id').execute();
}

export async function findProgramme(db: Db | Tx, operationIds: readonly string[], id: string): Promise<ProgrammeSummaryRow | undefined> {
  return summaries(db, operationIds).where('p.id', '=', id).executeTakeFirst();
}

/** Locked so enrolments counted against the capacity are not raced past it. */
export async function lockProgramme(tx: Tx, operationIds: readonly string[], id: string): Promise<ProgrammeRow | undefined> {
  if (operationIds.length === 0) return undefined;
  return tx.selectFrom('programmes').selectAll().where('operation_id', 'in', operationIds).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertProgramme(tx: Tx, row: Insertable<ProgrammesTable>): Promise<void> {
  await tx.insertInto('programmes').values(row).execute();
}

export async function updateProgramme(tx: Tx, key: { operation_id: string; id: string; version: number }, change: Updateable<ProgrammesTable>): Promise<void> {
  await tx
    .updateTable('programmes')
    .set({ ...change, version: key.version + 1 })
    .where('operation_id', '=', key.operation_id)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .execute();
}

/** Who the rule selects in the programme's areas (everyone, for the aggregate; no scope). */
function selected(db: Db | Tx, programme: ProgrammeRow, today: Date) {
  let query = db
    .selectFrom('persons')
    .where('persons.operation_id', '=', programme.operation_id)
    .where('persons.anonymised_at', 'is', null)
    .where(targetRuleSql(programme.rule as TargetRule, today, programme.operation_id));
  // A programme in a governorate reaches the districts under it.
  if (programme.admin_area_codes.length > 0) query = query.where(sql<boolean>`persons.admin_area_code in ${areasUnder(programme.operation_id, programme.admin_area_codes)}`);
  return query;
}

export interface TargetRow {
  id: string;
  given_name: string;
  family_name: string;
  sex: string;
  date_of_birth: string | null;
  birth_year: number | null;
  admin_area_code: string | null;
  risk_level: string | null;
  enrolled: boolean;
}

const EXACT_UP_TO = 10_000;

/**
 * The target list: the people the rule selects in the reader's scope, highest risk first,
 * in the order of persons_risk_idx (operation, risk_rank desc nulls last, created_at desc,
 * id), so a page is read off the index and stops at the page's end. Counted exactly up to
 * 10,000 (as the person list), because past that an exact count costs more than the page.
 */
export async function targetList(db: Db, actor: Actor, programme: ProgrammeRow, today: Date, page: { offset: number; limit: number }): Promise<{ rows: TargetRow[]; total: number; totalIsExact: boolean }> {
  const base = selected(db, programme, today).where(scopeCondition(actor, 'persons', [programme.operation_id]));
  // The page and the capped count are independent: asked side by side.
  const pageQuery = base
    .select([
      'persons.id',
      'persons.given_name',
      'persons.family_name',
      'persons.sex',
      'persons.date_of_birth',
      'persons.birth_year',
      'persons.admin_area_code',
      'persons.risk_level',
      sql<boolean>`exists (select 1 from programme_enrolments e where e.operation_id = persons.operation_id and e.programme_id = ${programme.id}::uuid and e.person_id = persons.id)`.as('enrolled'),
    ])
    .orderBy(sql`persons.risk_rank desc nulls last`)
    .orderBy('persons.created_at', 'desc')
    .orderBy('persons.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const countQuery = db
    .selectFrom(base.select(sql<number>`1`.as('one')).limit(EXACT_UP_TO + 1).as('capped'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const [rows, counted] = await Promise.all([pageQuery, countQuery]);
  const n = Number(counted.n);
  return { rows, total: Math.min(n, EXACT_UP_TO), totalIsExact: n <= EXACT_UP_TO };
}

export async function countEnrolled(tx: Tx, programme: ProgrammeRow): Promise<number> {
  const row = await tx
    .selectFrom('programme_enrolments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('operation_id', '=', programme.operation_id)
    .where('programme_id', '=', programme.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertEnrolment(tx: Tx, row: { operation_id: string; programme_id: string; person_id: string; enrolled_at: Date; enrolled_by: string; consent_overridden: boolean }): Promise<boolean> {
  const inserted = await tx.insertInto('programme_enrolments').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Enrolled people in the reader's scope, with the sessions each attended. */
export async function listEnrolments(db: Db, actor: Actor, programme: ProgrammeRow) {
  return db
    .selectFrom('programme_enrolments as e')
    .innerJoin('persons', (join) => join.onRef('persons.operation_id', '=', 'e.operation_id').onRef('persons.id', '=', 'e.person_id'))
    .select([
      'persons.id as person_id',
      'persons.given_name',
      'persons.family_name',
      'persons.sex',
      'persons.date_of_birth',
      'persons.birth_year',
      'persons.risk_level',
      'e.enrolled_at',
      sql<number>`(select count(*)::int from programme_attendance a where a.operation_id = e.operation_id and a.programme_id = e.programme_id and a.person_id = e.person_id)`.as('attended'),
    ])
    .where('e.operation_id', '=', programme.operation_id)
    .where('e.programme_id', '=', programme.id)
    .where(scopeCondition(actor, 'persons', [programme.operation_id]))
    .orderBy('e.enrolled_at')
    .orderBy('persons.id')
    .limit(2000)
    .execute();
}

/** Of these people, the ones enrolled in the programme and in the actor's scope. */
export async function enrolledInScope(tx: Tx, actor: Actor, programme: ProgrammeRow, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await tx
    .selectFrom('programme_enrolments as e')
    .innerJoin('persons', (join) => join.onRef('persons.operation_id', '=', 'e.operation_id').onRef('persons.id', '=', 'e.person_id'))
    .select('e.person_id')
    .where('e.operation_id', '=', programme.operation_id)
    .where('e.programme_id', '=', programme.id)
    .where('e.person_id', 'in', personIds)
    .where(scopeCondition(actor, 'persons', [programme.operation_id]))
    .execute();
  return new Set(rows.map((row) => row.person_id));
}

/** Of these people, the ones anonymised (erased or past retention): nothing new is recorded about them. */
export async function anonymisedAmong(tx: Tx, operationId: string, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await tx.selectFrom('persons').select('id').where('operation_id', '=', operationId).where('id', 'in', personIds).where('anonymised_at', 'is not', null).execute();
  return new Set(rows.map((row) => row.id));
}

export async function insertSession(tx: Tx, row: { operation_id: string; id: string; programme_id: string; held_on: string; topic: string; admin_area_code: string | null; recorded_at: Date; recorded_by: string }): Promise<ProgrammeSessionRow> {
  return tx.insertInto('programme_sessions').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function insertAttendance(tx: Tx, rows: { operation_id: string; session_id: string; programme_id: string; person_id: string; recorded_at: Date; recorded_by: string }[]): Promise<void> {
  if (rows.length > 0) await tx.insertInto('programme_attendance').values(rows).execute();
}

export async function listSessions(db: Db, programme: ProgrammeRow) {
  return db
    .selectFrom('programme_sessions as s')
    .selectAll('s')
    .select(sql<number>`(select count(*)::int from programme_attendance a where a.operation_id = s.operation_id and a.session_id = s.id)`.as('attendance'))
    .select(
      sql<string>`(select coalesce(sum(x.record_key), 0) % 4294967296 from programme_attendance a join persons x on x.operation_id = a.operation_id and x.id = a.person_id
        where a.operation_id = s.operation_id and a.session_id = s.id)`.as('attendance_keys'),
    )
    .where('s.operation_id', '=', programme.operation_id)
    .where('s.programme_id', '=', programme.id)
    .orderBy('s.held_on', 'desc')
    .orderBy('s.id', 'desc')
    .limit(500)
    .execute();
}

export interface CoverageCountRow {
  admin_area_code: string | null;
  sex: string;
  age: number;
  in_need: number;
  targeted: number;
  reached: number;
  /** Sums of the counted people's record keys, modulo 2^32, per measure (the cell-key method). */
  in_need_keys: number;
  targeted_keys: number;
  reached_keys: number;
}

/**
 * Raw coverage counts by area, sex and age (in whole years as core counts them): in need
 * (the rule selects them in the programme's areas), targeted (enrolled) and reached
 * (attended at least once). One grouped pass; these leave only through core/disclosure.
 */
export async function countCoverage(db: Db | Tx, programme: ProgrammeRow, today: Date): Promise<CoverageCountRow[]> {
  const y = today.getUTCFullYear();
  const day = today.toISOString().slice(0, 10);
  const inNeed = selected(db, programme, today).select(['persons.id', sql<number>`1`.as('in_need')]);
  const result = await sql<{
    admin_area_code: string | null;
    sex: string;
    age: number;
    in_need: string;
    targeted: string;
    reached: string;
    in_need_keys: string;
    targeted_keys: string;
    reached_keys: string;
  }>`
    with need as (${inNeed}),
    enrolled as (
      select e.person_id, exists (select 1 from programme_attendance a where a.operation_id = e.operation_id and a.programme_id = e.programme_id and a.person_id = e.person_id) as attended
      from programme_enrolments e where e.operation_id = ${programme.operation_id}::uuid and e.programme_id = ${programme.id}::uuid
    ),
    people as (
      select coalesce(need.id, enrolled.person_id) as id, need.id is not null as in_need, enrolled.person_id is not null as targeted, coalesce(enrolled.attended, false) as reached
      from need full join enrolled on enrolled.person_id = need.id
    )
    select p.admin_area_code, p.sex,
      (case when p.date_of_birth is not null then extract(year from age(${day}::date, p.date_of_birth))::int else ${y} - p.birth_year end) as age,
      count(*) filter (where people.in_need) as in_need,
      count(*) filter (where people.targeted) as targeted,
      count(*) filter (where people.reached) as reached,
      coalesce(sum(p.record_key) filter (where people.in_need) % 4294967296, 0) as in_need_keys,
      coalesce(sum(p.record_key) filter (where people.targeted) % 4294967296, 0) as targeted_keys,
      coalesce(sum(p.record_key) filter (where people.reached) % 4294967296, 0) as reached_keys
    from people join persons p on p.operation_id = ${programme.operation_id}::uuid and p.id = people.id
    group by 1, 2, 3`.execute(db);
  return result.rows.map((row) => ({
    ...row,
    age: Number(row.age),
    in_need: Number(row.in_need),
    targeted: Number(row.targeted),
    reached: Number(row.reached),
    in_need_keys: Number(row.in_need_keys),
    targeted_keys: Number(row.targeted_keys),
    reached_keys: Number(row.reached_keys),
  }));
}
