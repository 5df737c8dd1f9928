import { addDays, ageInYears, assessTrafficking, can, dayOf, err, ok, type Result, type TraffickingAssessment, type TraffickingRequiredAction } from '@waymark/core';
import type { TraffickingAssessmentCreate, TraffickingAssessmentRecord } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { sealAssessment } from '../../crypto/case-work-sealing';
import { writeAudit } from '../../db/audit';
import { insertCaseTasks, type NewCaseTaskRow } from '../../db/cases-repository';
import { findPerson } from '../../db/persons-repository';
import type { CaseRow } from '../../db/schema';
import { transact } from '../../db/transaction';
import { insertEvidenceCitations, insertTraffickingAssessment } from '../../db/trafficking-repository';
import { toPointer } from '@waymark/contracts';
import { checkCitedNotes, fileInlineEvidence, indicatorsForCore } from './cite-evidence';
import { failure, invalid, type Failure } from '../../failure';
import { presentTraffickingAssessment } from '../../presenters/trafficking';
import { requireKeyRing } from '../protection-notes/note-sealing';
import type { UseCaseContext } from '../context';
import { refuseIfAnonymised } from '../persons/refuse-if-anonymised';
import { recordRef } from '../record-ref';
import { caseFor } from '../case-for';

/** Days an action's urgency leaves (as for a screening's recommended actions on a new case). */
const URGENCY_DAYS: Record<string, number> = { immediate: 0, within_2_days: 2, within_1_week: 7, within_30_days: 30 };

/** A presumed victim's required actions as case tasks, owned by the case's worker. */
function tasksFor(actions: readonly TraffickingRequiredAction[], current: CaseRow, assessmentId: string, today: string, userId: string): NewCaseTaskRow[] {
  return actions.map((action) => ({
    operation_id: current.operation_id,
    id: uuidv7(),
    case_id: current.id,
    kind: action.kind === 'referral_offer' ? 'referral' : 'action',
    title: action.label.en.slice(0, 500),
    owner_user_id: current.assigned_user_id,
    due_date: addDays(today, URGENCY_DAYS[action.urgency] ?? 30),
    // Traceable to the assessment that raised it; the referral itself still waits for consent.
    created_from: `trafficking:${assessmentId}:${action.kind}`,
    created_by: userId,
    updated_by: userId,
  }));
}

/** The stored findings: the result without the actions (those became tasks). */
function findingsOf(result: TraffickingAssessment): Omit<TraffickingAssessment, 'requiredActions'> {
  const { requiredActions: _actions, ...findings } = result;
  return findings;
}

/**
 * Records a trafficking assessment on a case about a person: core/trafficking judges it with
 * today and the person's age from their record. Problems → 400 with JSON Pointer paths and
 * nothing written. A presumed victim gets, in the same transaction, an immediate-protection
 * task due today and a referral offer to an anti-trafficking partner on the case.
 */
export async function assessTraffickingOnCase(
  ctx: UseCaseContext,
  caseId: string,
  input: TraffickingAssessmentCreate,
): Promise<Result<TraffickingAssessmentRecord, Failure>> {
  if (!can(ctx.actor, 'trafficking.assess')) return err(failure('forbidden'));
  // Input and findings are sealed at rest: without a key ring nothing is written (503).
  const ring = requireKeyRing(ctx.keyRing);
  if (!ring.ok) return ring;
  const now = ctx.now();
  const today = dayOf(now);
  return transact(ctx.db, async (tx): Promise<Result<TraffickingAssessmentRecord, Failure>> => {
    const found = await caseFor(tx, ctx.actor, caseId, 'trafficking.assess', { forUpdate: true });
    if (!found.ok) return found;
    const current = found.value;
    if (current.status === 'closed') return err(failure('illegal_transition', 'a closed case is reopened before new work is added'));
    if (current.person_id === null) {
      return err(failure('validation_failed', undefined, [{ path: '', code: 'person_case_required', message: 'a trafficking assessment is about one person: open a case for them' }]));
    }
    const person = await findPerson(tx, ctx.actor, current.person_id);
    if (!person) return err(failure('not_found'));
    const live = refuseIfAnonymised(person);
    if (!live.ok) return live;
    const age = ageInYears({ dateOfBirth: person.date_of_birth, birthYear: person.birth_year }, now);
    const judge = (iloIndicators: Array<{ code: string; evidenceNoteId: string }>) =>
      assessTrafficking({ ...input, iloIndicators }, { today, ageAtAssessment: age, dateOfBirth: person.date_of_birth });
    // Judged once before anything is written, so core's problems and the citations' come back together.
    const first = judge(indicatorsForCore(input.iloIndicators));
    const refused = first.ok ? [] : first.error;
    const citations = await checkCitedNotes(tx, ctx, person, input.iloIndicators, new Set(refused.map((problem) => toPointer(problem.path))));
    if (refused.length > 0 || citations.length > 0) return err(invalid([...refused, ...citations]));
    const cited = await fileInlineEvidence(tx, ctx, ring.value, person, input.iloIndicators);
    const assessed = judge(cited);
    if (!assessed.ok) return err(invalid(assessed.error));
    const result = assessed.value;
    const coreInput = { ...input, iloIndicators: cited };
    const id = uuidv7();
    const place = { operation_id: current.operation_id, id, case_id: current.id, person_id: person.id };
    const findings = findingsOf(result);
    const row = await insertTraffickingAssessment(tx, {
      ...place,
      input: null,
      findings: null,
      // The input as core judged it: inline evidence is now a note, cited by id like the rest.
      sealed: sealAssessment(ring.value, place, { input: coreInput, findings }),
      outcome: result.outcome,
      reason_keys: result.reasons.map((reason) => reason.key),
      age_at_assessment: age,
      assessed_on: today,
      assessed_by: ctx.actor.userId,
      assessed_at: now,
    });
    await insertEvidenceCitations(tx, [...new Set(cited.map((indicator) => indicator.evidenceNoteId))].map((noteId) => ({ operation_id: current.operation_id, assessment_id: id, note_id: noteId, case_id: current.id })));
    const tasks = await insertCaseTasks(tx, result.outcome === 'presumed_victim' ? tasksFor(result.requiredActions, current, id, today, ctx.actor.userId) : []);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: current.operation_id,
      action: 'trafficking.assess',
      resourceType: 'case',
      resourceId: current.id,
      details: { assessmentId: id, outcome: result.outcome, childRule: result.age.childRuleApplies, tasks: tasks.length },
      at: now,
    });
    return ok(presentTraffickingAssessment(row, { actor: ctx.actor, record: recordRef(current) }, findings));
  });
}
