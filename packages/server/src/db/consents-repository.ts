import type { ConsentAgeSettings } from '@waymark/core';
import type { ConsentRow, ConsentsTable } from './schema';
import type { Db, Tx } from './transaction';
import type { Insertable } from 'kysely';

export async function insertConsent(tx: Tx, row: Insertable<ConsentsTable>): Promise<ConsentRow> {
  return tx.insertInto('consents').values(row).returningAll().executeTakeFirstOrThrow();
}

/** A person's whole consent history, newest first (the (operation, person, purpose) index serves it). */
export async function listConsentsOfPerson(db: Db | Tx, operationId: string, personId: string): Promise<ConsentRow[]> {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('operation_id', '=', operationId)
    .where('person_id', '=', personId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The decisions for one purpose only: what an action needing consent reads. */
export async function listConsentsForPurpose(db: Db | Tx, operationId: string, personId: string, purpose: string): Promise<ConsentRow[]> {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('operation_id', '=', operationId)
    .where('person_id', '=', personId)
    .where('purpose', '=', purpose)
    .execute();
}

/** The operation's child-assent ages, or undefined for the defaults. */
export async function findConsentSettings(db: Db | Tx, operationId: string): Promise<ConsentAgeSettings | undefined> {
  const row = await db
    .selectFrom('consent_settings')
    .select(['oral_assent_from', 'written_assent_from', 'own_consent_from'])
    .where('operation_id', '=', operationId)
    .executeTakeFirst();
  return row && { oralAssentFrom: row.oral_assent_from, writtenAssentFrom: row.written_assent_from, ownConsentFrom: row.own_consent_from };
}

export async function agencyExistsInOperation(db: Db | Tx, operationId: string, agencyId: string): Promise<boolean> {
  const row = await db.selectFrom('agencies').select('id').where('operation_id', '=', operationId).where('id', '=', agencyId).executeTakeFirst();
  return row !== undefined;
}
