import { ROLE_VERBS, type Actor, type KeyedRow } from '@waymark/core';
import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { WorkplaceReportRow, WorkplaceReportsTable, WorkplaceRow, WorkplacesTable } from './labour-tables';
import { informantCondition, scopeCondition } from './scope';
import type { Db, Tx } from './transaction';

export interface WorkplaceSummaryRow extends WorkplaceRow {
  report_count: number;
  indicators: string[];
  last_reported_on: string | null;
  people_linked: number;
}

/**
 * A workplace's reports and links, counted in the same query as the list (no N+1). The
 * people linked are counted only among those the reader's scope reaches (the people the
 * detail lists): how many people another agency linked is not the reader's to know; the
 * operation-wide count per area is published through core/disclosure (labour-by-area).
 */
function summaries(db: Db | Tx, actor: Actor, operationIds: readonly string[]) {
  const linkedInScope = ROLE_VERBS[actor.role].has('person.read')
    ? sql<number>`(select count(*)::int from workplace_people l join persons on persons.operation_id = l.operation_id and persons.id = l.person_id
        where l.operation_id = w.operation_id and l.workplace_id = w.id and ${scopeCondition(actor, 'persons', operationIds)})`
    : sql<number>`0`;
  return db
    .selectFrom('workplaces as w')
    .selectAll('w')
    .select([
      sql<number>`(select count(*)::int from workplace_reports r where r.operation_id = w.operation_id and r.workplace_id = w.id)`.as('report_count'),
      sql<string[]>`coalesce((select array_agg(distinct i order by i) from workplace_reports r, unnest(r.indicators) i where r.operation_id = w.operation_id and r.workplace_id = w.id), '{}')`.as('indicators'),
      sql<string | null>`(select max(r.reported_on)::text from workplace_reports r where r.operation_id = w.operation_id and r.workplace_id = w.id)`.as('last_reported_on'),
      linkedInScope.as('people_linked'),
    ])
    .where('w.operation_id', 'in', operationIds.length > 0 ? operationIds : ['00000000-0000-0000-0000-000000000000'])
    .where('w.archived_at', 'is', null);
}

export async function listWorkplaces(db: Db, actor: Actor, operationIds: readonly string[], filter: { adminAreaCode?: string; sector?: string }): Promise<WorkplaceSummaryRow[]> {
  let query = summaries(db, actor, operationIds);
  if (filter.adminAreaCode) query = query.where('w.admin_area_code', '=', filter.adminAreaCode);
  if (filter.sector) query = query.where('w.sector', '=', filter.sector);
  return query.orderBy('w.admin_area_code').orderBy('w.name').orderBy('w.id').limit(1000).execute();
}

export async function findWorkplace(db: Db | Tx, actor: Actor, operationIds: readonly string[], id: string): Promise<WorkplaceSummaryRow | undefined> {
  return summaries(db, actor, operationIds).where('w.id', '=', id).executeTakeFirst();
}

export async function lockWorkplace(tx: Tx, operationIds: readonly string[], id: string): Promise<WorkplaceRow | undefined> {
  if (operationIds.length === 0) return undefined;
  return tx.selectFrom('workplaces').selectAll().where('operation_id', 'in', operationIds).where('id', '=', id).where('archived_at', 'is', null).forUpdate().executeTakeFirst();
}

export async function insertWorkplace(tx: Tx, row: Insertable<WorkplacesTable>): Promise<void> {
  await tx.insertInto('workplaces').values(row).execute();
}

