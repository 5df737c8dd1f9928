import type { Actor } from '@waymark/core';
import { sql, type RawBuilder } from 'kysely';
import { writeAuditWithClient } from '../audit';
import { scopeCondition } from '../scope';
import type { DatabaseHandle } from '../connect';
import type { PersonRow } from '../schema';
import { copyRows } from './copy-rows';
import type { CopyValue } from './copy-text';
import { SCREENING_COLUMNS } from './population-rows';

export interface ScreenedPerson {
  person: PersonRow;
  /** The screening that holds the answers the latest screening used. */
  answersScreeningId: string;
  /** Its clear answers; the highly sensitive ones are in `sealedAnswers`, sealed under its id. */
  responses: Record<string, unknown>;
  sealedAnswers: string | null;
}

export interface MemberFacts {
  date_of_birth: string | null;
  birth_year: number | null;
  relationship_to_head: string | null;
}

/**
 * Every screened person the actor's operations and scope reach, with the answers of their latest screening, in primary-key order
 * (keyset paging: each batch is one index range, however large the table).
 */
export async function* screenedPersonBatches(database: DatabaseHandle, batchSize: number, actor: Actor): AsyncGenerator<ScreenedPerson[]> {
  let after: { operationId: string; id: string } | null = null;
  for (;;) {
    // The acting user's operations and scope, as the API's lists apply them (db/scope.ts).
    const page: RawBuilder<boolean> = after ? sql<boolean>`(persons.operation_id, persons.id) > (${after.operationId}::uuid, ${after.id}::uuid)` : sql<boolean>`true`;
    const { rows } = await sql<PersonRow & { s_id: string; s_responses: Record<string, unknown>; s_sealed: string | null }>`
      select persons.*,
             case when s.responses is null then s.rescored_from else s.id end as s_id,
             coalesce(s.responses, source.responses) as s_responses,
             case when s.responses is null then source.sealed_answers else s.sealed_answers end as s_sealed
        from persons
        join screenings s on s.operation_id = persons.operation_id and s.id = persons.latest_screening_id
        left join screenings source on source.operation_id = s.operation_id and source.id = s.rescored_from
       where ${scopeCondition(actor, 'persons')} and ${page}
       order by persons.operation_id, persons.id
       limit ${batchSize}`.execute(database.db);
    if (rows.length === 0) return;
    yield rows.map(({ s_id, s_responses, s_sealed, ...person }) => ({
      person: person as PersonRow,
      answersScreeningId: s_id,
      responses: s_responses,
      sealedAnswers: s_sealed,
    }));
    const last = rows[rows.length - 1]!;
    after = { operationId: last.operation_id, id: last.id };
  }
}

/** Household members of a batch's persons, by household id, in one query. */
export async function householdMembersOf(database: DatabaseHandle, people: PersonRow[]): Promise<Map<string, MemberFacts[]>> {
  const operationIds = [...new Set(people.map((p) => p.operation_id))];
  const householdIds = [...new Set(people.flatMap((p) => (p.household_id ? [p.household_id] : [])))];
  const members = new Map<string, MemberFacts[]>();
  if (householdIds.length === 0) return members;
  const { rows } = await database.pool.query<MemberFacts & { household_id: string }>(
    `select household_id, date_of_birth, birth_year, relationship_to_head
       from persons where operation_id = any($1) and household_id = any($2)`,
    [operationIds, householdIds],
  );
  for (const row of rows) members.set(row.household_id, [...(members.get(row.household_id) ?? []), row]);
  return members;
}

/** Appends a batch of re-scored screenings and moves each person's current level, in one transaction. */
export interface RescoredPerson {
  operationId: string;
  personId: string;
  screeningId: string;
  riskLevel: string;
}

/** Appends a batch of re-scored screenings and moves each person's current level, in one transaction. */
export async function writeRescoredBatch(
  database: DatabaseHandle,
  rows: CopyValue[][],
  people: RescoredPerson[],
  screenedAt: Date,
  audit: { actorId: string | null; details: Record<string, number | string> },
): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    await copyRows(client, 'screenings', SCREENING_COLUMNS, rows);
    // Keyed by the full primary key, so each person is one index probe however large the tables grow.
    await client.query(
      `update persons p
          set risk_level = v.risk_level, latest_screening_id = v.screening_id, screened_at = $5
         from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) as v(operation_id, person_id, screening_id, risk_level)
        where p.operation_id = v.operation_id and p.id = v.person_id`,
      [
        people.map((p) => p.operationId),
        people.map((p) => p.personId),
        people.map((p) => p.screeningId),
        people.map((p) => p.riskLevel),
        screenedAt,
      ],
    );
    await writeAuditWithClient(client, {
      actorId: audit.actorId,
      operationId: null,
      action: 'screening.rescore_batch',
      resourceType: 'population',
      resourceId: null,
      details: audit.details,
    });
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export async function countScreenedPersons(database: DatabaseHandle, actor: Actor): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from persons where latest_screening_id is not null and ${scopeCondition(actor, 'persons')}`.execute(database.db);
  return Number(rows[0]?.n ?? 0);
}
