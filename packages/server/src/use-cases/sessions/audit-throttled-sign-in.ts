import { ok } from '@waymark/core';
import { writeAudit } from '../../db/audit';
import { transact, type Db } from '../../db/transaction';

/** An attempt refused before any account was looked at, because its address failed too often. */
export async function auditThrottledSignIn(db: Db, ip: string): Promise<void> {
  await transact(db, async (tx) => {
    await writeAudit(tx, {
      actorId: null,
      operationId: null,
      action: 'session.sign_in_failed',
      resourceType: 'user',
      resourceId: null,
      details: { reason: 'address_throttled' },
      ip,
      outcome: 'refused',
    });
    return ok(null);
  });
}
