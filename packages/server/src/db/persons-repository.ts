import { bracketRange, RISK_LEVELS, type Actor, type AgeBracket, type RiskLevel } from '@waymark/core';
import type { PersonListQuery } from '@waymark/contracts';
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Database, NewPersonRow, PersonRow, PersonUpdate } from './schema';
import { recordNumberQuery } from './record-numbers-repository';
import { scopeCondition } from './scope';
import type { Db, Tx } from './transaction';

export async function insertPersons(tx: Tx, rows: NewPersonRow[]): Promise<PersonRow[]> {
  if (rows.length === 0) return [];
  return tx.insertInto('persons').values(rows).returningAll().execute();
}

/** One person inside the actor's scope; outside it, undefined (the caller answers 404). */
export async function findPerson(db: Db | Tx, actor: Actor, id: string): Promise<PersonRow | undefined> {
  if (actor.operationIds.length === 0) return undefined;
  return db.selectFrom('persons').selectAll().where(scopeCondition(actor, 'persons')).where('id', '=', id).executeTakeFirst();
}

export async function findPersonForUpdate(tx: Tx, actor: Actor, id: string): Promise<PersonRow | undefined> {
  if (actor.operationIds.length === 0) return undefined;
  return tx
    .selectFrom('persons')
    .selectAll()
    .where(scopeCondition(actor, 'persons'))
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Optimistic concurrency: the row changes only if it is still at the version the caller
 * read. Returns undefined when someone else got there first.
 */
export async function updatePersonAtVersion(
  tx: Tx,
  key: { operationId: string; id: string; version: number },
  changes: PersonUpdate,
): Promise<PersonRow | undefined> {
  return tx
    .updateTable('persons')
    .set({ ...changes, version: sql<number>`version + 1`, updated_at: sql`now()` })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
}

export async function listHouseholdMembers(db: Db | Tx, operationId: string, householdId: string): Promise<PersonRow[]> {
  return db
    .selectFrom('persons')
    .selectAll()
    .where('operation_id', '=', operationId)
    .where('household_id', '=', householdId)
    .orderBy(sql`relationship_to_head = 'head'`, 'desc')
    .orderBy('birth_date_effective', 'asc')
    .execute();
}

/** Past this many matches the list says "at least" instead of counting on (AppDeps.listCountCap). */
export const COUNT_CAP = 10_000;

export interface PersonPage {
  rows: PersonRow[];
  total: number;
  totalIsExact: boolean;
  /** The last row's id while more rows follow in this order: the next page's cursor. */
  nextCursor: string | null;
}

type SortKeys = Pick<PersonRow, 'operation_id' | 'id' | 'risk_rank' | 'family_name' | 'given_name'>;

/**
 * Filters run in SQL, inside the actor's scope: never filtered after the fact. Pages are
 * keyset pages (after the cursor's row in the sort order, ties broken by id), so the last
 * person of a million is as near as the first; undefined when the cursor's person is not
 * in the actor's scope (erased, or never theirs).
 */
export async function listPersons(
  db: Db,
  actor: Actor,
  query: PersonListQuery,
  today: Date,
  countCap: number = COUNT_CAP,
): Promise<PersonPage | undefined> {
  if (actor.operationIds.length === 0) return { rows: [], total: 0, totalIsExact: true, nextCursor: null };
  let after: SortKeys | undefined;
  if (query.cursor) {
    after = await db
      .selectFrom('persons')
      .select(['operation_id', 'id', 'risk_rank', 'family_name', 'given_name'])
      .where(scopeCondition(actor, 'persons'))
      .where('id', '=', query.cursor)
      .executeTakeFirst();
    if (!after) return undefined;
  }
  const filtered = db.selectFrom('persons').where((eb) => eb.and(personFilters(eb, actor, query, today)));
  let page = filtered.selectAll().limit(query.limit + 1);
  if (after) page = page.where((eb) => afterRow(eb, query.sort, after));
  else page = page.offset(query.offset);
  if (query.sort === 'risk') page = page.orderBy('risk_rank', (ob) => ob.desc().nullsLast()).orderBy('created_at', 'desc');
  else if (query.sort === 'name') page = page.orderBy('family_name').orderBy('given_name');
  else page = page.orderBy('created_at', 'desc');
  page = page.orderBy('id');
  // Counting a large match exactly costs more than the page itself: count up to a cap and
  // say "at least" beyond it. Paging does not depend on the count: nextCursor goes on.
  const counted = db.selectFrom(filtered.select(sql.lit(1).as('one')).limit(countCap + 1).as('matches'));
  const [fetched, count] = await Promise.all([
    page.execute(),
    counted.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
  ]);
  const more = fetched.length > query.limit;
  const rows = more ? fetched.slice(0, query.limit) : fetched;
  const total = Number(count.total);
  return { rows, total: Math.min(total, countCap), totalIsExact: total <= countCap, nextCursor: more ? rows[rows.length - 1]!.id : null };
}

/**
 * The rows after `row` in the list's order, written so the order's index serves it: each
 * sort's leading column bounded first, then the ties.
 */
function afterRow(eb: ExpressionBuilder<Database, 'persons'>, sort: PersonListQuery['sort'], row: SortKeys): Expression<SqlBool> {
  // The cursor row's time read in SQL: PostgreSQL keeps microseconds, a JavaScript Date
  // only milliseconds, and a bulk load registers thousands in the same microsecond.
  const created = eb.selectFrom('persons as cursor_row').select('cursor_row.created_at').where('cursor_row.operation_id', '=', row.operation_id).where('cursor_row.id', '=', row.id);
  const newerTie = eb.or([eb('created_at', '<', created), eb.and([eb('created_at', '=', created), eb('id', '>', row.id)])]);
  if (sort === 'name') {
    return eb(eb.refTuple('family_name', 'given_name', 'id'), '>', eb.tuple(row.family_name, row.given_name, row.id));
  }
  if (sort === 'risk') {
    // risk_rank descending, unscreened (null) last.
    if (row.risk_rank === null) return eb.and([eb('risk_rank', 'is', null), newerTie]);
    return eb.or([
      eb('risk_rank', '<', row.risk_rank),
      eb('risk_rank', 'is', null),
      eb.and([eb('risk_rank', '=', row.risk_rank), newerTie]),
    ]);
  }
  return eb.and([eb('created_at', '<=', created), newerTie]);
}

function personFilters(
  eb: ExpressionBuilder<Database, 'persons'>,
  actor: Actor,
  query: PersonListQuery,
  today: Date,
) {
  const operations = query.operationId ? actor.operationIds.filter((id) => id === query.operationId) : actor.operationIds;
  const filters: Expression<SqlBool>[] = [scopeCondition(actor, 'persons', operations)];
  // By rank, not by name, so the (operation, rank, created) index serves the filter.
  if (query.riskLevel) filters.push(eb('risk_rank', 'in', query.riskLevel.map((level: RiskLevel) => RISK_LEVELS.indexOf(level) + 1)));
  if (query.unscreened === 'true') filters.push(eb('risk_rank', 'is', null));
  if (query.siteId) filters.push(eb('site_id', '=', query.siteId));
  if (query.adminAreaCode) filters.push(eb('admin_area_code', '=', query.adminAreaCode));
  if (query.householdId) filters.push(eb('household_id', '=', query.householdId));
  if (query.setting) filters.push(eb('setting', 'in', query.setting));
  if (query.sex) filters.push(eb('sex', 'in', query.sex));
  if (query.legalStatus) filters.push(eb('legal_status', 'in', query.legalStatus));
  if (query.ageBracket) filters.push(eb.or(query.ageBracket.map((bracket) => birthRange(eb, bracket, today))));
  const number = query.name ? recordNumberQuery(query.name) : null;
  if (number !== null) {
    // A registration number finds its person, a household number the household's members
    // (both by the unique indexes of migration 0045), a case number nobody here.
    const household = eb.selectFrom('households').select('households.id').where('households.household_number', '=', number);
    filters.push(
      operations.length === 0
        ? eb('registration_number', '=', number)
        : eb.or([eb('registration_number', '=', number), eb('household_id', 'in', household.where('households.operation_id', 'in', operations))]),
    );
  } else if (query.name) {
    const needle = query.name.toLowerCase();
    // Substring for exact spellings, word similarity for transliteration variants
    // (Mohammed / Muhammad); both are served by the trigram index.
    filters.push(
      eb.or([
        eb('name_text', 'like', `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
        sql<boolean>`${needle} <% name_text`,
      ]),
    );
  }
  return filters;
}

function birthRange(eb: ExpressionBuilder<Database, 'persons'>, bracket: AgeBracket, today: Date) {
  const { min, max } = bracketRange(bracket);
  const latest = shiftYears(today, -min);
  const conditions = [eb('birth_date_effective', '<=', latest)];
  if (max !== null) conditions.push(eb('birth_date_effective', '>', shiftYears(today, -(max + 1))));
  return eb.and(conditions);
}

function shiftYears(date: Date, years: number): string {
  const shifted = new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()));
  return shifted.toISOString().slice(0, 10);
}

export async function setRelationshipToHead(tx: Tx, operationId: string, personId: string | null, relationship: string): Promise<void> {
  if (personId === null) return;
  await tx
    .updateTable('persons')
    .set((eb) => ({ relationship_to_head: relationship, version: eb('version', '+', 1), updated_at: sql`now()` }))
    .where('operation_id', '=', operationId)
    .where('id', '=', personId)
    .execute();
}
