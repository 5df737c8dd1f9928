import { sql } from 'kysely';
import type { ProtectionNoteRow } from './schema';
import type { Db, Tx } from './transaction';

export interface NewProtectionNote {
  operationId: string;
  id: string;
  personId: string;
  topic: string;
  bodySealed: string;
  keyId: string;
  actorId: string | null;
}

export async function insertProtectionNote(tx: Tx, note: NewProtectionNote): Promise<ProtectionNoteRow> {
  return tx
    .insertInto('protection_notes')
    .values({
      operation_id: note.operationId,
      id: note.id,
      person_id: note.personId,
      topic: note.topic,
      body_sealed: note.bodySealed,
      key_id: note.keyId,
      created_by: note.actorId,
      updated_by: note.actorId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listProtectionNotesOfPerson(db: Db | Tx, operationId: string, personId: string): Promise<ProtectionNoteRow[]> {
  return db
    .selectFrom('protection_notes')
    .selectAll()
    .where('operation_id', '=', operationId)
    .where('person_id', '=', personId)
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
}

export async function findProtectionNoteForUpdate(
  tx: Tx,
  operationIds: readonly string[],
  id: string,
): Promise<ProtectionNoteRow | undefined> {
  if (operationIds.length === 0) return undefined;
  return tx
    .selectFrom('protection_notes')
    .selectAll()
    .where('operation_id', 'in', operationIds)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Optimistic concurrency, as for persons: undefined when the version moved on. */
export async function updateProtectionNoteAtVersion(
  tx: Tx,
  key: { operationId: string; id: string; version: number },
  change: { bodySealed: string; keyId: string; actorId: string },
): Promise<ProtectionNoteRow | undefined> {
  return tx
    .updateTable('protection_notes')
    .set({
      body_sealed: change.bodySealed,
      key_id: change.keyId,
      updated_by: change.actorId,
      version: sql<number>`version + 1`,
      updated_at: sql`now()`,
    })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .where('version', '=', key.version)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Rotation: a few notes not under the active key, locked; rows another transaction
 * (a caseworker's edit, a second rotation) holds are skipped, not waited for.
 */
export async function lockNotesNotUnderKey(
  tx: Tx,
  activeKeyId: string,
  limit: number,
): Promise<Pick<ProtectionNoteRow, 'operation_id' | 'id' | 'person_id' | 'topic' | 'body_sealed'>[]> {
  return tx
    .selectFrom('protection_notes')
    .select(['operation_id', 'id', 'person_id', 'topic', 'body_sealed'])
    .where('key_id', '<>', activeKeyId)
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Rotation re-seals in place: same plaintext, so neither version nor updated_at moves. */
export async function resealProtectionNote(
  tx: Tx,
  key: { operationId: string; id: string },
  bodySealed: string,
  keyId: string,
): Promise<void> {
  await tx
    .updateTable('protection_notes')
    .set({ body_sealed: bodySealed, key_id: keyId })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .execute();
}

export async function countNotesByKey(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('protection_notes')
    .select(['key_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('key_id')
    .execute();
  return new Map(rows.map((row) => [row.key_id, Number(row.n)]));
}

/** The person's notes among these ids (any other id, or another person's note, is simply absent). */
export async function findNotesOfPerson(db: Db | Tx, operationId: string, personId: string, ids: readonly string[]): Promise<ProtectionNoteRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('protection_notes')
    .selectAll()
    .where('operation_id', '=', operationId)
    .where('person_id', '=', personId)
    .where('id', 'in', [...ids])
    .execute();
}
