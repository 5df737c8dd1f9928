import { correctArrangement, dayOf, err, ok, type Result } from '@waymark/core';
import type { CareArrangementChanged, CareArrangementCorrect } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { correctionsOfPerson, insertCorrection, updateArrangementAtVersion } from '../../db/care-history-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentCareArrangement } from '../../presenters/children';
import type { UseCaseContext } from '../context';
import { arrangementFor, checkCarer, lockedHistory, moveReview } from './care-change';
import { childAgeOn, coreArrangement } from './child-subject';

/**
 * Corrects a mistaken entry (a wrong carer, kind or dates) at the version read, with the
 * reason. The values it replaces are kept with the reason in care_arrangement_corrections
 * and shown in the history; the audit row names the correction. The corrected history
 * must hold together (core correctArrangement), and the review is worked out again from it.
 */
export async function correctCareArrangement(ctx: UseCaseContext, id: string, input: CareArrangementCorrect): Promise<Result<CareArrangementChanged, Failure>> {
  const now = ctx.now();
  return transact(ctx.db, async (tx): Promise<Result<CareArrangementChanged, Failure>> => {
    const found = await arrangementFor(tx, ctx, id);
    if (!found.ok) return found;
    const { child } = found.value;
    const age = childAgeOn(child, input.startDate);
    if (age !== null && age >= 18) return err(invalid([{ path: ['startDate'], code: 'adult_not_child', message: 'care arrangements are recorded for children' }]));
    const carer = await checkCarer(tx, ctx, child, input);
    if (!carer.ok) return carer;
    if (carer.value.length > 0) return err(invalid(carer.value));
    const history = await lockedHistory(tx, child);
    const current = history.find((row) => row.id === id)!;
    if (current.version !== input.version) return err(failure('version_conflict', `the arrangement is at version ${current.version}; reload and reapply your change`));
    const corrected = correctArrangement(
      history.map(coreArrangement),
      { id, childId: child.id, type: input.kind, carer: input.carer, startDate: input.startDate, endDate: input.endDate },
      dayOf(now),
    );
    if (!corrected.ok) return err(invalid(corrected.error));
    const correction = await insertCorrection(tx, {
      operation_id: current.operation_id,
      id: uuidv7(),
      arrangement_id: id,
      person_id: child.id,
      previous_kind: current.kind,
      previous_carer_person_id: current.carer_person_id,
      previous_carer_ref: current.carer_ref,
      previous_started_on: current.started_on,
      previous_ended_on: current.ended_on,
      reason: input.reason,
      corrected_at: now,
      corrected_by: ctx.actor.userId,
    });
    const row = await updateArrangementAtVersion(
      tx,
      { operationId: current.operation_id, id, version: input.version },
      {
        kind: input.kind,
        carer_person_id: input.carer.kind === 'person' ? input.carer.personId : null,
        carer_ref: input.carer.kind === 'carer_record' ? input.carer.carerId : null,
        started_on: input.startDate,
        ended_on: input.endDate,
      },
      ctx.actor.userId,
    );
    if (!row) return err(failure('version_conflict'));
    const nextReview = await moveReview(tx, child);
    // The reason's words go beside the chain (audit_reasons), where erasure reaches them.
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: row.operation_id,
      action: 'child.care_arrangement_correct',
      resourceType: 'person',
      resourceId: child.id,
      details: { careArrangementId: row.id, correctionId: correction.id, version: row.version, reviewDueOn: nextReview?.dueDate ?? null },
      reason: input.reason,
      at: now,
    });
    return ok({ ...presentCareArrangement(row, await correctionsOfPerson(tx, child.operation_id, child.id)), nextReview });
  });
}
