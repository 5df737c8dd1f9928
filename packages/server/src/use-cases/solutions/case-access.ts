import { can, err, ok, type Result, type Verb } from '@waymark/core';
import { findCase, findCaseForUpdate } from '../../db/cases-repository';
import type { CaseRow } from '../../db/schema';
import type { Tx } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';

/**
 * The case the route names, found through the scope condition (404 outside it, so another
 * agency's case is indistinguishable from none), then the verb on that record.
 */
export async function caseFor(ctx: UseCaseContext, tx: Tx, id: string, verb: Verb, options: { forUpdate?: boolean } = {}): Promise<Result<CaseRow, Failure>> {
  const row = options.forUpdate ? await findCaseForUpdate(tx, ctx.actor, id) : await findCase(tx, ctx.actor, id);
  if (!row) return err(failure('not_found'));
  if (!can(ctx.actor, verb, recordRef(row))) return err(failure('forbidden'));
  return ok(row);
}
