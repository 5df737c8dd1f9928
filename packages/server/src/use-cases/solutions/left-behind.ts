import { childrenLeftBehind, type CareArrangementType, type LeftBehindChild, type MoveStepKind, type MoveStepStatus } from '@waymark/core';
import type { CaseRow } from '../../db/schema';
import { caseMemberIds, currentCareBy } from '../../db/solutions-repository';
import type { Db, Tx } from '../../db/transaction';

/**
 * No child left behind (core/children): every member of the case is a carer the step
 * moves; each child in their current care who is not on the case is flagged.
 */
export async function leftBehindBy(db: Db | Tx, row: CaseRow, step: { id: string; kind: string; status: string }, today: string): Promise<LeftBehindChild[]> {
  const members = await caseMemberIds(db, row);
  const care = await currentCareBy(db, row.operation_id, members, today);
  return childrenLeftBehind({
    caseMembers: members,
    carers: members.map((personId) => ({ kind: 'person', personId })),
    careArrangements: care.map((c) => ({
      id: c.id,
      childId: c.person_id,
      type: c.kind as CareArrangementType,
      carer: { kind: 'person', personId: c.carer_person_id },
      startDate: c.started_on,
      endDate: c.ended_on,
    })),
    children: care.map((c) => ({ id: c.person_id, dateOfBirth: c.date_of_birth, birthYear: c.birth_year })),
    solutionStep: { id: step.id, kind: step.kind as MoveStepKind, status: step.status as MoveStepStatus },
    today,
  });
}
