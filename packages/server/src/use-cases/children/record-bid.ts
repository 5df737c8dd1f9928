import { bidRequirement, checkBidDecision, dayOf, err, ok, type BidDecisionInput, type ChildProblem, type Result } from '@waymark/core';
import type { Bid, BidCreate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { sealBidViews } from '../../crypto/case-work-sealing';
import { writeAudit } from '../../db/audit';
import { careArrangementsOfPerson, childSettings, findBiaForUpdate, insertBid } from '../../db/children-repository';
import { transact } from '../../db/transaction';
import { invalid, type Failure } from '../../failure';
import { presentBid } from '../../presenters/children';
import { requireKeyRing } from '../protection-notes/note-sealing';
import type { UseCaseContext } from '../context';
import { refuseIfAnonymised } from '../persons/refuse-if-anonymised';
import { recordRef } from '../record-ref';
import { checkBidMove } from './bid-move';
import { childFacts, findChild } from './child-subject';
import { reviewDueFor } from './review-due';

/**
 * Records a BID when core/children checkBidDecision finds nothing wrong (panel, the
 * child's views, recommendation, dates, a child on the decision date); otherwise every
 * problem with its path, and nothing written. The first review is scheduled with it.
 */
export async function recordBid(ctx: UseCaseContext, personId: string, input: BidCreate): Promise<Result<Bid, Failure>> {
  const now = ctx.now();
  const today = dayOf(now);
  return transact(ctx.db, async (tx): Promise<Result<Bid, Failure>> => {
    const found = await findChild(tx, ctx.actor, personId, 'child.determine');
    if (!found.ok) return found;
    const person = found.value;
    const live = refuseIfAnonymised(person);
    if (!live.ok) return live;
    const problems: ChildProblem[] = [];
    if (input.biaId !== undefined) {
      const bia = await findBiaForUpdate(tx, ctx.actor, input.biaId);
      if (!bia || bia.person_id !== person.id) problems.push({ path: ['biaId'], code: 'not_this_child', message: 'an assessment of this child' });
    }
    const stepId = input.recommendation?.solutionStepId;
    if (stepId) problems.push(...(await checkBidMove(tx, person, stepId, today)));
    const settings = await childSettings(tx, person.operation_id);
    const facts = childFacts(person);
    const decision: BidDecisionInput = {
      childId: person.id,
      child: { dateOfBirth: facts.dateOfBirth, birthYear: facts.birthYear },
      assessmentDate: input.assessmentDate,
      decisionDate: input.decisionDate,
      panel: (input.panel ?? []).map((m) => ({ memberId: m.memberId, role: m.role, confidentialityUndertakingSigned: m.confidentialityUndertakingSigned })),
      childViews: input.childViews ?? null,
      recommendation: { kind: input.recommendation?.kind ?? null, solutionStepId: input.recommendation?.solutionStepId ?? null },
    };
    problems.push(...checkBidDecision(decision, { today, settings: { minPanelSize: settings.bidMinPanelSize } }));
    if (problems.length > 0) return err(invalid(problems));
    const views = decision.childViews!;
    const requirement = bidRequirement({
      careSituation: facts.careSituation,
      choosingDurableSolution: input.situation?.choosingDurableSolution ?? false,
      exceptionalTemporaryCare: input.situation?.exceptionalTemporaryCare ?? false,
      mayBeSeparatedFromParentsAgainstTheirWill: input.situation?.mayBeSeparatedFromParentsAgainstTheirWill ?? false,
    });
    const arrangements = await careArrangementsOfPerson(tx, person.operation_id, person.id);
    const review = reviewDueFor({ decision_date: input.decisionDate }, arrangements, person.id, settings.reviewIntervalMonths);
    const place = { operation_id: person.operation_id, id: uuidv7(), person_id: person.id };
    const viewsText = views.kind === 'disagrees' ? views.reasons : views.kind === 'could_not_be_heard' ? (views.note ?? null) : null;
    // The child's own words are sealed at rest; without a key ring they are not written at all.
    const ring = viewsText === null ? ok(undefined) : requireKeyRing(ctx.keyRing);
    if (!ring.ok) return ring;
    const row = await insertBid(tx, {
      ...place,
      bia_id: input.biaId ?? null,
      reason_codes: requirement.reasons.map((r) => r.code),
      panel: JSON.stringify(decision.panel),
      assessment_date: input.assessmentDate,
      child_views_kind: views.kind,
      child_not_heard_reason: views.kind === 'could_not_be_heard' ? views.why : null,
      child_views_text: ring.value ? sealBidViews(ring.value, place, viewsText) : null,
      recommendation: decision.recommendation.kind!,
      decision_date: input.decisionDate,
      solution_step_ref: decision.recommendation.solutionStepId,
      review_due_on: review.dueDate,
      review_due_reason: review.reason,
      created_by: ctx.actor.userId,
    });
    // Codes and counts only: the child's views never reach the audit trail.
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: row.operation_id,
      action: 'child.bid_record',
      resourceType: 'person',
      resourceId: person.id,
      details: { bidId: row.id, recommendation: row.recommendation, panel: decision.panel.length, reasons: row.reason_codes.join(','), solutionStepId: row.solution_step_ref },
      at: now,
    });
    return ok(presentBid({ ...row, child_views_text: viewsText }, { actor: ctx.actor, child: recordRef(person) }));
  });
}
