import { can, err, ok, type Result } from '@waymark/core';
import type { AuditEventPage, AuditEventQuery } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { searchAuditEvents } from '../../db/audit-repository';
import { displayNamesOf } from '../../db/users-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentAuditEvent, staffNamedIn } from '../../presenters/audit-event';
import type { UseCaseContext } from '../context';

/**
 * The auditors' search, newest first, within their operations. Reading the trail is itself
 * audited, and so is a refusal to let someone read it.
 */
export async function searchAuditTrail(ctx: UseCaseContext, query: AuditEventQuery): Promise<Result<AuditEventPage, Failure>> {
  const allowed = can(ctx.actor, 'audit.read') && (!query.operationId || can(ctx.actor, 'audit.read', { operationId: query.operationId }));
  // Which filters were used, by name only: their values could be anything.
  const filters = (['operationId', 'actorId', 'action', 'resourceType', 'resourceId', 'from', 'to', 'cursor'] as const)
    .filter((name) => query[name] !== undefined)
    .join(',');
  if (!allowed) {
    await transact(ctx.db, async (tx) => {
      await writeAudit(tx, {
        actorId: ctx.actor.userId,
        operationId: null,
        action: 'audit.search',
        resourceType: 'audit_trail',
        resourceId: null,
        outcome: 'refused',
        at: ctx.now(),
      });
      return ok(null);
    });
    return err(failure('forbidden'));
  }
  return transact(ctx.db, async (tx) => {
    const rows = await searchAuditEvents(tx, {
      operationIds: ctx.actor.operationIds,
      operationId: query.operationId,
      actorId: query.actorId,
      actionPrefix: query.action,
      resourceType: query.resourceType,
      resourceId: query.resourceId,
      from: query.from,
      to: query.to,
      beforeId: query.cursor,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: query.operationId ?? null,
      action: 'audit.search',
      resourceType: 'audit_trail',
      resourceId: null,
      details: { filters, results: page.length },
      at: ctx.now(),
    });
    const names = can(ctx.actor, 'user.read') ? await displayNamesOf(tx, staffNamedIn(page)) : new Map<string, string>();
    return ok({
      items: page.map(presentAuditEvent),
      userNames: Object.fromEntries(names),
      nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null,
    });
  });
}
