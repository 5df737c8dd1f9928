import { checkCarerAge, err, ok, type CareArrangementType, type ChildProblem, type Result } from '@waymark/core';
import type { CareArrangementCreate, CareArrangementCreated } from '@waymark/contracts';
import { findArrangement, lockChildHistory } from '../../db/care-history-repository';
import { bidsOfPerson, careArrangementsOfPerson, childSettings, setReviewDue } from '../../db/children-repository';
import { findPerson } from '../../db/persons-repository';
import type { CareArrangementRow, PersonRow } from '../../db/schema';
import type { Tx } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { refuseIfAnonymised } from '../persons/refuse-if-anonymised';
import { childAgeOn, findChild } from './child-subject';
import { reviewDueFor } from './review-due';

// What adding, ending and correcting a care arrangement share: finding the child (and the
// arrangement) through the scope, checking the carer, and moving the BID review.

/**
 * The carer, when a registered person: someone the actor can reach in the same operation,
 * never the child, not erased, and an adult unless the arrangement is a child-headed
 * household (core checkCarerAge). Problems at the request's paths; a failure otherwise.
 */
export async function checkCarer(
  tx: Tx,
  ctx: UseCaseContext,
  child: PersonRow,
  input: Pick<CareArrangementCreate, 'carer' | 'kind' | 'startDate'>,
): Promise<Result<ChildProblem[], Failure>> {
  if (input.carer.kind !== 'person') return ok([]);
  const carer = await findPerson(tx, ctx.actor, input.carer.personId);
  if (!carer || carer.operation_id !== child.operation_id || carer.id === child.id) {
    return ok([{ path: ['carer', 'personId'], code: 'carer_required', message: 'a person you can reach, other than the child' }]);
  }
  // Nothing new is written about an erased person, as a carer either.
  const live = refuseIfAnonymised(carer);
  if (!live.ok) return live;
  return ok(checkCarerAge(input.kind as CareArrangementType, childAgeOn(carer, input.startDate)));
}

/** The child's history, locked against a concurrent change, oldest first. */
export async function lockedHistory(tx: Tx, child: PersonRow): Promise<CareArrangementRow[]> {
  await lockChildHistory(tx, child.operation_id, child.id);
  return careArrangementsOfPerson(tx, child.operation_id, child.id);
}

/** An arrangement named by a route, with its child found through the scope and the verb (404 outside it). */
export async function arrangementFor(tx: Tx, ctx: UseCaseContext, id: string): Promise<Result<{ arrangement: CareArrangementRow; child: PersonRow }, Failure>> {
  const arrangement = await findArrangement(tx, ctx.actor.operationIds, id);
  if (!arrangement) return err(failure('not_found'));
  const found = await findChild(tx, ctx.actor, arrangement.person_id, 'child.assess');
  if (!found.ok) return found;
  const live = refuseIfAnonymised(found.value);
  if (!live.ok) return live;
  return ok({ arrangement, child: found.value });
}

/** A change of arrangement brings the latest BID's review forward (core nextReviewDate); null without a BID. */
export async function moveReview(tx: Tx, child: PersonRow): Promise<CareArrangementCreated['nextReview']> {
  const [latest] = await bidsOfPerson(tx, child.operation_id, child.id);
  if (!latest) return null;
  const settings = await childSettings(tx, child.operation_id);
  const history = await careArrangementsOfPerson(tx, child.operation_id, child.id);
  const review = reviewDueFor(latest, history, child.id, settings.reviewIntervalMonths);
  await setReviewDue(tx, { operationId: latest.operation_id, id: latest.id }, review.dueDate, review.reason);
  return { dueDate: review.dueDate, reason: review.reason };
}
