import { consoleOperator, type Actor } from '@waymark/core';
import { chainOf } from '../../audit-hash';
import { writeAudit, type AuditEvent } from '../../db/audit';
import type { Db } from '../../db/transaction';
import { allOperationIds } from '../../db/users-repository';
import { auditActorId } from './console-actor';

/**
 * A console action in the audit trail under the user who ran it (`--as`), like a request:
 * the console operator (no `--as`) has no user id, and its rows say they came from the console.
 */
export async function recordConsoleAction(
  db: Db,
  actor: Actor | null,
  event: Pick<AuditEvent, 'action' | 'resourceType' | 'details' | 'outcome'> & { operationId?: string | null },
): Promise<void> {
  await db.transaction().execute((tx) =>
    writeAudit(tx, {
      actorId: auditActorId(actor),
      operationId: event.operationId ?? null,
      action: event.action,
      resourceType: event.resourceType,
      resourceId: null,
      outcome: event.outcome ?? 'allowed',
      details: { ...event.details, via: 'console' },
    }),
  );
}

/** The operations of this installation that the actor is not in (none for the console operator). */
export async function operationsBeyond(db: Db, actor: Actor): Promise<string[]> {
  return (await allOperationIds(db)).filter((id) => !actor.operationIds.includes(id));
}

/**
 * Which audit chains the actor may see: those of its own operations, and the installation's
 * global chain only for an actor in every operation (its events are not of one operation).
 */
export async function visibleChains(db: Db, actor: Actor | null): Promise<(chain: string) => boolean> {
  const reader = actor ?? consoleOperator(await allOperationIds(db));
  const everywhere = (await operationsBeyond(db, reader)).length === 0;
  const own = new Set(reader.operationIds.map((id) => chainOf(id)));
  return (chain) => own.has(chain) || (everywhere && chain === chainOf(null));
}
