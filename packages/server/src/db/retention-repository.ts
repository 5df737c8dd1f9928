import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, OperationRetentionRow, PersonRow } from './schema';
import type { Db, Tx } from './transaction';

export async function findRetentionPolicy(db: Db | Tx, operationId: string): Promise<OperationRetentionRow | undefined> {
  return db.selectFrom('operation_retention').selectAll().where('operation_id', '=', operationId).executeTakeFirst();
}

export async function insertRetentionPolicy(
  tx: Tx,
  policy: { operationId: string; id: string; anonymiseInactiveAfterDays: number | null; actorId: string },
): Promise<OperationRetentionRow | undefined> {
  return tx
    .insertInto('operation_retention')
    .values({
      operation_id: policy.operationId,
      id: policy.id,
      anonymise_inactive_after_days: policy.anonymiseInactiveAfterDays,
      updated_by: policy.actorId,
    })
    .onConflict((oc) => oc.column('operation_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateRetentionPolicyAtVersion(
  tx: Tx,
  key: { operationId: string; version: number },
  change: { anonymiseInactiveAfterDays: number | null; actorId: string },
): Promise<OperationRetentionRow | undefined> {
  return tx
    .updateTable('operation_retention')
    .set({
      anonymise_inactive_after_days: change.anonymiseInactiveAfterDays,
      updated_by: change.actorId,
      version: sql<number>`version + 1`,
      updated_at: sql`now()`,
    })
    .where('operation_id', '=', key.operationId)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
}

/** Policies with a rule switched on, optionally of one operation (by code). */
export async function listActiveRetentionPolicies(db: Db, operationCode?: string): Promise<Array<OperationRetentionRow & { code: string }>> {
  let query = db
    .selectFrom('operation_retention as r')
    .innerJoin('operations as o', 'o.id', 'r.operation_id')
    .selectAll('r')
    .select('o.code')
    .where('r.anonymise_inactive_after_days', 'is not', null);
  if (operationCode !== undefined) query = query.where('o.code', '=', operationCode);
  return query.orderBy('o.code').execute();
}

export async function operationIdOfCode(db: Db, code: string): Promise<string | undefined> {
  return (await db.selectFrom('operations').select('id').where('code', '=', code).executeTakeFirst())?.id;
}

/**
 * Everything that counts as activity on a person, each with its kind for the dry run's
 * "why". A case counts whether it is the person's own or their household's, and so does
 * the case work hanging off it (tasks and referrals, trafficking assessments, durable
 * solutions, resettlement, solution steps); a care arrangement counts for the child and for
 * the person named as carer. Add a source here and the rule, the report and the run all
 * see it. (There is no tracing record in Waymark yet; when one comes, it joins this list.)
 */
const personCases = sql`select c.id from cases c
  where c.operation_id = persons.operation_id
    and (c.person_id = persons.id or (persons.household_id is not null and c.household_id = persons.household_id))`;

export const ACTIVITY_SOURCES = [
  { kind: 'record', at: sql<Date>`persons.updated_at` },
  { kind: 'screening', at: sql<Date>`persons.screened_at` },
  { kind: 'protection_note', at: sql<Date>`(select max(n.updated_at) from protection_notes n where n.operation_id = persons.operation_id and n.person_id = persons.id)` },
  { kind: 'consent', at: sql<Date>`(select max(c.recorded_at) from consents c where c.operation_id = persons.operation_id and c.person_id = persons.id)` },
  { kind: 'programme_enrolment', at: sql<Date>`(select max(e.enrolled_at) from programme_enrolments e where e.operation_id = persons.operation_id and e.person_id = persons.id)` },
  { kind: 'programme_attendance', at: sql<Date>`(select max(a.recorded_at) from programme_attendance a where a.operation_id = persons.operation_id and a.person_id = persons.id)` },
  { kind: 'workplace_link', at: sql<Date>`(select max(l.linked_at) from workplace_people l where l.operation_id = persons.operation_id and l.person_id = persons.id)` },
  { kind: 'case', at: sql<Date>`(select max(greatest(c.updated_at, c.closed_at)) from cases c where c.operation_id = persons.operation_id and c.id in (${personCases}))` },
  { kind: 'case_task', at: sql<Date>`(select max(greatest(t.updated_at, t.done_at)) from case_tasks t where t.operation_id = persons.operation_id and t.case_id in (${personCases}))` },
  { kind: 'trafficking_assessment', at: sql<Date>`(select max(t.assessed_at) from trafficking_assessments t where t.operation_id = persons.operation_id and (t.person_id = persons.id or t.case_id in (${personCases})))` },
  { kind: 'durable_solutions', at: sql<Date>`(select max(d.updated_at) from durable_solution_assessments d where d.operation_id = persons.operation_id and d.case_id in (${personCases}))` },
  { kind: 'resettlement', at: sql<Date>`(select max(greatest(r.updated_at, r.submitted_at)) from resettlement_submissions r where r.operation_id = persons.operation_id and r.case_id in (${personCases}))` },
  { kind: 'solution_step', at: sql<Date>`(select max(greatest(s.updated_at, s.completed_at)) from solution_steps s where s.operation_id = persons.operation_id and s.case_id in (${personCases}))` },
  { kind: 'best_interests_assessment', at: sql<Date>`(select max(greatest(b.updated_at, b.completed_at::timestamptz)) from best_interests_assessments b where b.operation_id = persons.operation_id and b.person_id = persons.id)` },
  { kind: 'best_interests_determination', at: sql<Date>`(select max(greatest(b.created_at, b.decision_date::timestamptz)) from best_interests_determinations b where b.operation_id = persons.operation_id and b.person_id = persons.id)` },
  {
    kind: 'care_arrangement',
    at: sql<Date>`(select max(greatest(a.created_at, a.started_on::timestamptz, a.ended_on::timestamptz)) from care_arrangements a
                    where a.operation_id = persons.operation_id and (a.person_id = persons.id or a.carer_person_id = persons.id))`,
  },
] as const;

export type ActivityKind = (typeof ACTIVITY_SOURCES)[number]['kind'];

/** The latest activity of any kind; greatest() skips nulls, as a person without cases has none. */
const lastActivity = sql<Date>`greatest(${sql.join(ACTIVITY_SOURCES.map((source) => source.at))})`;

/** Which kind that latest activity was: the first source whose time equals it. */
const lastActivityKind = sql<ActivityKind>`case ${sql.join(
  ACTIVITY_SOURCES.map((source) => sql`when ${source.at} = ${lastActivity} then ${sql.lit(source.kind)}`),
  sql` `,
)} end`;

/**
 * Protection work that is still going on, which no schedule may cut short however old its
 * last change: an open case of theirs (own or household), a best-interests assessment not
 * completed, a care arrangement (as child or carer) not ended, or a child under 18 with a
 * best-interests determination, whose reviews go on until they come of age.
 */
function activeProtection(asOf: Date) {
  const day = asOf.toISOString().slice(0, 10);
  return sql<boolean>`(
    exists (select 1 from cases c where c.operation_id = persons.operation_id and c.id in (${personCases}) and c.status <> 'closed')
    or exists (select 1 from best_interests_assessments b where b.operation_id = persons.operation_id and b.person_id = persons.id and b.completed_at is null)
    or exists (select 1 from care_arrangements a where a.operation_id = persons.operation_id and (a.person_id = persons.id or a.carer_person_id = persons.id)
                 and (a.ended_on is null or a.ended_on >= ${day}::date))
    or (exists (select 1 from best_interests_determinations b where b.operation_id = persons.operation_id and b.person_id = persons.id)
        and (persons.birth_date_effective is null or persons.birth_date_effective > ${day}::date - interval '18 years')))`;
}

/**
 * The "inactive" rule: a person not yet anonymised, with no activity of any kind since the
 * cutoff and no protection work going on. More rules are more conditions OR-ed in here,
 * each with its own reason in the report.
 */
function inactiveSince(eb: ExpressionBuilder<Database, 'persons'>, operationId: string, cutoff: Date, asOf: Date): Expression<SqlBool> {
  return eb.and([
    eb('persons.operation_id', '=', operationId),
    eb('persons.anonymised_at', 'is', null),
    sql<boolean>`${lastActivity} < ${cutoff}`,
    sql<boolean>`not ${activeProtection(asOf)}`,
  ]);
}

export interface RetentionCandidate {
  personId: string;
  lastActivity: Date;
  lastActivityKind: ActivityKind;
}

export interface InactiveSummary {
  count: number;
  oldestLastActivity: Date | null;
  candidates: RetentionCandidate[];
}

export async function summariseInactive(db: Db, operationId: string, cutoff: Date, asOf: Date, idLimit: number): Promise<InactiveSummary> {
  const [summary, rows] = await Promise.all([
    db
      .selectFrom('persons')
      .where((eb) => inactiveSince(eb, operationId, cutoff, asOf))
      .select((eb) => [eb.fn.countAll<number>().as('n'), sql<Date | null>`min(${lastActivity})`.as('oldest')])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('persons')
      .where((eb) => inactiveSince(eb, operationId, cutoff, asOf))
      .select(['id', lastActivity.as('last_activity'), lastActivityKind.as('last_activity_kind')])
      .orderBy('updated_at')
      .orderBy('id')
      .limit(idLimit)
      .execute(),
  ]);
  return {
    count: Number(summary.n),
    oldestLastActivity: summary.oldest ? new Date(summary.oldest) : null,
    candidates: rows.map((row) => ({ personId: row.id, lastActivity: new Date(row.last_activity), lastActivityKind: row.last_activity_kind })),
  };
}

/** A batch of inactive people, locked; rows another transaction holds wait for the next run. */
export async function lockInactiveBatch(tx: Tx, operationId: string, cutoff: Date, asOf: Date, limit: number): Promise<PersonRow[]> {
  return tx
    .selectFrom('persons')
    .selectAll()
    .where((eb) => inactiveSince(eb, operationId, cutoff, asOf))
    .orderBy('updated_at')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

// Any constant works, as long as every Waymark process uses the same one.
const RETENTION_LOCK = 7_302_916;

/**
 * Runs `work` only if no other process is running retention: a session-level advisory
 * lock held on one connection for the whole run, released however the run ends.
 * Answers `{ ran: false }` when another process holds it.
 */
export async function withRetentionLock<T>(db: Db, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
  return db.connection().execute(async (connection) => {
    const locked = await sql<{ ok: boolean }>`select pg_try_advisory_lock(${RETENTION_LOCK}) as ok`.execute(connection);
    if (!locked.rows[0]?.ok) return { ran: false as const };
    try {
      return { ran: true as const, value: await work() };
    } finally {
      await sql`select pg_advisory_unlock(${RETENTION_LOCK})`.execute(connection);
    }
  });
}
