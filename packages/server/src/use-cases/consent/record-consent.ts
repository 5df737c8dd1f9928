import { can, checkConsentDecision, err, ok, type Result } from '@waymark/core';
import type { Consent, ConsentCreate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { agencyExistsInOperation, insertConsent } from '../../db/consents-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentConsent } from '../../presenters/consent';
import type { UseCaseContext } from '../context';
import { personFor } from '../person-for';
import { consentSubject } from './consent-subject';
import { refuseIfAnonymised } from '../persons/refuse-if-anonymised';

/**
 * Appends one decision (grant, refusal, withdrawal) to the person's consent history. A
 * withdrawal is in force from this commit: any later action reads it.
 */
export async function recordConsent(ctx: UseCaseContext, personId: string, input: ConsentCreate): Promise<Result<Consent, Failure>> {
  if (!can(ctx.actor, 'consent.record')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    // Locked, so decisions about one person are recorded one after another.
    const found = await personFor(tx, ctx.actor, personId, 'consent.record', { forUpdate: true });
    if (!found.ok) return found;
    const person = found.value;
    const live = refuseIfAnonymised(person);
    if (!live.ok) return live;
    const effectiveAt = input.effectiveAt === undefined ? now : new Date(input.effectiveAt);
    const problems = checkConsentDecision({ ...input, effectiveAt }, { ...(await consentSubject(tx, person, now)), now });
    if (problems.length > 0) return err(invalid(problems));
    if (input.recipientAgencyId !== undefined && !(await agencyExistsInOperation(tx, person.operation_id, input.recipientAgencyId))) {
      return err(invalid([{ path: ['recipientAgencyId'], code: 'unknown_agency', message: 'no such agency in this operation' }]));
    }
    const row = await insertConsent(tx, {
      operation_id: person.operation_id,
      id: uuidv7(),
      person_id: person.id,
      purpose: input.purpose,
      recipient_agency_id: input.recipientAgencyId ?? null,
      decision: input.decision,
      method: input.method,
      given_by: input.givenBy,
      carer_relationship: input.carerRelationship ?? null,
      child_assent: input.childAssent ?? 'not_applicable',
      assent_method: input.assentMethod ?? null,
      effective_at: effectiveAt,
      recorded_at: now,
      recorded_by: ctx.actor.userId,
    });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: person.operation_id,
      action: input.decision === 'withdrawn' ? 'consent.withdraw' : 'consent.record',
      resourceType: 'person',
      resourceId: person.id,
      details: {
        consentId: row.id,
        purpose: row.purpose,
        decision: row.decision,
        recipientAgencyId: row.recipient_agency_id,
        method: row.method,
        givenBy: row.given_by,
      },
      at: now,
    });
    return ok(presentConsent(row));
  });
}
