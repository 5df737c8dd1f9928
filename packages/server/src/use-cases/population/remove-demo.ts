import { can, err, ok, type Actor, type Result } from '@waymark/core';
import { auditActorId } from '../console/console-actor';
import { deleteOperationEverywhere } from '../../db/demo-removal-repository';
import type { Db } from '../../db/transaction';

export type DemoRemovalRefusal =
  | { code: 'not_synthetic'; operationCode: string }
  | { code: 'unknown_operation'; operationCode: string }
  | { code: 'forbidden' };

export interface RemovedDemo {
  code: string;
  rows: number;
}

/**
 * `waymark demo remove`: deletes synthetic operations (all of them, or the one named) with
 * everything in them, each in its own transaction and audited in the installation's chain.
 * An operation that is not synthetic is refused before anything is deleted.
 */
export async function removeDemo(db: Db, actor: Actor | null, options: { operationCode?: string }): Promise<Result<RemovedDemo[], DemoRemovalRefusal>> {
  if (actor !== null && !can(actor, 'population.seed')) return err({ code: 'forbidden' });
  let query = db.selectFrom('operations').select(['id', 'code', 'synthetic']);
  if (options.operationCode !== undefined) query = query.where('code', '=', options.operationCode);
  const found = await query.orderBy('code').execute();
  if (options.operationCode !== undefined) {
    const named = found[0];
    if (!named) return err({ code: 'unknown_operation', operationCode: options.operationCode });
    if (!named.synthetic) return err({ code: 'not_synthetic', operationCode: named.code });
  }
  const synthetic = found.filter((candidate) => candidate.synthetic);
  // A Waymark user (--as) removes only demos they are in; the console operator is in every one.
  if (actor !== null && synthetic.some((operation) => !actor.operationIds.includes(operation.id))) return err({ code: 'forbidden' });
  const removed: RemovedDemo[] = [];
  for (const operation of synthetic) {
    // Not the operation's own chain: that chain stays as it was, and this entry outlives it.
    const { rows } = await deleteOperationEverywhere(db, operation.id, {
      actorId: auditActorId(actor),
      operationId: null,
      action: 'demo.removed',
      resourceType: 'operation',
      resourceId: operation.id,
      details: { code: operation.code, via: 'console' },
    });
    removed.push({ code: operation.code, rows });
  }
  return ok(removed);
}
