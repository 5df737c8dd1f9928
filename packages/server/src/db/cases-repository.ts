import type { Actor } from '@waymark/core';
import { sql, type Insertable, type Updateable } from 'kysely';
import type { CaseRow, CasesTable, CaseTaskRow, CaseTasksTable, ScreeningRow } from './schema';
import { scopeCondition } from './scope';
import type { Db, Tx } from './transaction';

export type CaseChanges = Updateable<CasesTable>;
export type NewCaseTaskRow = Insertable<CaseTasksTable>;
export type CaseTaskChanges = Updateable<CaseTasksTable>;

export async function insertCase(tx: Tx, row: Insertable<CasesTable>): Promise<CaseRow> {
  return tx.insertInto('cases').values(row).returningAll().executeTakeFirstOrThrow();
}

/** One case inside the actor's scope (the same rule as persons); outside it, undefined → 404. */
export async function findCase(db: Db | Tx, actor: Actor, id: string): Promise<CaseRow | undefined> {
  if (actor.operationIds.length === 0) return undefined;
  return db.selectFrom('cases').selectAll().where(scopeCondition(actor, 'cases')).where('id', '=', id).executeTakeFirst();
}

/** The case a number names, in the actor's scope (undefined outside it, as for an id). */
export async function findCaseIdByNumber(db: Db | Tx, actor: Actor, caseNumber: string): Promise<string | undefined> {
  if (actor.operationIds.length === 0) return undefined;
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where('operation_id', 'in', actor.operationIds)
    .where('case_number', '=', caseNumber)
    .where(scopeCondition(actor, 'cases'))
    .executeTakeFirst();
  return row?.id;
}

