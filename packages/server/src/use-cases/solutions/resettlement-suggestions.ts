import { can, dayOf, err, ok, suggestCategories, withholdReasons, type Result } from '@waymark/core';
import type { ResettlementSuggestions } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findAssessment } from '../../db/solutions-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { caseFor } from '../case-for';
import { assessmentOf, categoryFacts } from './facts';

/**
 * Categories to consider, each with its reasons, from the members' latest screenings (as
 * scored: their sealed parts opened here), their BIDs and whatever assessment exists. Every
 * reader of the case sees every category; a reason that only a sealed section gives is
 * shown to readers cleared for it, to others as withheld with who reads it. Never final: a
 * person confirms (confirm-resettlement).
 */
export async function resettlementSuggestions(ctx: UseCaseContext, caseId: string): Promise<Result<ResettlementSuggestions, Failure>> {
  if (!can(ctx.actor, 'solution.read')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const found = await caseFor(tx, ctx.actor, caseId, 'solution.read');
    if (!found.ok) return found;
    const row = found.value;
    const assessment = assessmentOf(row, await findAssessment(tx, row.operation_id, row.id));
    const facts = await categoryFacts(tx, row, assessment, now, dayOf(now), { actor: ctx.actor, ring: ctx.keyRing });
    // Decided from the screenings as scored; each reason shown only to a reader whose own view gives it.
    const suggestions = withholdReasons(suggestCategories(facts.whole), suggestCategories(facts.forReader), facts.withheld);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: row.operation_id,
      action: 'resettlement.suggestions_view',
      resourceType: 'case',
      resourceId: row.id,
      details: { categories: suggestions.map((s) => s.category).join(',') },
      at: now,
    });
    return ok({ caseId: row.id, suggestions });
  });
}
