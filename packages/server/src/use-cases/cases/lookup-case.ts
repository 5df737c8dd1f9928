import { can, err, ok, type Result } from '@waymark/core';
import type { CaseLookup } from '@waymark/contracts';
import { findCaseIdByNumber } from '../../db/cases-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { caseFor } from '../case-for';
import type { UseCaseContext } from '../context';

/**
 * The case a spoken or printed number names (`LBN-C-2026-000123`), for a caseworker who has
 * the number and not the link. Outside the reader's scope it does not exist (404), exactly as
 * for an id; the read of the case itself is audited when the page opens it.
 */
export async function lookupCase(ctx: UseCaseContext, query: { number: string }): Promise<Result<CaseLookup, Failure>> {
  if (!can(ctx.actor, 'case.read')) return err(failure('forbidden'));
  return transact(ctx.db, async (tx) => {
    const id = await findCaseIdByNumber(tx, ctx.actor, query.number);
    if (id === undefined) return err(failure('not_found'));
    const found = await caseFor(tx, ctx.actor, id, 'case.read');
    if (!found.ok) return found;
    return ok({ id: found.value.id, caseNumber: found.value.case_number });
  });
}
