import { checkCareArrangements, dayOf, err, ok, type CareArrangement as CoreArrangement, type Result } from '@waymark/core';
import type { CareArrangementCreate, CareArrangementCreated } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { bidsOfPerson, careArrangementsOfPerson, childSettings, insertCareArrangement, setReviewDue } from '../../db/children-repository';
import { findPerson } from '../../db/persons-repository';
import { transact } from '../../db/transaction';
import { invalid, type Failure } from '../../failure';
import { presentCareArrangement } from '../../presenters/children';
import type { UseCaseContext } from '../context';
import { refuseIfAnonymised } from '../persons/refuse-if-anonymised';
import { childAgeOn, coreArrangement, findChild } from './child-subject';
import { reviewDueFor } from './review-due';

/**
 * Adds a period to a child's care-arrangement history, checked against the whole history
 * (no overlaps, dates in order). A change of arrangement brings the latest BID's review
 * forward to the day of the change (core nextReviewDate), in the same transaction.
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
    if (input.carer.kind === 'person') {
      // The carer is someone the actor can reach in the same operation, never the child.
      const carer = await findPerson(tx, ctx.actor, input.carer.personId);
      if (!carer || carer.operation_id !== person.operation_id || carer.id === person.id) {
        return err(invalid([{ path: ['carer', 'personId'], code: 'carer_required', message: 'a person you can reach, other than the child' }]));
      }
      // Nothing new is written about an erased person, as a carer either.
      const carerLive = refuseIfAnonymised(carer);
      if (!carerLive.ok) return carerLive;
    }
    // Serialise changes to one child's history so two overlapping periods cannot both pass.
    await tx.selectFrom('persons').select('id').where('operation_id', '=', person.operation_id).where('id', '=', person.id).forUpdate().execute();
    const history = await careArrangementsOfPerson(tx, person.operation_id, person.id);
    const id = uuidv7();
    const candidate: CoreArrangement = {
      id,
      childId: person.id,
      type: input.kind,
      carer: input.carer,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
    };
    const all = [...history.map(coreArrangement), candidate];
    const last = all.length - 1;
    // Only the new period's problems count (and are reported at the body's own paths).
    const problems = checkCareArrangements(all, { today })
      .filter((p) => p.path[0] === last)
      .map((p) => ({ ...p, path: p.path.slice(1).length > 0 ? p.path.slice(1) : ['startDate'] }));
    if (problems.length > 0) return err(invalid(problems));
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
    const [latest] = await bidsOfPerson(tx, person.operation_id, person.id);
    let nextReview: CareArrangementCreated['nextReview'] = null;
    if (latest) {
      const settings = await childSettings(tx, person.operation_id);
      const review = reviewDueFor(latest, [...history, row], person.id, settings.reviewIntervalMonths);
      await setReviewDue(tx, { operationId: latest.operation_id, id: latest.id }, review.dueDate, review.reason);
      nextReview = { dueDate: review.dueDate, reason: review.reason };
    }
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: row.operation_id,
      action: 'child.care_arrangement_add',
      resourceType: 'person',
      resourceId: person.id,
      details: { careArrangementId: row.id, kind: row.kind, reviewDueOn: nextReview?.dueDate ?? null },
      at: now,
    });
    return ok({ ...presentCareArrangement(row), nextReview });
  });
}
