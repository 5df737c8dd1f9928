import { dayOf, err, ok, startArrangement, type CareArrangement as CoreArrangement, type Result } from '@waymark/core';
import type { CareArrangementCreate, CareArrangementCreated } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { updateArrangementAtVersion } from '../../db/care-history-repository';
import { insertCareArrangement } from '../../db/children-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentCareArrangement } from '../../presenters/children';
import type { UseCaseContext } from '../context';
import { refuseIfAnonymised } from '../persons/refuse-if-anonymised';
import { checkCarer, lockedHistory, moveReview } from './care-change';
import { childAgeOn, coreArrangement, findChild } from './child-subject';

/**
 * Adds a period to a child's care-arrangement history, checked against the whole history
 * (core startArrangement): the arrangement still open ends the day the new one starts,
 * anything else sharing a day is refused, and a carer under 18 only heads a child-headed
 * household. The change brings the latest BID's review forward, in the same transaction.
 */
export async function addCareArrangement(ctx: UseCaseContext, personId: string, input: CareArrangementCreate): Promise<Result<CareArrangementCreated, Failure>> {
  const now = ctx.now();
  const today = dayOf(now);
  return transact(ctx.db, async (tx): Promise<Result<CareArrangementCreated, Failure>> => {
    const found = await findChild(tx, ctx.actor, personId, 'child.assess');
    if (!found.ok) return found;
    const person = found.value;
    const live = refuseIfAnonymised(person);
    if (!live.ok) return live;
    const age = childAgeOn(person, input.startDate);
    if (age !== null && age >= 18) return err(invalid([{ path: ['startDate'], code: 'adult_not_child', message: 'care arrangements are recorded for children' }]));
    const carer = await checkCarer(tx, ctx, person, input);
    if (!carer.ok) return carer;
    if (carer.value.length > 0) return err(invalid(carer.value));
    const history = await lockedHistory(tx, person);
    const id = uuidv7();
    const candidate: CoreArrangement = { id, childId: person.id, type: input.kind, carer: input.carer, startDate: input.startDate, endDate: input.endDate ?? null };
    const started = startArrangement(history.map(coreArrangement), candidate, today);
    if (!started.ok) return err(invalid(started.error));
    let closed: CareArrangementCreated['closed'] = null;
    if (started.value.closes) {
      const open = history.find((row) => row.id === started.value.closes!.id)!;
      const ended = await updateArrangementAtVersion(tx, { operationId: open.operation_id, id: open.id, version: open.version }, { ended_on: started.value.closes.endDate }, ctx.actor.userId);
      if (!ended) return err(failure('version_conflict'));
      closed = presentCareArrangement(ended);
    }
    const row = await insertCareArrangement(tx, {
      operation_id: person.operation_id,
      id,
      person_id: person.id,
      kind: input.kind,
      carer_person_id: input.carer.kind === 'person' ? input.carer.personId : null,
      carer_ref: input.carer.kind === 'carer_record' ? input.carer.carerId : null,
      started_on: input.startDate,
      ended_on: input.endDate ?? null,
      created_by: ctx.actor.userId,
    });
    const nextReview = await moveReview(tx, person);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: row.operation_id,
      action: 'child.care_arrangement_add',
      resourceType: 'person',
      resourceId: person.id,
      details: { careArrangementId: row.id, kind: row.kind, closedArrangementId: closed?.id ?? null, reviewDueOn: nextReview?.dueDate ?? null },
      at: now,
    });
    return ok({ ...presentCareArrangement(row), nextReview, closed });
  });
}
