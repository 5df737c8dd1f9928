import { can, err, mayWorkProgramme, ok, type Result } from '@waymark/core';
import type { Enrolment, EnrolmentCreate } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findPersonForUpdate } from '../../db/persons-repository';
import { countEnrolled, insertEnrolment, lockProgramme } from '../../db/programmes-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { ageOf } from '../../presenters/programmes';
import { auditConsentRefusal, isConsentRefusal, requireConsent } from '../consent/require-consent';
import type { UseCaseContext } from '../context';
import { refuseIfAnonymised } from '../persons/refuse-if-anonymised';
import { recordRef } from '../record-ref';
import { NOT_YOUR_PROGRAMME, operationsFor } from './programme-operations';

/**
 * Enrols a person in a programme run by my agency, in my scope (403 otherwise): the person in my scope, with their consent to programme
 * enrolment in force (409 consent_required otherwise, unless an override with a reason by
 * someone allowed to), the programme active and not full. Enrolling twice is not an error
 * and does not count twice.
 */
export async function enrolPerson(ctx: UseCaseContext, programmeId: string, input: EnrolmentCreate): Promise<Result<Enrolment, Failure>> {
  const operations = operationsFor(ctx, 'programme.enrol');
  if (!operations.ok) return operations;
  const now = ctx.now();
  const result = await transact(ctx.db, async (tx): Promise<Result<Enrolment, Failure>> => {
    const programme = await lockProgramme(tx, operations.value, programmeId);
    if (!programme) return err(failure('not_found'));
    if (!mayWorkProgramme(ctx.actor, recordRef(programme))) return err(failure('forbidden', NOT_YOUR_PROGRAMME));
    const person = await findPersonForUpdate(tx, ctx.actor, input.personId);
    if (!person || person.operation_id !== programme.operation_id) return err(failure('not_found'));
    if (!can(ctx.actor, 'programme.enrol', recordRef(person))) return err(failure('forbidden'));
    const live = refuseIfAnonymised(person);
    if (!live.ok) return live;
    if (programme.status !== 'active') return err(failure('illegal_transition', 'the programme is closed'));
    const consent = await requireConsent(tx, ctx, person, 'programme_enrolment', input.consentOverride ? { override: input.consentOverride } : {});
    if (!consent.ok) return consent;
    const created = await insertEnrolment(tx, {
      operation_id: programme.operation_id,
      programme_id: programme.id,
      person_id: person.id,
      enrolled_at: now,
      enrolled_by: ctx.actor.userId,
      consent_overridden: consent.value.overridden,
    });
    if (created && (await countEnrolled(tx, programme)) > programme.capacity) return err(failure('capacity_reached', `the programme takes ${programme.capacity} people`));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: programme.operation_id,
      action: 'programme.enrol',
      resourceType: 'person',
      resourceId: person.id,
      details: { programmeId: programme.id, created, consentOverridden: consent.value.overridden },
      at: now,
    });
    return ok({
      programmeId: programme.id,
      personId: person.id,
      givenName: person.given_name,
      familyName: person.family_name,
      sex: person.sex,
      age: ageOf(person, now),
      riskLevel: person.risk_level,
      enrolledAt: now.toISOString(),
      sessionsAttended: 0,
    });
  });
  if (!result.ok && isConsentRefusal(result.error)) await auditConsentRefusal(ctx, result.error, 'programme.enrol');
  return result;
}
