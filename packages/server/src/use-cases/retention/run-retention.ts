import { canForWholeOperation, consoleOperator, type Actor } from '@waymark/core';
import type { RetentionReport } from '@waymark/contracts';
import { allOperationIds } from '../../db/users-repository';
import { auditActorId } from '../console/console-actor';
import { anonymisePersonRows } from '../../db/anonymise-repository';
import { writeAudit } from '../../db/audit';
import { listActiveRetentionPolicies, lockInactiveBatch, withRetentionLock } from '../../db/retention-repository';
import type { Db } from '../../db/transaction';
import { inactivityCutoff, reportRetention } from './retention-report';

export interface RetentionRunOptions {
  dryRun: boolean;
  /** One operation by code; every operation with a policy when absent. */
  operationCode?: string;
  now: () => Date;
  /** People per transaction: short transactions keep row locks brief for field staff. */
  batchSize?: number;
  /**
   * Who runs it, checked by the rule book per operation: the `--as` user of the CLI, or
   * (the daily job, the console without --as) the console operator.
   */
  actor?: Actor | null;
}

export interface RetentionRunResult {
  /** False when another process was already running retention (advisory lock held). */
  ran: boolean;
  operations: Array<RetentionReport & { code: string; anonymised: number }>;
}

/**
 * Applies every operation's retention policy: each person past a rule is anonymised in a
 * short transaction of its batch, each audited `retention.anonymise` with the policy id,
 * and one `retention.run` summary per operation. Idempotent: anonymised people no longer
 * match. Only one process runs it at a time (a PostgreSQL advisory lock).
 */
export async function runRetention(db: Db, options: RetentionRunOptions): Promise<RetentionRunResult> {
  const actor = options.actor ?? consoleOperator(await allOperationIds(db));
  const outcome = await withRetentionLock(db, async () => {
    const asOf = options.now();
    const operations: RetentionRunResult['operations'] = [];
    for (const policy of await listActiveRetentionPolicies(db, options.operationCode)) {
      // The same rule book as the API: an operation the actor may not manage whole is left alone.
      if (!canForWholeOperation(actor, 'retention.manage', policy.operation_id)) continue;
      const report = await reportRetention(db, policy.operation_id, policy, asOf, options.dryRun);
      if (options.dryRun || policy.anonymise_inactive_after_days === null) {
        operations.push({ ...report, code: policy.code, anonymised: 0 });
        continue;
      }
      const anonymised = await anonymiseInactive(db, auditActorId(actor), policy.operation_id, policy.id, inactivityCutoff(policy.anonymise_inactive_after_days, asOf), asOf, options.batchSize ?? 200);
      await db.transaction().execute((tx) =>
        writeAudit(tx, {
          actorId: auditActorId(actor),
          operationId: policy.operation_id,
          action: 'retention.run',
          resourceType: 'retention_policy',
          resourceId: policy.id,
          details: { policyId: policy.id, rule: 'inactive', days: policy.anonymise_inactive_after_days, anonymised },
        }),
      );
      operations.push({ ...report, code: policy.code, anonymised });
    }
    return operations;
  });
  return outcome.ran ? { ran: true, operations: outcome.value } : { ran: false, operations: [] };
}

async function anonymiseInactive(db: Db, actorId: string | null, operationId: string, policyId: string, cutoff: Date, at: Date, batchSize: number): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.transaction().execute(async (tx) => {
      const batch = await lockInactiveBatch(tx, operationId, cutoff, at, batchSize);
      for (const person of batch) {
        const { counts } = await anonymisePersonRows(tx, person, null, at);
        await writeAudit(tx, {
          // The user who ran it (`waymark --as`); null for the daily schedule and the console operator.
          actorId,
          operationId,
          action: 'retention.anonymise',
          resourceType: 'person',
          resourceId: person.id,
          details: { policyId, rule: 'inactive', screenings: counts.screenings, protectionNotes: counts.protectionNotes, workplaceLinks: counts.workplaceLinks },
        });
      }
      return batch.length;
    });
    total += done;
    if (done < batchSize) return total;
  }
}
