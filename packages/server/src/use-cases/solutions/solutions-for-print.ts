import { can, dayOf, suggestCategories, withholdReasons, type CategorySuggestion } from '@waymark/core';
import type { DurableSolutions, ResettlementSubmission } from '@waymark/contracts';
import { caseMemberIds, findAssessment, findSubmission, memberFacts } from '../../db/solutions-repository';
import type { CaseRow } from '../../db/schema';
import type { Tx } from '../../db/transaction';
import { presentDurableSolutions, presentSubmission } from '../../presenters/solutions';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';
import { assessmentOf, categoryFacts, displacementOf } from './facts';

/** A case's durable solutions and resettlement as a printed summary shows them. */
export interface PrintedSolutions {
  durable: DurableSolutions;
  submission: ResettlementSubmission | null;
  /** Worked out from the screenings as scored, each reason as this reader may read it. */
  suggestions: CategorySuggestion[];
}

/**
 * The same content as the three solutions reads (durable solutions, resettlement, its
 * suggestions), for a reader who may read solutions on this case; null for anyone else.
 */
export async function solutionsForPrint(tx: Tx, ctx: UseCaseContext, row: CaseRow): Promise<PrintedSolutions | null> {
  if (!can(ctx.actor, 'solution.read', recordRef(row))) return null;
  const now = ctx.now();
  const members = await memberFacts(tx, row.operation_id, await caseMemberIds(tx, row));
  const [stored, submission] = await Promise.all([findAssessment(tx, row.operation_id, row.id), findSubmission(tx, row.operation_id, row.id)]);
  const facts = await categoryFacts(tx, row, assessmentOf(row, stored), now, dayOf(now), { actor: ctx.actor, ring: ctx.keyRing });
  return {
    durable: presentDurableSolutions(row, stored, displacementOf(members, now)),
    submission: submission ? presentSubmission(submission) : null,
    suggestions: withholdReasons(suggestCategories(facts.whole), suggestCategories(facts.forReader), facts.withheld),
  };
}
