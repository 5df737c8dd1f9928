import { sql } from 'kysely';
import type { Db, Tx } from './transaction';

export interface ScreeningToSeal {
  operation_id: string;
  id: string;
  person_id: string;
  instrument_id: string;
  instrument_version: number;
  responses: Record<string, unknown> | null;
  outcome: unknown;
  sealed_answers: string | null;
}

export interface ScreeningKey {
  operationId: string;
  id: string;
}

/**
 * The next screenings, in primary-key order after `after`, whose highly sensitive part is
 * sealed under another key than the active one, or not sealed at all (written before
 * migration 0012: `sensitiveItemIds` appear in the answers or the outcome), or sealed in
 * format 1 (before migration 0025: the overrides, levels and scores the answers raised are
 * still in the clear outcome, which then lacks `sealedFormat`). Keyset paging
 * makes a run one pass over the table however large; rows another transaction holds are
 * skipped (a later run takes them).
 */
export async function lockScreeningsToSeal(
  tx: Tx,
  activeKeyId: string,
  sensitiveItemIds: readonly string[],
  after: ScreeningKey | null,
  limit: number,
): Promise<ScreeningToSeal[]> {
  const patterns = sensitiveItemIds.map((id) => `%"${id}"%`);
  const { rows } = await sql<ScreeningToSeal>`
    select operation_id, id, person_id, instrument_id, instrument_version, responses, outcome, sealed_answers
      from screenings
     where anonymised_at is null
       and (${after === null} or (operation_id, id) > (${after?.operationId ?? null}::uuid, ${after?.id ?? null}::uuid))
       and ((sealed_answers is not null and (sealed_answers not like ${`v1:${activeKeyId}:%`} or not (outcome ? 'sealedFormat')))
            or (sealed_answers is null
                and (responses ?| ${[...sensitiveItemIds]}::text[] or outcome::text like any (${patterns}::text[]))))
     order by operation_id, id
     limit ${limit}
       for update skip locked`.execute(tx);
  return rows;
}

export interface SealedScreeningUpdate {
  operation_id: string;
  id: string;
  /** JSON text, or null (a re-score that reused its source's answers). */
  responses: string | null;
  outcome: string;
  sealed_answers: string;
}

/** One statement per batch, keyed by the full primary key. */
export async function writeSealedScreenings(tx: Tx, rows: SealedScreeningUpdate[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    update screenings s
       set responses = v.responses::jsonb, outcome = v.outcome::jsonb, sealed_answers = v.sealed_answers
      from unnest(${rows.map((r) => r.operation_id)}::uuid[], ${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.responses)}::text[],
                  ${rows.map((r) => r.outcome)}::text[], ${rows.map((r) => r.sealed_answers)}::text[])
           as v(operation_id, id, responses, outcome, sealed_answers)
     where s.operation_id = v.operation_id and s.id = v.id`.execute(tx);
}

/** Sealed screening parts by the key that sealed them. */
export async function countSealedScreeningsByKey(db: Db): Promise<Map<string, number>> {
  const { rows } = await sql<{ key_id: string; n: string }>`
    select split_part(sealed_answers, ':', 2) as key_id, count(*) as n
      from screenings where sealed_answers is not null group by 1`.execute(db);
  return new Map(rows.map((row) => [row.key_id, Number(row.n)]));
}
