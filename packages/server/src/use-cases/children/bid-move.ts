import type { ChildProblem } from '@waymark/core';
import { caseMemberIds, caseOfStep, currentCareBy } from '../../db/solutions-repository';
import type { PersonRow } from '../../db/schema';
import type { Tx } from '../../db/transaction';

/**
 * A BID may name a move (durable-solution step) only when the move is about this child:
 * the child is on the move's case, or is in the current care of someone on it (the child
 * the move would leave behind). Anything else, including a step of another operation or
 * no step at all, is refused with the same words at the field, so an id tells nothing.
 */
export async function checkBidMove(tx: Tx, child: PersonRow, stepId: string, today: string): Promise<ChildProblem[]> {
  const refused: ChildProblem[] = [{ path: ['recommendation', 'solutionStepId'], code: 'not_this_childs_move', message: "a move of this child's case or of the child's carer" }];
  const row = await caseOfStep(tx, child.operation_id, stepId);
  if (!row) return refused;
  const members = await caseMemberIds(tx, row);
  if (members.includes(child.id)) return [];
  const care = await currentCareBy(tx, child.operation_id, members, today);
  return care.some((arrangement) => arrangement.person_id === child.id) ? [] : refused;
}
