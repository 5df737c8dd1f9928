import type { KeyRing } from '../../crypto/key-ring';
import { reseal } from '../../crypto/seal';
import { writeAudit } from '../../db/audit';
import { lockTotpSecretsNotUnderKey, resealTotpSecret } from '../../db/mfa-repository';
import type { Db } from '../../db/transaction';
import { totpAad } from '../sessions/totp-secret';

export interface TotpRotation {
  resealed: number;
  unopenable: number;
}

/**
 * Second factors are sealed with the same key ring as protection notes, so rotation must
 * re-seal them too, or removing the old key would lock every enrolled user out. Few rows:
 * batches of 200, skip-locked, each with its audit row.
 */
export async function rotateTotpSecrets(db: Db, ring: KeyRing, batchSize = 200): Promise<TotpRotation> {
  const skipped = new Set<string>();
  let resealed = 0;
  for (;;) {
    const count = await db.transaction().execute(async (tx) => {
      const rows = (await lockTotpSecretsNotUnderKey(tx, ring.active, batchSize + skipped.size)).filter((row) => !skipped.has(row.id));
      let done = 0;
      for (const row of rows.slice(0, batchSize)) {
        const result = reseal(ring, row.totp_secret_sealed!, totpAad(row.id));
        if (!result.ok) {
          skipped.add(row.id);
          continue;
        }
        await resealTotpSecret(tx, row.id, result.value);
        done++;
      }
      if (done > 0) {
        await writeAudit(tx, {
          actorId: null,
          operationId: null,
          action: 'keys.rotate_batch',
          resourceType: 'user_second_factor',
          resourceId: null,
          details: { resealed: done, keyId: ring.active },
        });
      }
      return { done, seen: rows.length };
    });
    resealed += count.done;
    if (count.seen === 0 || count.done === 0) break;
  }
  return { resealed, unopenable: skipped.size };
}
