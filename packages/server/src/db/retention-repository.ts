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
 * The "inactive" rule: a person not yet anonymised, with no activity since the cutoff: no
 * change to the record, no screening, no protection note written, no consent decision, no
 * programme enrolment or attendance, no workplace link.
 * More rules (a closed case, when cases arrive) are more conditions OR-ed in here, each
 * with its own reason in the report.
 */
function inactiveSince(eb: ExpressionBuilder<Database, 'persons'>, operationId: string, cutoff: Date): Expression<SqlBool> {
  return eb.and([
    eb('persons.operation_id', '=', operationId),
    eb('persons.anonymised_at', 'is', null),
    eb('persons.updated_at', '<', cutoff),
    eb.or([eb('persons.screened_at', 'is', null), eb('persons.screened_at', '<', cutoff)]),
    eb.not(
      eb.exists(
        eb
          .selectFrom('protection_notes as n')
          .select(sql.lit(1).as('one'))
          .whereRef('n.operation_id', '=', 'persons.operation_id')
          .whereRef('n.person_id', '=', 'persons.id')
          .where('n.updated_at', '>=', cutoff),
      ),
    ),
    eb.not(
      eb.exists(
        eb
          .selectFrom('consents as c')
          .select(sql.lit(1).as('one'))
          .whereRef('c.operation_id', '=', 'persons.operation_id')
          .whereRef('c.person_id', '=', 'persons.id')
          .where('c.recorded_at', '>=', cutoff),
      ),
    ),
    // Taking part in a programme, or being linked to a workplace, is activity too: someone
    // attending sessions last month is not inactive however old their record.
    sql<boolean>`not exists (select 1 from programme_enrolments e where e.operation_id = persons.operation_id and e.person_id = persons.id and e.enrolled_at >= ${cutoff})`,
    sql<boolean>`not exists (select 1 from programme_attendance a where a.operation_id = persons.operation_id and a.person_id = persons.id and a.recorded_at >= ${cutoff})`,
    sql<boolean>`not exists (select 1 from workplace_people l where l.operation_id = persons.operation_id and l.person_id = persons.id and l.linked_at >= ${cutoff})`,
  ]);
}

/** The latest of the activities the rule looks at, for the report's "oldest last activity". */
const lastActivity = sql<Date>`greatest(persons.updated_at, persons.screened_at,
  (select max(n.updated_at) from protection_notes n where n.operation_id = persons.operation_id and n.person_id = persons.id),
  (select max(c.recorded_at) from consents c where c.operation_id = persons.operation_id and c.person_id = persons.id),
  (select max(e.enrolled_at) from programme_enrolments e where e.operation_id = persons.operation_id and e.person_id = persons.id),
  (select max(a.recorded_at) from programme_attendance a where a.operation_id = persons.operation_id and a.person_id = persons.id),
  (select max(l.linked_at) from workplace_people l where l.operation_id = persons.operation_id and l.person_id = persons.id))`;

export interface InactiveSummary {
  count: number;
  oldestLastActivity: Date | null;
  ids: string[];
}

export async function summariseInactive(db: Db, operationId: string, cutoff: Date, idLimit: number): Promise<InactiveSummary> {
  const [summary, ids] = await Promise.all([
    db
      .selectFrom('persons')
      .where((eb) => inactiveSince(eb, operationId, cutoff))
      .select((eb) => [eb.fn.countAll<number>().as('n'), sql<Date | null>`min(${lastActivity})`.as('oldest')])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('persons')
      .where((eb) => inactiveSince(eb, operationId, cutoff))
      .select('id')
      .orderBy('updated_at')
      .orderBy('id')
      .limit(idLimit)
      .execute(),
  ]);
  return { count: Number(summary.n), oldestLastActivity: summary.oldest ? new Date(summary.oldest) : null, ids: ids.map((row) => row.id) };
}

/** A batch of inactive people, locked; rows another transaction holds wait for the next run. */
export async function lockInactiveBatch(tx: Tx, operationId: string, cutoff: Date, limit: number): Promise<PersonRow[]> {
  return tx
    .selectFrom('persons')
    .selectAll()
    .where((eb) => inactiveSince(eb, operationId, cutoff))
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
