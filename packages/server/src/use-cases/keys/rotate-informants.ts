import type { KeyRing } from '../../crypto/key-ring';
import { reseal } from '../../crypto/seal';
import { writeAudit } from '../../db/audit';
import type { RowKey } from '../../db/case-work-seal-repository';
import { lockInformantsToReseal, writeInformant } from '../../db/informant-seal-repository';
import type { Db } from '../../db/transaction';
import { informantAad } from '../labour/informant-sealing';
import { emptyPass, type ColumnPass, type PassContext } from './column-pass';

/**
 * Workplace reports' informant names (migration 0021) under the active key: one pass in
 * primary-key order, a batch per short transaction. Names that will not open stay as they
 * are and are counted.
 */
export async function rotateInformants(db: Db, ring: KeyRing, context: PassContext): Promise<ColumnPass> {
  const summary = emptyPass();
  let after: RowKey | null = null;
  for (;;) {
    const last: RowKey | null = await db.transaction().execute(async (tx) => {
      const rows = await lockInformantsToReseal(tx, ring.active, after, context.batchSize);
      let resealed = 0;
      for (const row of rows) {
        const result = reseal(ring, row.informant_name_sealed, informantAad(row));
        if (!result.ok) {
          if (result.error === 'unknown_key') summary.unknownKey++;
          else summary.tampered++;
          continue;
        }
        await writeInformant(tx, { operationId: row.operation_id, id: row.id }, result.value, ring.active);
        resealed++;
      }
      if (resealed > 0) {
        await writeAudit(tx, {
          actorId: context.actorId,
          operationId: null,
          action: 'keys.rotate_batch',
          resourceType: 'workplace_report',
          resourceId: null,
          details: { resealed, keyId: ring.active },
        });
      }
      summary.resealed += resealed;
      const end = rows[rows.length - 1];
      return end ? { operationId: end.operation_id, id: end.id } : null;
    });
    if (!last) return summary;
    after = last;
  }
}