export async function findCaseForUpdate(tx: Tx, actor: Actor, id: string): Promise<CaseRow | undefined> {
  if (actor.operationIds.length === 0) return undefined;
  return tx.selectFrom('cases').selectAll().where(scopeCondition(actor, 'cases')).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Optimistic concurrency, as for persons: undefined when the version moved on. */
export async function updateCaseAtVersion(
  tx: Tx,
  key: { operationId: string; id: string; version: number },
  changes: Updateable<CasesTable>,
): Promise<CaseRow | undefined> {
  return tx
    .updateTable('cases')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
}

export async function insertCaseTasks(tx: Tx, rows: Insertable<CaseTasksTable>[]): Promise<CaseTaskRow[]> {
  if (rows.length === 0) return [];
  return tx.insertInto('case_tasks').values(rows).returningAll().execute();
}

export async function listTasksOfCase(db: Db | Tx, operationId: string, caseId: string): Promise<CaseTaskRow[]> {
  return db
    .selectFrom('case_tasks')
    .selectAll()
    .where('operation_id', '=', operationId)
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

/** A task in the actor's operations; whether its case is in scope is the caller's next question. */
export async function findTask(db: Db | Tx, operationIds: readonly string[], id: string): Promise<CaseTaskRow | undefined> {
  if (operationIds.length === 0) return undefined;
  return db.selectFrom('case_tasks').selectAll().where('operation_id', 'in', operationIds).where('id', '=', id).executeTakeFirst();
}

export async function findTaskForUpdate(tx: Tx, operationIds: readonly string[], id: string): Promise<CaseTaskRow | undefined> {
  if (operationIds.length === 0) return undefined;
  return tx.selectFrom('case_tasks').selectAll().where('operation_id', 'in', operationIds).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateTaskAtVersion(
  tx: Tx,
  key: { operationId: string; id: string; version: number },
  changes: Updateable<CaseTasksTable>,
): Promise<CaseTaskRow | undefined> {
  return tx
    .updateTable('case_tasks')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
}

/** A screening in the actor's operations; whether its person is in scope is the caller's next question. */
export async function findScreening(db: Db | Tx, operationIds: readonly string[], id: string): Promise<ScreeningRow | undefined> {
  if (operationIds.length === 0) return undefined;
  return db.selectFrom('screenings').selectAll().where('operation_id', 'in', operationIds).where('id', '=', id).executeTakeFirst();
}

export interface MyWorkRow extends CaseTaskRow {
  case_priority: string;
  case_status: string;
  case_number: string;
  /** The case's assigned worker: a task's restricted title is theirs to read (need to know). */
  case_assigned_user_id: string | null;
}

/**
 * The actor's open tasks on open cases they can reach, in due-date order (overdue ones
 * have the earliest dates), undated last, then the more urgent case. Served by
 * case_tasks_my_work_idx: one worker's open tasks are few even among 100,000 open cases.
 */
export async function listMyWork(db: Db, actor: Actor, limit: number): Promise<MyWorkRow[]> {
  if (actor.operationIds.length === 0) return [];
  return db
    .selectFrom('case_tasks')
    .innerJoin('cases', (join) => join.onRef('cases.operation_id', '=', 'case_tasks.operation_id').onRef('cases.id', '=', 'case_tasks.case_id'))
    .selectAll('case_tasks')
    .select(['cases.priority as case_priority', 'cases.status as case_status', 'cases.case_number', 'cases.assigned_user_id as case_assigned_user_id'])
    .where('case_tasks.operation_id', 'in', actor.operationIds)
    .where('case_tasks.owner_user_id', '=', actor.userId)
    .where('case_tasks.done_at', 'is', null)
    .where('cases.status', '<>', 'closed')
    .where(scopeCondition(actor, 'cases'))
    .orderBy(sql`case_tasks.due_date asc nulls last`)
    .orderBy(sql`case cases.priority when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`)
    .orderBy('case_tasks.id')
    .limit(limit)
    .execute();
}

export interface WorkloadRow {
  user_id: string;
  display_name: string;
  open_cases: number;
  open_tasks: number;
  overdue_tasks: number;
}

/**
 * Open cases held and open tasks owned, per enabled worker of one agency in one set of
 * operations: counts only, so a supervisor sees load without opening anyone's file.
 *
 * Summed from the workload ledgers (migration 0046), kept by triggers as cases and tasks are
 * written, instead of counting the agency's open cases and tasks at each read. Overdue is
 * every open task due in a week before this one (ledger) plus those due earlier this week
 * (the My work index, a few days of one worker's tasks).
 */
export async function workloadOfAgency(db: Db, agencyId: string, operationIds: readonly string[], today: string, roles: readonly string[]): Promise<WorkloadRow[]> {
  if (operationIds.length === 0 || roles.length === 0) return [];
  const ops = sql.join(operationIds.map((id) => sql`${id}::uuid`));
  const result = await sql<WorkloadRow>`
    with staff as (
      select u.id, u.display_name from users u
      where u.agency_id = ${agencyId}::uuid and u.disabled_at is null and u.role in (${sql.join(roles.map((role) => sql`${role}`))})
        and exists (select 1 from user_operations uo where uo.user_id = u.id and uo.operation_id in (${ops}))
    ),
    held as (
      select l.user_id, sum(l.n)::int as n from workload_case_ledger l
      where l.operation_id in (${ops}) and l.agency_id = ${agencyId}::uuid and l.user_id in (select id from staff)
      group by l.user_id
    ),
    owned as (
      select l.user_id, sum(l.n)::int as n,
             (sum(l.n) filter (where l.due_week < date_trunc('week', ${today}::date::timestamp)::date))::int as overdue
      from workload_task_ledger l
      where l.operation_id in (${ops}) and l.user_id in (select id from staff)
      group by l.user_id
    ),
    overdue_this_week as (
      select t.owner_user_id as user_id, count(*)::int as n from case_tasks t
      where t.operation_id in (${ops}) and t.done_at is null and t.owner_user_id in (select id from staff)
        and t.due_date >= date_trunc('week', ${today}::date::timestamp)::date and t.due_date < ${today}::date
      group by t.owner_user_id
    )
    select s.id as user_id, s.display_name, coalesce(h.n, 0) as open_cases, coalesce(o.n, 0) as open_tasks,
           coalesce(o.overdue, 0) + coalesce(w.n, 0) as overdue_tasks
    from staff s left join held h on h.user_id = s.id left join owned o on o.user_id = s.id left join overdue_this_week w on w.user_id = s.id
    order by open_cases desc, open_tasks desc, s.display_name, s.id
    limit 500`.execute(db);
  return result.rows;
}

export interface CaseAuditRow {
  at: Date;
  actor_id: string | null;
  action: string;
  details: Record<string, unknown>;
}

/** What happened to a case, oldest first; reads (`case.view`) are left out of the story. */
export async function caseAuditEntries(db: Db | Tx, operationId: string, caseId: string): Promise<CaseAuditRow[]> {
  return db
    .selectFrom('audit_events')
    .select(['at', 'actor_id', 'action', 'details'])
    .where('resource_type', '=', 'case')
    .where('resource_id', '=', caseId)
    .where('operation_id', '=', operationId)
    // Reads (case.view, trafficking.view, solutions.view …) are in the audit trail, not the case's story.
    .where('action', 'not like', '%.view')
    .where('action', 'not like', '%\\_view')
    .orderBy('id', 'asc')
    .limit(1000)
    .execute();
}

/** Cases in the actor's scope waiting for a closure decision, oldest request first. */
export async function listClosureRequests(db: Db, actor: Actor, limit: number): Promise<CaseRow[]> {
  if (actor.operationIds.length === 0) return [];
  return db
    .selectFrom('cases')
    .selectAll()
    .where(scopeCondition(actor, 'cases'))
    .where('closure_requested_at', 'is not', null)
    .where('status', '<>', 'closed')
    .orderBy('closure_requested_at', 'asc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Every case about a person (for subject access), oldest first. */
export async function casesOfPerson(db: Db | Tx, operationId: string, personId: string): Promise<CaseRow[]> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('operation_id', '=', operationId)
    .where('person_id', '=', personId)
    .orderBy('opened_at', 'asc')
    .orderBy('id')
    .execute();
}
