import { addDays, can, checkDueDate, chooseProposedActions, dayOf, err, findInstrument, ok, screeningProposesCase, topicOfRecommendedAction, type CasePriority, type Result } from '@waymark/core';
import type { CaseCreate, CaseDetail } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { sealTaskWords } from '../../crypto/case-work-sealing';
import type { KeyRing } from '../../crypto/key-ring';
import { writeAudit } from '../../db/audit';
import { findScreening, insertCase, insertCaseTasks, type NewCaseTaskRow } from '../../db/cases-repository';
import { findHouseholdInScope } from '../../db/households-repository';
import { findPerson } from '../../db/persons-repository';
import type { HouseholdRow, PersonRow, ScreeningRow } from '../../db/schema';
import { transact, type Tx } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentScreening } from '../../presenters/screening';
import type { UseCaseContext } from '../context';
import { auditConsentRefusal, isConsentRefusal, requireConsent } from '../consent/require-consent';
import { refuseIfAnonymised } from '../persons/refuse-if-anonymised';
import { recordRef } from '../record-ref';
import { caseDetail } from './case-detail';
import { dueBeforeOpened } from './case-state';
import { checkTaskOwner } from './task-owner';

/** How many days a recommended action's urgency leaves, for the pre-filled task's due date. */
const URGENCY_DAYS: Record<string, number> = { immediate: 0, within_2_days: 2, within_1_week: 7, within_30_days: 30 };

interface Subject {
  person: PersonRow | null;
  household: HouseholdRow | null;
  screening: ScreeningRow | null;
}

/**
 * The screening's recommended actions as this actor may see them: recomputed from the
 * outcome the way the screening page shows it, so an action that stems from a highly
 * sensitive section the opener is not cleared for is not copied onto the case.
 */
function recommendedActionsOf(screening: ScreeningRow, ctx: UseCaseContext, person: PersonRow, keyRing: KeyRing | undefined) {
  return presentScreening(screening, { actor: ctx.actor, person: recordRef(person) }, keyRing).recommendedActions;
}

async function findSubject(tx: Tx, ctx: UseCaseContext, input: CaseCreate): Promise<Result<Subject, Failure>> {
  if (input.fromScreeningId !== undefined) {
    const screening = await findScreening(tx, ctx.actor.operationIds, input.fromScreeningId);
    // A screening of someone outside the actor's scope is as unknown as no screening.
    const person = screening ? await findPerson(tx, ctx.actor, screening.person_id) : undefined;
    if (!screening || !person || person.operation_id !== screening.operation_id) return err(failure('not_found'));
    if (!screeningProposesCase(screening.risk_level)) {
      return err(failure('validation_failed', undefined, [{ path: '/fromScreeningId', code: 'risk_below_high', message: 'only a high or critical screening proposes a case' }]));
    }
    return ok({ person, household: null, screening });
  }
  if (input.personId !== undefined) {
    const person = await findPerson(tx, ctx.actor, input.personId);
    return person ? ok({ person, household: null, screening: null }) : err(failure('not_found'));
  }
  const household = input.householdId === undefined ? undefined : await findHouseholdInScope(tx, ctx.actor, input.householdId);
  return household ? ok({ person: null, household, screening: null }) : err(failure('not_found'));
}

/**
 * Opens a case by hand for a person or a household, or from a high or critical screening
 * with its recommended actions as the first tasks. The case is held where its subject is
 * held (agency, team, worker), so whoever reaches the person reaches the case.
 */
