import { dayOf, type Result } from '@waymark/core';
import type { CaseAssignment, CaseDetail } from '@waymark/contracts';
import { findCaseForUpdate, updateCaseAtVersion } from '../../db/cases-repository';
import type { CaseRow } from '../../db/schema';
import type { Failure } from '../../failure';
import { assignHeldRecord, type AssignableRecord } from '../assign-held-record';
import type { UseCaseContext } from '../context';
import { caseDetail } from './case-detail';

const CASES: AssignableRecord<CaseRow, CaseDetail> = {
  verb: 'case.assign',
  noun: 'case',
  nameInConflict: 'case',
  findForUpdate: findCaseForUpdate,
  updateAtVersion: updateCaseAtVersion,
  present: (tx, row, now, actor, ring) => caseDetail(tx, row, dayOf(now), actor, ring),
};

/**
 * Hands a case to a worker (and optionally a team) of the agency that holds it, as persons
 * are assigned. `case.assign`: supervisors balancing the workload they see, and protection
 * and child-protection officers allocating the cases in their scope.
 */
export function assignCase(ctx: UseCaseContext, id: string, input: CaseAssignment): Promise<Result<CaseDetail, Failure>> {
  return assignHeldRecord(CASES, ctx, id, input);
}
