import { currentArrangement, dayOf, ok, type Result } from '@waymark/core';
import type { BestInterests, CareArrangementList } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { correctionsOfPerson } from '../../db/care-history-repository';
import { biasOfPerson, bidsOfPerson, careArrangementsOfPerson } from '../../db/children-repository';
import type { PersonRow } from '../../db/schema';
import { transact, type Tx } from '../../db/transaction';
import type { Failure } from '../../failure';
import { presentCareArrangement } from '../../presenters/children';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';
import { presentBiasFor } from './bia-content';
import { coreArrangement, findChild } from './child-subject';
import { presentBids } from './present-bids';
import { suggestedUrgencyFor } from './suggest-urgency';

async function arrangementsOf(tx: Tx, person: PersonRow, today: string): Promise<Omit<CareArrangementList, 'nextReview'>> {
  const [rows, corrections] = await Promise.all([careArrangementsOfPerson(tx, person.operation_id, person.id), correctionsOfPerson(tx, person.operation_id, person.id)]);
  const current = currentArrangement(rows.map(coreArrangement), person.id, today);
  const currentRow = current === null ? undefined : rows.find((r) => r.id === current.id);
  return { items: rows.map((row) => presentCareArrangement(row, corrections)), current: currentRow ? presentCareArrangement(currentRow, corrections) : null };
}

async function auditRead(tx: Tx, ctx: UseCaseContext, person: PersonRow, at: Date): Promise<void> {
  await writeAudit(tx, { actorId: ctx.actor.userId, operationId: person.operation_id, action: 'child.view', resourceType: 'person', resourceId: person.id, at });
}

/** A child's best-interests record: BIAs, BIDs (views withheld without clearance), arrangements, next review. Audited. */
export async function bestInterests(ctx: UseCaseContext, personId: string): Promise<Result<BestInterests, Failure>> {
  const now = ctx.now();
  const today = dayOf(now);
  return transact(ctx.db, async (tx): Promise<Result<BestInterests, Failure>> => {
    const found = await findChild(tx, ctx.actor, personId, 'child.read');
    if (!found.ok) return found;
    const person = found.value;
    const [bias, bids, arrangements] = await Promise.all([
      biasOfPerson(tx, person.operation_id, person.id),
      bidsOfPerson(tx, person.operation_id, person.id),
      arrangementsOf(tx, person, today),
    ]);
    const latest = bids[0];
    const reader = { actor: ctx.actor, child: recordRef(person) };
    const determinations = presentBids(ctx.keyRing, bids, reader);
    if (!determinations.ok) return determinations;
    const assessments = presentBiasFor(ctx.keyRing, bias, reader);
    if (!assessments.ok) return assessments;
    await auditRead(tx, ctx, person, now);
    return ok({
      personId: person.id,
      assessments: assessments.value,
      determinations: determinations.value,
      arrangements: arrangements.items,
      currentArrangement: arrangements.current,
      nextReview: latest ? { dueDate: latest.review_due_on, reason: latest.review_due_reason as 'interval' | 'care_arrangement_change' } : null,
      suggestedUrgency: suggestedUrgencyFor(person),
    });
  });
}

/** A child's care-arrangement history with the current one and the next review. Audited. */
export async function listCareArrangements(ctx: UseCaseContext, personId: string): Promise<Result<CareArrangementList, Failure>> {
  const now = ctx.now();
  return transact(ctx.db, async (tx): Promise<Result<CareArrangementList, Failure>> => {
    const found = await findChild(tx, ctx.actor, personId, 'child.read');
    if (!found.ok) return found;
    const person = found.value;
    const arrangements = await arrangementsOf(tx, person, dayOf(now));
    const [latest] = await bidsOfPerson(tx, person.operation_id, person.id);
    await auditRead(tx, ctx, person, now);
    return ok({ ...arrangements, nextReview: latest ? { dueDate: latest.review_due_on, reason: latest.review_due_reason as 'interval' | 'care_arrangement_change' } : null });
  });
}
