import { dayOf, err, ok, openBestInterestsAssessment, type Result } from '@waymark/core';
import type { Bia, BiaCreate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { findCase } from '../../db/cases-repository';
import { childSettings, insertBia } from '../../db/children-repository';
import { transact } from '../../db/transaction';
import { invalid, type Failure } from '../../failure';
import { presentBia } from '../../presenters/children';
import type { UseCaseContext } from '../context';
import { refuseIfAnonymised } from '../persons/refuse-if-anonymised';
import { childFacts, findChild } from './child-subject';
import { suggestedUrgencyFor } from './suggest-urgency';

/**
 * Opens a BIA with the urgency a person chose; the rules' suggestion is stored beside it
 * (codes only) so a supervisor can see where someone decided otherwise. Adults refused.
 */
export async function openBia(ctx: UseCaseContext, personId: string, input: BiaCreate): Promise<Result<Bia, Failure>> {
  const now = ctx.now();
  return transact(ctx.db, async (tx): Promise<Result<Bia, Failure>> => {
    const found = await findChild(tx, ctx.actor, personId, 'child.assess');
    if (!found.ok) return found;
    const person = found.value;
    const live = refuseIfAnonymised(person);
    if (!live.ok) return live;
    if (input.identifiedAt > dayOf(now)) {
      return err(invalid([{ path: ['identifiedAt'], code: 'date_in_future', message: 'a child is identified on or before today' }]));
    }
    if (input.caseId !== undefined) {
      const held = await findCase(tx, ctx.actor, input.caseId);
      if (!held || held.person_id !== person.id) return err(invalid([{ path: ['caseId'], code: 'not_this_child', message: 'a case about this child' }]));
    }
    const settings = await childSettings(tx, person.operation_id);
    const opened = openBestInterestsAssessment(childFacts(person), {
      identifiedAt: input.identifiedAt,
      urgency: input.urgency,
      settings: { nonUrgentDays: settings.biaNonUrgentDays },
    });
    if (!opened.ok) return err(invalid(opened.error));
    const suggestion = suggestedUrgencyFor(person);
    const row = await insertBia(tx, {
      operation_id: person.operation_id,
      id: uuidv7(),
      person_id: person.id,
      case_id: input.caseId ?? null,
      urgency: opened.value.urgency,
      suggested_urgency: suggestion.urgency,
      suggested_because: suggestion.because,
      required: opened.value.required,
      identified_at: opened.value.identifiedAt,
      due_date: opened.value.dueDate,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: row.operation_id,
      action: 'child.bia_open',
      resourceType: 'person',
      resourceId: person.id,
      details: { biaId: row.id, urgency: row.urgency, suggestedUrgency: row.suggested_urgency },
      at: now,
    });
    return ok(presentBia(row));
  });
}
