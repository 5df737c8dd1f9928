import { can, canInOperation, err, mayWorkProgramme, ok, type Result, type Verb } from '@waymark/core';
import { findProgramme, type ProgrammeSummaryRow } from '../../db/programmes-repository';
import type { Db, Tx } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';

/** The operations where the actor holds `verb` (403 when the actor has it nowhere). */
export function operationsFor(ctx: UseCaseContext, verb: Verb, requested?: string): Result<string[], Failure> {
  if (!can(ctx.actor, verb)) return err(failure('forbidden'));
  if (requested !== undefined) return canInOperation(ctx.actor, verb, requested) ? ok([requested]) : err(failure('forbidden'));
  return ok(ctx.actor.operationIds.filter((id) => canInOperation(ctx.actor, verb, id)));
}

/** A programme of an operation where the actor holds `verb`; any other is not found. */
export async function programmeFor(db: Db | Tx, ctx: UseCaseContext, verb: Verb, id: string): Promise<Result<ProgrammeSummaryRow, Failure>> {
  const operations = operationsFor(ctx, verb);
  if (!operations.ok) return operations;
  const row = await findProgramme(db, operations.value, id);
  return row ? ok(row) : err(failure('not_found'));
}

/** Why a programme's holder-only work is refused to someone who can see the programme. */
export const NOT_YOUR_PROGRAMME = 'another agency, or a worker outside your scope, runs this programme';

/**
 * A programme whose person-level work (target list, enrolments, sessions) this actor may do:
 * `programme.enrol` on the programme, in scope (core/policy mayWorkProgramme). Others of the
 * operation see the programme, so they are told 403, not 404.
 */
export async function workedProgrammeFor(db: Db | Tx, ctx: UseCaseContext, id: string): Promise<Result<ProgrammeSummaryRow, Failure>> {
  const found = await programmeFor(db, ctx, 'programme.enrol', id);
  if (!found.ok) return found;
  return mayWorkProgramme(ctx.actor, recordRef(found.value)) ? found : err(failure('forbidden', NOT_YOUR_PROGRAMME));
}
