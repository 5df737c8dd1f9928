import { can, compactOutcome, err, findInstrument, ok, scoreScreening, subjectFromRegistration, type Result } from '@waymark/core';
import type { Screening, ScreeningRequest } from '@waymark/contracts';
import type { KeyRing } from '../../crypto/key-ring';
import { sealScreeningAnswers } from '../../crypto/screening-answers';
import { sealerFor } from '../../crypto/seal';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { listHouseholdMembers } from '../../db/persons-repository';
import { recordScreenings } from '../../db/screenings-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentScreening } from '../../presenters/screening';
import { auditConsentRefusal, isConsentRefusal, requireConsent } from '../consent/require-consent';
import type { UseCaseContext } from '../context';
import { personFor } from '../person-for';
import { recordRef } from '../record-ref';
import { householdOf, registrationOf } from './registration-of';
import { refuseIfAnonymised } from '../persons/refuse-if-anonymised';

/**
 * Scores answers with the named instrument version (the latest when none is named) and
 * appends the screening, with its full explanation, to the person's history. Answers to
 * highly sensitive items, and the signals naming them, are sealed with the key ring; a
 * server without one refuses such a screening (503) rather than store them in clear.
 */
export async function screenPerson(ctx: UseCaseContext, keyRing: KeyRing | undefined, personId: string, input: ScreeningRequest): Promise<Result<Screening, Failure>> {
  if (!can(ctx.actor, 'screening.create')) return err(failure('forbidden'));
  const instrument = findInstrument(input.instrument, input.instrumentVersion);
  if (!instrument) {
    const known = findInstrument(input.instrument) !== undefined;
    return err(
      known
        ? failure('unknown_instrument_version', undefined, [{ path: '/instrumentVersion', code: 'unknown_instrument_version', message: 'no such version of this instrument' }])
        : failure('unknown_instrument', undefined, [{ path: '/instrument', code: 'unknown_instrument', message: 'no such instrument' }]),
    );
  }
  const now = ctx.now();
  const result = await transact(ctx.db, async (tx): Promise<Result<Screening, Failure>> => {
    // Locking the person serialises two screenings of the same person, so "current level" is the newest.
    const found = await personFor(tx, ctx.actor, personId, 'screening.create', { forUpdate: true });
    if (!found.ok) return found;
    const person = found.value;
    const live = refuseIfAnonymised(person);
    if (!live.ok) return live;
    // Screening gathers information: it needs the person's case-management consent.
    const consent = await requireConsent(tx, ctx, person, 'case_management', input.consentOverride ? { override: input.consentOverride } : {});
    if (!consent.ok) return consent;
    const members = person.household_id ? await listHouseholdMembers(tx, person.operation_id, person.household_id) : [];
    const subject = subjectFromRegistration(registrationOf(person), person.household_id ? householdOf(members, now) : null, now);
    const scored = scoreScreening(instrument, input.responses, subject);
    if (!scored.ok) return err(invalid(scored.error));
    const id = uuidv7();
    const stored = sealScreeningAnswers(
      keyRing ? sealerFor(keyRing) : undefined,
      instrument,
      { operation_id: person.operation_id, id, person_id: person.id },
      input.responses,
      compactOutcome(scored.value),
    );
    if (!stored.ok) return err(failure('encryption_unavailable', 'this server has no encryption key ring'));
    const [row] = await recordScreenings(tx, [
      {
        operation_id: person.operation_id,
        id,
        person_id: person.id,
        instrument_id: instrument.id,
        instrument_version: instrument.version,
        rule_version: instrument.ruleVersion,
        // Never null here: an original screening's clear answers are always an object.
        responses: stored.value.responses ?? {},
        outcome: stored.value.outcome,
        sealed_answers: stored.value.sealed_answers,
        risk_level: scored.value.riskLevel,
        rescored_from: null,
        screened_by: ctx.actor.userId,
        screened_at: now,
      },
    ]);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: person.operation_id,
      action: 'screening.create',
      resourceType: 'person',
      resourceId: person.id,
      details: { screeningId: row!.id, instrument: instrument.id, instrumentVersion: instrument.version },
    });
    return ok(presentScreening(row!, { actor: ctx.actor, person: recordRef(person) }, keyRing));
  });
  if (!result.ok && isConsentRefusal(result.error)) await auditConsentRefusal(ctx, result.error, 'screening.create');
  return result;
}
