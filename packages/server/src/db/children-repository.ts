import type { Actor } from '@waymark/core';
import { sql, type Insertable, type Selectable } from 'kysely';
import type {
  BestInterestsAssessmentRow,
  BestInterestsAssessmentsTable,
  BestInterestsDeterminationRow,
  BestInterestsDeterminationsTable,
  CareArrangementRow,
  CareArrangementsTable,
  Database,
} from './schema';
import { scopeCondition } from './scope';
import type { Db, Tx } from './transaction';

export interface ChildSettings {
  reviewIntervalMonths: number;
  biaNonUrgentDays: number;
  bidMinPanelSize: number;
}

/** The operation's settings, or the core defaults (6 months, 90 days, 3 members) when none are saved. */
export async function childSettings(db: Db | Tx, operationId: string): Promise<ChildSettings> {
  const row = await db.selectFrom('child_protection_settings').selectAll().where('operation_id', '=', operationId).executeTakeFirst();
  return {
    reviewIntervalMonths: row?.review_interval_months ?? 6,
    biaNonUrgentDays: row?.bia_non_urgent_days ?? 90,
    bidMinPanelSize: row?.bid_min_panel_size ?? 3,
  };
}

export async function insertBia(tx: Tx, row: Insertable<BestInterestsAssessmentsTable>): Promise<BestInterestsAssessmentRow> {
  return tx.insertInto('best_interests_assessments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A BIA whose child is inside the actor's scope (the person's scope decides); else undefined → 404. */
export async function findBiaForUpdate(tx: Tx, actor: Actor, id: string): Promise<BestInterestsAssessmentRow | undefined> {
  if (actor.operationIds.length === 0) return undefined;
  return tx
    .selectFrom('best_interests_assessments as b')
    .innerJoin('persons', (join) => join.onRef('persons.operation_id', '=', 'b.operation_id').onRef('persons.id', '=', 'b.person_id'))
    .selectAll('b')
    .where(scopeCondition(actor, 'persons'))
    .where('b.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function completeBiaAtVersion(
  tx: Tx,
  key: { operationId: string; id: string; version: number },
  completedAt: string,
  userId: string,
): Promise<BestInterestsAssessmentRow | undefined> {
  return tx
    .updateTable('best_interests_assessments')
    .set({ completed_at: completedAt, updated_by: userId, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
}

/** Replaces a BIA's sealed sections at the version read (migration 0043); undefined when someone changed it first. */
export async function writeBiaContentAtVersion(
  tx: Tx,
  key: { operationId: string; id: string; version: number },
  sealed: string,
  userId: string,
  at: Date,
): Promise<BestInterestsAssessmentRow | undefined> {
  return tx
    .updateTable('best_interests_assessments')
    .set({ content_sealed: sealed, content_updated_at: at, content_updated_by: userId, updated_by: userId, updated_at: sql`now()`, version: sql<number>`version + 1` })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
}

/** The tables of a child's best-interests history: rows about one person, kept in one operation. */
type ChildHistoryTable = 'best_interests_assessments' | 'best_interests_determinations' | 'care_arrangements';
type ColumnOf<T extends ChildHistoryTable> = keyof Database[T] & string;

/**
 * A page of one child-history table in one operation, by the person it is about (or the
 * step it was recorded on), in the order of one date with the id breaking ties. The one
 * query the history lists share; the operation leads, as in every key.
 */
async function childHistory<T extends ChildHistoryTable>(
  db: Db | Tx,
  table: T,
  operationId: string,
  where: { column: ColumnOf<T>; is: string },
  order: { by: ColumnOf<T>; direction: 'asc' | 'desc'; limit?: number },
): Promise<Selectable<Database[T]>[]> {
  // Kysely cannot type a query over a table chosen by a type parameter, so it is built over
  // all three; the signature keeps the columns to T's own, so the rows read are T's.
  let query = db
    .selectFrom(table as ChildHistoryTable)
    .selectAll()
    .where('operation_id', '=', operationId)
    .where(where.column as ColumnOf<ChildHistoryTable>, '=', where.is)
    .orderBy(order.by as ColumnOf<ChildHistoryTable>, order.direction)
    .orderBy('id', order.direction);
  if (order.limit !== undefined) query = query.limit(order.limit);
  return (await query.execute()) as Selectable<Database[T]>[];
}

export async function biasOfPerson(db: Db | Tx, operationId: string, personId: string): Promise<BestInterestsAssessmentRow[]> {
  return childHistory(db, 'best_interests_assessments', operationId, { column: 'person_id', is: personId }, { by: 'identified_at', direction: 'desc', limit: 100 });
}

export async function insertBid(tx: Tx, row: Insertable<BestInterestsDeterminationsTable>): Promise<BestInterestsDeterminationRow> {
  return tx.insertInto('best_interests_determinations').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A child's BIDs, latest decision first. */
export async function bidsOfPerson(db: Db | Tx, operationId: string, personId: string): Promise<BestInterestsDeterminationRow[]> {
  return childHistory(db, 'best_interests_determinations', operationId, { column: 'person_id', is: personId }, { by: 'decision_date', direction: 'desc', limit: 100 });
}

/** For no-child-left-behind (solutions): the BIDs recorded on one durable-solution step. */
export async function bidsOnSolutionStep(db: Db | Tx, operationId: string, solutionStepId: string): Promise<BestInterestsDeterminationRow[]> {
  return childHistory(db, 'best_interests_determinations', operationId, { column: 'solution_step_ref', is: solutionStepId }, { by: 'decision_date', direction: 'desc' });
}

/** A changed arrangement brings the latest BID's review forward (core nextReviewDate decides the date). */
export async function setReviewDue(tx: Tx, key: { operationId: string; id: string }, dueOn: string, reason: string): Promise<void> {
  await tx
    .updateTable('best_interests_determinations')
    .set({ review_due_on: dueOn, review_due_reason: reason })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .execute();
}

export async function insertCareArrangement(tx: Tx, row: Insertable<CareArrangementsTable>): Promise<CareArrangementRow> {
  return tx.insertInto('care_arrangements').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A child's care-arrangement history, oldest first. */
export async function careArrangementsOfPerson(db: Db | Tx, operationId: string, personId: string): Promise<CareArrangementRow[]> {
  return childHistory(db, 'care_arrangements', operationId, { column: 'person_id', is: personId }, { by: 'started_on', direction: 'asc', limit: 500 });
}

/** For no-child-left-behind (solutions): the arrangements with this carer that cover `on`. */
export async function currentArrangementsOfCarer(db: Db | Tx, operationId: string, carerPersonId: string, on: string): Promise<CareArrangementRow[]> {
  return db
    .selectFrom('care_arrangements')
    .selectAll()
    .where('operation_id', '=', operationId)
    .where('carer_person_id', '=', carerPersonId)
    .where('started_on', '<=', on)
    .where((eb) => eb.or([eb('ended_on', 'is', null), eb('ended_on', '>', on)]))
    .orderBy('started_on', 'asc')
    .execute();
}

export interface ChildDueRow {
  kind: 'bia' | 'review';
  id: string;
  child_id: string;
  due_date: string;
}

/**
 * Open BIAs past their due date and latest BIDs past their review date, for children in
 * the actor's scope (the scope condition on persons is in the query, not applied after),
 * most overdue first. A review is done by recording a new BID, so only the latest counts.
 */
export async function overdueChildItems(db: Db, actor: Actor, today: string, limit: number): Promise<ChildDueRow[]> {
  if (actor.operationIds.length === 0) return [];
  const ops = sql.join(actor.operationIds.map((id) => sql`${id}::uuid`));
  const scope = scopeCondition(actor, 'persons');
  // The overdue items of the operations are few beside their persons (about 10,000 among a
  // million): gathered and ordered first, then each child's scope is looked up by key until
  // the page is full. Joining persons first let the planner hash a whole agency's persons
  // (100 ms at 100,000 persons; docs/PERFORMANCE.md). A materialised CTE is read back in the
  // order it was written and a lateral nested loop keeps it, so no second sort of every item
  // is needed to take the first page (core's overdueItems orders the page again anyway).
  const result = await sql<ChildDueRow>`
    with due as materialized (
      select * from (
        select 'bia'::text as kind, 0 as kind_rank, b.id, b.person_id as child_id, b.operation_id, b.due_date
        from best_interests_assessments b
        where b.operation_id in (${ops}) and b.completed_at is null and b.due_date < ${today}::date
        union all
        select 'review'::text as kind, 1 as kind_rank, d.id, d.person_id as child_id, d.operation_id, d.review_due_on as due_date
        from best_interests_determinations d
        where d.operation_id in (${ops}) and d.review_due_on < ${today}::date
          and not exists (
            select 1 from best_interests_determinations n
            where n.operation_id = d.operation_id and n.person_id = d.person_id and (n.decision_date, n.id) > (d.decision_date, d.id)
          )
      ) items
      order by due_date asc, kind_rank, child_id, id
    )
    select due.kind, due.id, due.child_id, due.due_date
    from due
    cross join lateral (
      -- An erased child's open BIA or review is no one's work any more: it leaves the list.
      select 1 from persons where persons.operation_id = due.operation_id and persons.id = due.child_id and persons.anonymised_at is null and ${scope} limit 1
    ) held
    limit ${limit}`.execute(db);
  return result.rows;
}

export interface ChildDeadlineRow {
  kind: 'bia' | 'bid' | 'review';
  id: string;
  child_id: string;
  due_date: string | null;
  solution_step_id: string | null;
  case_id: string | null;
}

/**
 * What the children assigned to this user wait for (My work): open BIAs, the review of
 * each child's latest BID, and the BIDs a planned or ongoing move needs for a child in the
 * care of someone on the move's case (the child's worker's, and the case holder's, to do).
 * A move's BID has no date of its own: it is listed first, as the move waits for it.
 */
export async function deadlinesOfUser(db: Db, userId: string, operationIds: readonly string[], today: string, limit: number): Promise<ChildDeadlineRow[]> {
  if (operationIds.length === 0) return [];
  const ops = sql.join(operationIds.map((id) => sql`${id}::uuid`));
  const result = await sql<ChildDeadlineRow>`
    select * from (
      select 'bia'::text as kind, b.id, b.person_id as child_id, b.due_date::text as due_date, null::uuid as solution_step_id, b.case_id
      from best_interests_assessments b
      join persons p on p.operation_id = b.operation_id and p.id = b.person_id
      where b.operation_id in (${ops}) and b.completed_at is null and p.assigned_user_id = ${userId}::uuid and p.anonymised_at is null
      union all
      select 'review'::text, d.id, d.person_id, d.review_due_on::text, null::uuid, null::uuid
      from best_interests_determinations d
      join persons p on p.operation_id = d.operation_id and p.id = d.person_id
      where d.operation_id in (${ops}) and p.assigned_user_id = ${userId}::uuid and p.anonymised_at is null
        and not exists (
          select 1 from best_interests_determinations n
          where n.operation_id = d.operation_id and n.person_id = d.person_id and (n.decision_date, n.id) > (d.decision_date, d.id)
        )
      union all
      select distinct 'bid'::text, s.id, ch.id, null::text, s.id, s.case_id
      from solution_steps s
      join cases c on c.operation_id = s.operation_id and c.id = s.case_id
      join persons m on m.operation_id = c.operation_id and (m.id = c.person_id or (c.person_id is null and m.household_id = c.household_id))
      join care_arrangements ca on ca.operation_id = m.operation_id and ca.carer_person_id = m.id
        and ca.started_on <= ${today}::date and (ca.ended_on is null or ca.ended_on > ${today}::date)
      join persons ch on ch.operation_id = ca.operation_id and ch.id = ca.person_id
      where s.operation_id in (${ops}) and s.status in ('planned', 'in_progress') and c.closed_at is null
        and (ch.assigned_user_id = ${userId}::uuid or c.assigned_user_id = ${userId}::uuid) and ch.anonymised_at is null
        and not (ch.id is not distinct from c.person_id or (c.person_id is null and ch.household_id is not distinct from c.household_id))
        and (coalesce(ch.date_of_birth, make_date(ch.birth_year, 12, 31)) is null or coalesce(ch.date_of_birth, make_date(ch.birth_year, 12, 31)) > ${today}::date - interval '18 years')
        and not exists (select 1 from best_interests_determinations d where d.operation_id = s.operation_id and d.solution_step_ref = s.id and d.person_id = ch.id)
    ) items
    order by due_date asc nulls first, kind, child_id, id
    limit ${limit}`.execute(db);
  return result.rows;
}
