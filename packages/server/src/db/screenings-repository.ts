import { sql } from 'kysely';
import type { ScreeningRow } from './schema';
import type { Db, Tx } from './transaction';

export interface NewScreening {
  operation_id: string;
  id: string;
  person_id: string;
  instrument_id: string;
  instrument_version: number;
  rule_version: string;
  /** The clear answers (highly sensitive ones are in `sealed_answers`). */
  responses: Record<string, unknown>;
  outcome: unknown;
  sealed_answers: string | null;
  risk_level: string;
  rescored_from: string | null;
  screened_by: string | null;
  screened_at?: Date;
}

/** Appends screenings (history is never overwritten) and moves each person's current level. */
export async function recordScreenings(tx: Tx, screenings: NewScreening[]): Promise<ScreeningRow[]> {
  if (screenings.length === 0) return [];
  const rows = await tx
    .insertInto('screenings')
    .values(
      screenings.map((s) => ({
        ...s,
        responses: JSON.stringify(s.responses),
        outcome: JSON.stringify(s.outcome),
      })),
    )
    .returningAll()
    .execute();
  // One statement for the whole batch, keyed by the persons' full primary key.
  await sql`
    update persons p
       set risk_level = s.risk_level, latest_screening_id = s.id, screened_at = s.screened_at
      from unnest(${rows.map((r) => r.operation_id)}::uuid[], ${rows.map((r) => r.person_id)}::uuid[],
                  ${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.risk_level)}::text[],
                  ${rows.map((r) => new Date(r.screened_at))}::timestamptz[])
           as s(operation_id, person_id, id, risk_level, screened_at)
     where p.operation_id = s.operation_id and p.id = s.person_id`.execute(tx);
  return rows;
}

/**
 * A person's screenings, newest first, each with its answers (reused ones resolved from
 * their source, with where the source's sealed answers are).
 */
export async function listScreeningsOfPerson(
  db: Db | Tx,
  operationId: string,
  personId: string,
): Promise<Array<ScreeningRow & { answersSource: { id: string; sealedAnswers: string | null } | null }>> {
  const rows = await db
    .selectFrom('screenings as s')
    .leftJoin('screenings as source', (join) =>
      join.onRef('source.operation_id', '=', 's.operation_id').onRef('source.id', '=', 's.rescored_from'),
    )
    .selectAll('s')
    .select(sql<Record<string, unknown>>`coalesce(s.responses, source.responses)`.as('resolved_responses'))
    .select(['source.id as source_id', 'source.sealed_answers as source_sealed_answers'])
    .where('s.operation_id', '=', operationId)
    .where('s.person_id', '=', personId)
    .orderBy('s.screened_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
  return rows.map(({ resolved_responses, source_id, source_sealed_answers, ...row }) => ({
    ...row,
    responses: resolved_responses,
    answersSource: row.responses === null && source_id !== null ? { id: source_id, sealedAnswers: source_sealed_answers } : null,
  }));
}