export async function updateWorkplace(tx: Tx, key: { operation_id: string; id: string; version: number }, change: Updateable<WorkplacesTable>): Promise<boolean> {
  const result = await tx
    .updateTable('workplaces')
    .set({ ...change, version: key.version + 1 })
    .where('operation_id', '=', key.operation_id)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertWorkplaceReport(tx: Tx, row: Insertable<WorkplaceReportsTable>): Promise<WorkplaceReportRow> {
  return tx.insertInto('workplace_reports').values(row).returningAll().executeTakeFirstOrThrow();
}

export interface ReadableReportRow extends WorkplaceReportRow {
  has_informant: boolean;
}

/**
 * A workplace's reports for this reader: the sealed informant name only on the reports whose
 * informant the reader needs to know (informantCondition, core's mayOpenInformant in SQL);
 * on the others only whether there is one.
 */
export async function listWorkplaceReports(db: Db | Tx, actor: Actor, operationId: string, workplaceId: string): Promise<ReadableReportRow[]> {
  return db
    .selectFrom('workplace_reports')
    .select([
      'operation_id', 'id', 'workplace_id', 'source_type', 'reported_on', 'informant_key_id', 'conditions', 'indicators', 'hours_per_week',
      'daily_pay', 'pay_currency', 'workers_estimate', 'recorded_at', 'recorded_by', 'agency_id', 'team_id', 'assigned_user_id',
      // Never selectAll here: the envelope leaves the database only under the condition.
      sql<string | null>`case when ${informantCondition(actor)} then workplace_reports.informant_name_sealed end`.as('informant_name_sealed'),
      sql<boolean>`workplace_reports.informant_name_sealed is not null`.as('has_informant'),
    ])
    .where('operation_id', '=', operationId)
    .where('workplace_id', '=', workplaceId)
    .orderBy('reported_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Inserts the link; false when it was there already (linking twice is not an error). */
export async function linkPerson(tx: Tx, row: { operation_id: string; workplace_id: string; person_id: string; linked_by: string; linked_at: Date }): Promise<boolean> {
  const inserted = await tx.insertInto('workplace_people').values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** The linked people this reader may see: filtered by the record scope in SQL. */
export async function listLinkedPeople(db: Db | Tx, actor: Actor, operationId: string, workplaceId: string) {
  return db
    .selectFrom('workplace_people as l')
    .innerJoin('persons', (join) => join.onRef('persons.operation_id', '=', 'l.operation_id').onRef('persons.id', '=', 'l.person_id'))
    .select(['persons.id as person_id', 'persons.given_name', 'persons.family_name', 'persons.risk_level', 'l.linked_at'])
    .where('l.operation_id', '=', operationId)
    .where('l.workplace_id', '=', workplaceId)
    .where(scopeCondition(actor, 'persons'))
    .orderBy('l.linked_at', 'desc')
    .limit(500)
    .execute();
}

/** The labour layer's keyed rows of one operation (core/labour/publish-labour.ts says what they hold). */
export interface OperationKeyedRow extends KeyedRow {
  operationId: string;
}

/**
 * The raw keyed rows behind the labour layer, per operation; they leave only through
 * core/disclosure. A workplace is in one row (its sector and every indicator ever reported
 * there, sorted byte-wise as core sorts them); a person linked to two workplaces of one
 * area is one person there.
 */
export async function labourRows(db: Db | Tx, operationIds: readonly string[]): Promise<OperationKeyedRow[]> {
  if (operationIds.length === 0) return [];
  const ids = sql.join(operationIds.map((id) => sql`${id}::uuid`));
  const result = await sql<{ operation_id: string; family: string; area: string; row_key: string; n: string; key_sum: string }>`
    select operation_id, 'workplaces' as family, admin_area_code as area, row_key, count(*) as n, sum(record_key) % 4294967296 as key_sum
      from (
        select w.operation_id, w.admin_area_code, w.record_key,
               w.sector || '|' || coalesce((
                 select string_agg(distinct i collate "C", ',' order by i collate "C")
                   from workplace_reports r cross join lateral unnest(r.indicators) as u(i)
                  where r.operation_id = w.operation_id and r.workplace_id = w.id), '') as row_key
          from workplaces w
         where w.operation_id in (${ids}) and w.archived_at is null
      ) keyed
     group by operation_id, admin_area_code, row_key
    union all
    select linked.operation_id, 'people', linked.admin_area_code, '', count(*), sum(p.record_key) % 4294967296
      from (
        select distinct w.operation_id, w.admin_area_code, l.person_id
          from workplaces w
          join workplace_people l on l.operation_id = w.operation_id and l.workplace_id = w.id
         where w.operation_id in (${ids}) and w.archived_at is null
      ) linked
      join persons p on p.operation_id = linked.operation_id and p.id = linked.person_id
     group by linked.operation_id, linked.admin_area_code`.execute(db);
  return result.rows.map((row) => ({ operationId: row.operation_id, family: row.family, area: row.area, row: row.row_key, n: Number(row.n), keySum: Number(row.key_sum) }));
}
