import { sql } from 'kysely';
import type { Db, Tx } from './transaction';

export async function findMfaState(db: Db | Tx, userId: string) {
  return db
    .selectFrom('users')
    .select(['totp_secret_sealed', 'totp_confirmed_at', 'totp_last_step'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Starts (or restarts) enrolment with a new sealed secret; only before it is confirmed. */
export async function setPendingTotpSecret(tx: Tx, userId: string, sealed: string): Promise<boolean> {
  const result = await tx
    .updateTable('users')
    .set({ totp_secret_sealed: sealed, totp_last_step: null })
    .where('id', '=', userId)
    .where('totp_confirmed_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function confirmTotp(tx: Tx, userId: string, step: number, codeHashes: Buffer[]): Promise<void> {
  await tx.updateTable('users').set({ totp_confirmed_at: sql`now()`, totp_last_step: step }).where('id', '=', userId).execute();
  await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await tx
    .insertInto('recovery_codes')
    .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}

/**
 * Records the accepted step, only if it is later than the last one: two requests racing
 * with the same code cannot both win.
 */
export async function acceptTotpStep(tx: Tx, userId: string, step: number): Promise<boolean> {
  const result = await tx
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Uses up a recovery code; false if it is unknown or already used. */
export async function useRecoveryCode(tx: Tx, userId: string, codeHash: Buffer): Promise<boolean> {
  const result = await tx
    .updateTable('recovery_codes')
    .set({ used_at: sql`now()` })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function remainingRecoveryCodes(db: Db | Tx, userId: string): Promise<number> {
  const row = await db
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function anyOperationRequiresMfa(db: Db | Tx, operationIds: string[]): Promise<boolean> {
  if (operationIds.length === 0) return false;
  const row = await db
    .selectFrom('operations')
    .select('id')
    .where('id', 'in', operationIds)
    .where('mfa_required', '=', true)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Users whose sealed TOTP secret is under another key than `activeKeyId`, locked for re-sealing. */
export async function lockTotpSecretsNotUnderKey(tx: Tx, activeKeyId: string, limit: number) {
  return tx
    .selectFrom('users')
    .select(['id', 'totp_secret_sealed'])
    .where('totp_secret_sealed', 'is not', null)
    .where('totp_secret_sealed', 'not like', `v1:${activeKeyId}:%`)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function resealTotpSecret(tx: Tx, userId: string, sealed: string): Promise<void> {
  await tx.updateTable('users').set({ totp_secret_sealed: sealed }).where('id', '=', userId).execute();
}

/** Forgets a user's second factor entirely: secret, confirmation, last step and recovery codes. */
export async function clearSecondFactor(tx: Tx, userId: string): Promise<void> {
  await tx.updateTable('users').set({ totp_secret_sealed: null, totp_confirmed_at: null, totp_last_step: null }).where('id', '=', userId).execute();
  await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

/** A new set of recovery codes; the old ones stop working in the same transaction. */
export async function replaceRecoveryCodes(tx: Tx, userId: string, codeHashes: Buffer[]): Promise<void> {
  await tx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await tx
    .insertInto('recovery_codes')
    .values(codeHashes.map((code_hash) => ({ user_id: userId, code_hash })))
    .execute();
}