export async function openCase(ctx: UseCaseContext, keyRing: KeyRing | undefined, input: CaseCreate): Promise<Result<CaseDetail, Failure>> {
  if (!can(ctx.actor, 'case.create')) return err(failure('forbidden'));
  const now = ctx.now();
  const today = dayOf(now);
  const result = await transact(ctx.db, async (tx): Promise<Result<CaseDetail, Failure>> => {
    const found = await findSubject(tx, ctx, input);
    if (!found.ok) return found;
    const { person, household, screening } = found.value;
    const holder = (person ?? household)!;
    if (!can(ctx.actor, 'case.create', recordRef(holder))) return err(failure('forbidden'));
    if (person) {
      const live = refuseIfAnonymised(person);
      if (!live.ok) return live;
      // Case management is the purpose the person consented to (or not): the same check as screening.
      const consent = await requireConsent(tx, ctx, person, 'case_management');
      if (!consent.ok) return consent;
    }
    const id = uuidv7();
    const tasks: NewCaseTaskRow[] = [];
    for (const [index, task] of (input.tasks ?? []).entries()) {
      const due = checkDueDate(today, task.dueDate ?? null);
      if (!due.ok) return err(dueBeforeOpened(`/tasks/${index}/dueDate`));
      const owner = await checkTaskOwner(tx, task.ownerUserId === undefined ? holder.assigned_user_id : task.ownerUserId, holder, `/tasks/${index}/ownerUserId`);
      if (!owner.ok) return owner;
      tasks.push({ operation_id: holder.operation_id, id: uuidv7(), case_id: id, kind: task.kind, title: task.title, owner_user_id: owner.value, due_date: due.value, created_by: ctx.actor.userId, updated_by: ctx.actor.userId });
    }
    const instrument = screening ? findInstrument(screening.instrument_id, screening.instrument_version) : undefined;
    // Only what the worker chose among what the screening proposes to them (withheld sections propose nothing).
    const chosen = chooseProposedActions(screening && person ? recommendedActionsOf(screening, ctx, person, keyRing) : [], input.actionIds);
    if (!chosen.ok) return err(invalid(chosen.error));
    for (const action of chosen.value) {
      const title = action.label['en'] ?? Object.values(action.label)[0] ?? action.id;
      // The title says what a highly sensitive section answered: it keeps that section's topic.
      // An instrument no longer shipped cannot say: the task is held under the SGBV topic, the most closely read (fails safe).
      const topic = instrument ? topicOfRecommendedAction(instrument, action) : 'sgbv';
      const place = { operation_id: holder.operation_id, id: uuidv7(), case_id: id };
      // Such a title is sealed at rest like the answer it repeats, with the action's id.
      const ring = keyRing ?? ctx.keyRing;
      if (topic !== null && !ring) return err(failure('encryption_unavailable', 'this server has no encryption key ring'));
      const words = { title: title.slice(0, 500), createdFrom: action.id };
      tasks.push({
        ...place,
        kind: 'action',
        title: topic !== null && ring ? sealTaskWords(ring, place, words) : words.title,
        owner_user_id: holder.assigned_user_id,
        due_date: addDays(today, URGENCY_DAYS[action.urgency] ?? 30),
        created_from: topic !== null ? null : action.id,
        topic,
        created_by: ctx.actor.userId,
        updated_by: ctx.actor.userId,
      });
    }
    const priority: CasePriority = input.priority ?? (screening ? (screening.risk_level as CasePriority) : 'medium');
    const row = await insertCase(tx, {
      operation_id: holder.operation_id,
      id,
      person_id: person?.id ?? null,
      household_id: household?.id ?? null,
      agency_id: holder.agency_id,
      team_id: holder.team_id,
      assigned_user_id: holder.assigned_user_id,
      priority,
      opened_from_screening_id: screening?.id ?? null,
      opened_at: now,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
    });
    await insertCaseTasks(tx, tasks);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: row.operation_id,
      action: 'case.create',
      resourceType: 'case',
      resourceId: row.id,
      details: { personId: row.person_id, householdId: row.household_id, screeningId: row.opened_from_screening_id, priority, tasks: tasks.length },
      at: now,
    });
    return ok(await caseDetail(tx, row, today, ctx.actor, keyRing ?? ctx.keyRing));
  });
  if (!result.ok && isConsentRefusal(result.error)) await auditConsentRefusal(ctx, result.error, 'case.create');
  return result;
}
