import type { KeyRing } from '../../crypto/key-ring';
import { reseal } from '../../crypto/seal';
import { writeAudit } from '../../db/audit';
import { lockTotpSecretsNotUnderKey, resealTotpSecret } from '../../db/mfa-repository';
import type { Db } from '../../db/transaction';
import { totpAad } from '../sessions/totp-secret';
import { emptyPass, type ColumnPass, type PassContext } from './column-pass';

/**
 * Second factors are sealed with the same key ring as protection notes, so rotation must
 * re-seal them too, or removing the old key would lock every enrolled user out. Few rows:
 * skip-locked batches, each with its audit row. A row held by a sign-in at that moment is
 * not seen here: rotateKeys counts what is left and comes back for it.
 */
export async function rotateTotpSecrets(db: Db, ring: KeyRing, context: PassContext): Promise<ColumnPass> {
  const summary = emptyPass();
  const skipped = new Set<string>();
  for (;;) {
    const count = await db.transaction().execute(async (tx) => {
      const rows = (await lockTotpSecretsNotUnderKey(tx, ring.active, context.batchSize + skipped.size)).filter((row) => !skipped.has(row.id));
      let done = 0;
      for (const row of rows.slice(0, context.batchSize)) {
        const result = reseal(ring, row.totp_secret_sealed!, totpAad(row.id));
        if (!result.ok) {
          skipped.add(row.id);
          if (result.error === 'unknown_key') summary.unknownKey++;
          else summary.tampered++;
          continue;
        }
        await resealTotpSecret(tx, row.id, result.value);
        done++;
      }
      if (done > 0) {
        await writeAudit(tx, {
          actorId: context.actorId,
          operationId: null,
          action: 'keys.rotate_batch',
          resourceType: 'user_second_factor',
          resourceId: null,
          details: { resealed: done, keyId: ring.active },
        });
      }
      return { done, seen: rows.length };
    });
    summary.resealed += count.done;
    if (count.seen === 0 || count.done === 0) break;
  }
  return summary;
}
