import { sql, type Insertable } from 'kysely';
import type {
  CaseRow,
  DurableSolutionAssessmentRow,
  DurableSolutionAssessmentsTable,
  ResettlementSubmissionRow,
  ResettlementSubmissionsTable,
  ScreeningRow,
  SolutionStepRow,
  SolutionStepsTable,
} from './schema';
import type { Actor, QueueHistogramRow, ResettlementPriority, RiskLevel } from '@waymark/core';
import { scopeCondition } from './scope';
import type { Db, Tx } from './transaction';

type Reader = Db | Tx;

export async function findAssessment(db: Reader, operationId: string, caseId: string): Promise<DurableSolutionAssessmentRow | undefined> {
  return db.selectFrom('durable_solution_assessments').selectAll().where('operation_id', '=', operationId).where('case_id', '=', caseId).executeTakeFirst();
}

/**
 * Writes the case's assessment. The first write inserts (a concurrent first write loses on
 * the primary key); later ones name the version read. Undefined when the version moved on.
 */
export async function saveAssessment(
  tx: Tx,
  row: Insertable<DurableSolutionAssessmentsTable>,
  expectedVersion: number | null,
): Promise<DurableSolutionAssessmentRow | undefined> {
  if (expectedVersion === null) {
    return tx.insertInto('durable_solution_assessments').values(row).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();
  }
  return tx
    .updateTable('durable_solution_assessments')
    .set({ assessed_on: row.assessed_on, assessed_by: row.assessed_by, solutions: row.solutions, warnings: row.warnings, updated_by: row.updated_by, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('operation_id', '=', row.operation_id)
    .where('case_id', '=', row.case_id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

export async function findSubmission(db: Reader, operationId: string, caseId: string): Promise<ResettlementSubmissionRow | undefined> {
  return db.selectFrom('resettlement_submissions').selectAll().where('operation_id', '=', operationId).where('case_id', '=', caseId).executeTakeFirst();
}

/** As saveAssessment. A re-confirmation keeps the date the case entered the queue. */
export async function saveSubmission(
  tx: Tx,
  row: Insertable<ResettlementSubmissionsTable>,
  expectedVersion: number | null,
): Promise<ResettlementSubmissionRow | undefined> {
  if (expectedVersion === null) {
    return tx.insertInto('resettlement_submissions').values(row).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();
  }
  const { waiting_since: _kept, operation_id, case_id, ...changes } = row;
  return tx
    .updateTable('resettlement_submissions')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('operation_id', '=', operation_id)
    .where('case_id', '=', case_id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** Person ids of the legal members of a case: its person, or its household's members. */
export async function caseMemberIds(db: Reader, row: CaseRow): Promise<string[]> {
  if (row.person_id !== null) return [row.person_id];
  const members = await db
    .selectFrom('persons')
    .select('id')
    .where('operation_id', '=', row.operation_id)
    .where('household_id', '=', row.household_id)
    .orderBy('id')
    .execute();
  return members.map((m) => m.id);
}

export interface MemberFactsRow {
  id: string;
  operation_id: string;
  agency_id: string;
  team_id: string | null;
  assigned_user_id: string | null;
  sex: string;
  date_of_birth: string | null;
  birth_year: number | null;
  arrival_date: string | null;
  risk_level: string | null;
  outcome: unknown;
  latest_screening_id: string | null;
}

/** What suggestions and years in displacement need about members: with each one's latest screening outcome. */
export async function memberFacts(db: Reader, operationId: string, personIds: readonly string[]): Promise<MemberFactsRow[]> {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('persons')
    .leftJoin('screenings', (join) => join.onRef('screenings.operation_id', '=', 'persons.operation_id').onRef('screenings.id', '=', 'persons.latest_screening_id'))
    .select([
      'persons.id', 'persons.operation_id', 'persons.agency_id', 'persons.team_id', 'persons.assigned_user_id',
      'persons.sex', 'persons.date_of_birth', 'persons.birth_year', 'persons.arrival_date', 'persons.risk_level', 'screenings.outcome', 'persons.latest_screening_id',
    ])
    .where('persons.operation_id', '=', operationId)
    .where('persons.id', 'in', personIds)
    .orderBy('persons.id')
    .execute();
}

/** The members' latest screenings, whole rows: the sealed part is opened in memory (solutions/member-screenings.ts). */
export async function latestScreeningsOf(db: Reader, operationId: string, screeningIds: readonly string[]): Promise<ScreeningRow[]> {
  if (screeningIds.length === 0) return [];
  return db.selectFrom('screenings').selectAll().where('operation_id', '=', operationId).where('id', 'in', screeningIds).execute();
}

export interface BidOnChildRow {
  person_id: string;
  recommendation: string;
}

/** The latest BID of each child among the members (children's best interests, migration 0014). */
export async function latestBidsOf(db: Reader, operationId: string, personIds: readonly string[]): Promise<BidOnChildRow[]> {
  if (personIds.length === 0) return [];
  const ids = sql.join(personIds.map((id) => sql`${id}::uuid`));
  const result = await sql<BidOnChildRow>`
    select distinct on (person_id) person_id, recommendation from best_interests_determinations
    where operation_id = ${operationId}::uuid and person_id in (${ids})
    order by person_id, decision_date desc, id desc`.execute(db);
  return result.rows;
}

export async function insertStep(tx: Tx, row: Insertable<SolutionStepsTable>): Promise<SolutionStepRow> {
  return tx.insertInto('solution_steps').values(row).returningAll().executeTakeFirstOrThrow();
}

/** The case's steps, oldest first (the order they were planned in). */
export async function stepsOfCase(db: Reader, operationId: string, caseId: string): Promise<SolutionStepRow[]> {
  return db.selectFrom('solution_steps').selectAll().where('operation_id', '=', operationId).where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute();
}

/** A step of one operation with its case, read without a scope: a child's BID may name a move of a case its reader does not hold. */
export async function caseOfStep(db: Reader, operationId: string, stepId: string): Promise<CaseRow | undefined> {
  return db
    .selectFrom('solution_steps as s')
    .innerJoin('cases', (join) => join.onRef('cases.operation_id', '=', 's.operation_id').onRef('cases.id', '=', 's.case_id'))
    .selectAll('cases')
    .where('s.operation_id', '=', operationId)
    .where('s.id', '=', stepId)
    .executeTakeFirst();
}

export async function findStepForUpdate(tx: Tx, operationIds: readonly string[], id: string): Promise<SolutionStepRow | undefined> {
  if (operationIds.length === 0) return undefined;
  return tx.selectFrom('solution_steps').selectAll().where('operation_id', 'in', operationIds).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updateStepAtVersion(
  tx: Tx,
  key: { operationId: string; id: string; version: number },
  changes: { status: string; completed_at: Date | null; completed_by: string | null; updated_by: string },
): Promise<SolutionStepRow | undefined> {
  return tx
    .updateTable('solution_steps')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
}

export interface CareRow {
  id: string;
  person_id: string;
  kind: string;
  carer_person_id: string;
  started_on: string;
  ended_on: string | null;
  date_of_birth: string | null;
  birth_year: number | null;
}

/**
 * The care arrangements in force on `today` in which one of these persons is the carer,
 * with the child's birth facts (tables of migration 0014, read here with plain SQL so
 * this module does not depend on the children's module's repository).
 */
export async function currentCareBy(db: Reader, operationId: string, carerIds: readonly string[], today: string): Promise<CareRow[]> {
  if (carerIds.length === 0) return [];
  const ids = sql.join(carerIds.map((id) => sql`${id}::uuid`));
  const result = await sql<CareRow>`
    select ca.id, ca.person_id, ca.kind, ca.carer_person_id, ca.started_on::text as started_on, ca.ended_on::text as ended_on,
      p.date_of_birth::text as date_of_birth, p.birth_year
    from care_arrangements ca
    join persons p on p.operation_id = ca.operation_id and p.id = ca.person_id
    where ca.operation_id = ${operationId}::uuid and ca.carer_person_id in (${ids})
      and ca.started_on <= ${today}::date and (ca.ended_on is null or ca.ended_on > ${today}::date)
    order by ca.person_id, ca.id`.execute(db);
  return result.rows;
}

/** Children with a BID recorded on this step. */
export async function bidsOnStep(db: Reader, operationId: string, stepId: string): Promise<string[]> {
  const result = await sql<{ person_id: string }>`
    select distinct person_id from best_interests_determinations
    where operation_id = ${operationId}::uuid and solution_step_ref = ${stepId}::uuid`.execute(db);
  return result.rows.map((r) => r.person_id);
}

/** The queue's priority and risk as migration 0024 stores them (ranks), back to core's words. */
const PRIORITY_OF_RANK: readonly ResettlementPriority[] = ['emergency', 'urgent', 'normal'];
const RISK_OF_RANK: Readonly<Record<number, RiskLevel>> = { 4: 'critical', 3: 'high', 2: 'medium', 1: 'low' };

export interface QueueSliceRow {
  caseId: string;
  priority: ResettlementPriority;
  risk: RiskLevel;
  waitingSince: string;
  primaryCategory: string;
  secondaryCategory: string | null;
}

export interface QueueRead {
  /** Every queued case in scope, counted by priority, risk and date entered. */
  histogram: QueueHistogramRow[];
  /** Cases at 0-based positions [start, start + count) of the queue in scope, in queue order. */
  slice: QueueSliceRow[];
}

/**
 * Days waited exactly as core counts them (core/solutions/queue-keys `waitingDaysOf` over the
 * date's text): a future date counts 0, and so does one whose text is not YYYY-MM-DD (BC
 * dates, years past 9999), so the database orders every row as core would.
 */
function daysWaited(today: string) {
  return sql<number>`case when cases.waiting_since between '0001-01-01'::date and '9999-12-31'::date
    then least(greatest(${today}::date - cases.waiting_since, 0), 2097151) else 0 end`;
}

/**
 * The resettlement queue in the actor's scope (migration 0024's table, kept by triggers):
 * its histogram and one slice in queue order (priority, risk, days waited, case id), both
 * from one snapshot so the page and the counts describe the same queue. The table is
 * aliased `cases` because it carries the case's holder under the same names, so the one
 * scope condition (`db/scope.ts`) applies unchanged.
 */
export async function readQueue(db: Db, actor: Actor, today: string, slice: { start: number; count: number }): Promise<QueueRead> {
  if (actor.operationIds.length === 0) return { histogram: [], slice: [] };
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (tx) => {
      const scope = scopeCondition(actor, 'cases');
      const histogram = await sql<{ priority_rank: number; risk_rank: number; waiting_since: string; n: number }>`
        select cases.priority_rank, cases.risk_rank, cases.waiting_since::text as waiting_since, count(*)::int as n
          from resettlement_queue as cases
         where ${scope}
         group by cases.priority_rank, cases.risk_rank, cases.waiting_since`.execute(tx);
      if (slice.count <= 0) return { histogram: histogram.rows.map(toHistogramRow), slice: [] };
      // The page is chosen from the narrow queue rows first; only its rows fetch their categories.
      const page = await sql<{ case_id: string; priority_rank: number; risk_rank: number; waiting_since: string; primary_category: string; secondary_category: string | null }>`
        select q.case_id, q.priority_rank, q.risk_rank, q.waiting_since, rs.primary_category, rs.secondary_category
          from (select cases.operation_id, cases.case_id, cases.priority_rank, cases.risk_rank, cases.waiting_since::text as waiting_since,
                       ${daysWaited(today)} as days
                  from resettlement_queue as cases
                 where ${scope}
                 order by cases.priority_rank, cases.risk_rank desc, days desc, cases.case_id
                offset ${slice.start} limit ${slice.count}) q
          join resettlement_submissions rs on rs.operation_id = q.operation_id and rs.case_id = q.case_id
         order by q.priority_rank, q.risk_rank desc, q.days desc, q.case_id`.execute(tx);
      return {
        histogram: histogram.rows.map(toHistogramRow),
        slice: page.rows.map((r) => ({
          caseId: r.case_id,
          priority: PRIORITY_OF_RANK[r.priority_rank]!,
          risk: RISK_OF_RANK[r.risk_rank]!,
          waitingSince: r.waiting_since,
          primaryCategory: r.primary_category,
          secondaryCategory: r.secondary_category,
        })),
      };
    });
}

function toHistogramRow(r: { priority_rank: number; risk_rank: number; waiting_since: string; n: number }): QueueHistogramRow {
  return { priority: PRIORITY_OF_RANK[r.priority_rank]!, risk: RISK_OF_RANK[r.risk_rank]!, waitingSince: r.waiting_since, count: r.n };
}
