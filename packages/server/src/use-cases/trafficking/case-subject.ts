import { can, err, ok, type Result, type Verb } from '@waymark/core';
import { findCase, findCaseForUpdate } from '../../db/cases-repository';
import type { CaseRow } from '../../db/schema';
import type { Tx } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';

/**
 * The case an assessment belongs to, found through the scope condition (outside it: 404,
 * as for persons) and allowed by the rule book for `verb` on that case. Locked for a write,
 * so a closure approved meanwhile is seen before tasks land on a closed case.
 */
export async function caseFor(tx: Tx, ctx: UseCaseContext, caseId: string, verb: Verb, lock: boolean): Promise<Result<CaseRow, Failure>> {
  const row = lock ? await findCaseForUpdate(tx, ctx.actor, caseId) : await findCase(tx, ctx.actor, caseId);
  if (!row) return err(failure('not_found'));
  if (!can(ctx.actor, verb, recordRef(row))) return err(failure('forbidden'));
  return ok(row);
}
