import type { KeyRing } from '../crypto/key-ring';
import { can, err, ok, type Actor, type Result } from '@waymark/core';
import { writeAudit } from '../db/audit';
import { transact, type Tx } from '../db/transaction';
import { failure, type Failure } from '../failure';
import { checkNewHolder } from './check-new-holder';
import type { UseCaseContext } from './context';
import { refuseIfErased } from './erased-records';
import { recordRef } from './record-ref';

interface HeldRow {
  operation_id: string;
  agency_id: string;
  team_id: string | null;
  assigned_user_id: string | null;
  version: number;
  /** A person's or a case's mark of erasure: nothing new is recorded on either. */
  anonymised_at?: Date | string | null;
  erased_at?: Date | string | null;
}

interface NewHolder {
  assigned_user_id: string;
  team_id: string | null;
  updated_by: string;
}

/** What differs between assigning one kind of held record and another: the rest is assignHeldRecord. */
export interface AssignableRecord<Row extends HeldRow, Answer> {
  /** The verb checked, and the action audited. */
  verb: 'person.assign' | 'case.assign';
  /** The record as eligibility problems and the audit trail name it. */
  noun: 'person' | 'case';
  /** The record as a version conflict names it: "the <name> is at version 3". */
  nameInConflict: string;
  findForUpdate(tx: Tx, actor: Actor, id: string): Promise<Row | undefined>;
  updateAtVersion(tx: Tx, key: { operationId: string; id: string; version: number }, changes: NewHolder): Promise<Row | undefined>;
  present(tx: Tx, row: Row, now: Date, actor: Actor, ring: KeyRing | undefined): Answer | Promise<Answer>;
}

/**
 * Hands a held record (a person, a case) to a worker, and optionally a team, of the agency
 * that holds it: never across agencies, because agency scope and "mine" rely on that
 * (checkNewHolder). The record must be in the actor's scope; a stale `version` is a 409.
 */
export async function assignHeldRecord<Row extends HeldRow, Answer>(
  kind: AssignableRecord<Row, Answer>,
  ctx: UseCaseContext,
  id: string,
  input: { assignedUserId: string; teamId?: string | null | undefined; version: number },
): Promise<Result<Answer, Failure>> {
  if (!can(ctx.actor, kind.verb)) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const current = await kind.findForUpdate(tx, ctx.actor, id);
    if (!current) return err(failure('not_found'));
    if (!can(ctx.actor, kind.verb, recordRef(current))) return err(failure('forbidden'));
    const live = refuseIfErased(kind.verb, current);
    if (!live.ok) return live;
    if (current.version !== input.version) {
      return err(failure('version_conflict', `the ${kind.nameInConflict} is at version ${current.version}; reload and reapply your change`));
    }
    const holder = await checkNewHolder(tx, current, input, kind.noun);
    if (!holder.ok) return holder;
    const teamId = holder.value.teamId;
    const updated = await kind.updateAtVersion(
      tx,
      { operationId: current.operation_id, id, version: input.version },
      { assigned_user_id: input.assignedUserId, team_id: teamId, updated_by: ctx.actor.userId },
    );
    if (!updated) return err(failure('version_conflict'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: current.operation_id,
      action: kind.verb,
      resourceType: kind.noun,
      resourceId: id,
      details: { from: current.assigned_user_id, to: input.assignedUserId, teamId, version: updated.version },
      at: now,
    });
    return ok(await kind.present(tx, updated, now, ctx.actor, ctx.keyRing));
  });
}
