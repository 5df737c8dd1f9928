import { can, consentRequirement, CONSENT_PURPOSES, err, evaluateConsent, ok, PURPOSES_NAMING_RECIPIENT, type Result } from '@waymark/core';
import type { ConsentOverview, ConsentStanding } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { listConsentsOfPerson } from '../../db/consents-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { consentRecordOf, presentConsent } from '../../presenters/consent';
import type { UseCaseContext } from '../context';
import { personFor } from '../person-for';
import { consentSubject } from './consent-subject';

/** What the person has agreed to now, per purpose (per recipient for referrals), and the full history. */
export async function getConsents(ctx: UseCaseContext, personId: string): Promise<Result<ConsentOverview, Failure>> {
  if (!can(ctx.actor, 'consent.read')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const found = await personFor(tx, ctx.actor, personId, 'consent.read');
    if (!found.ok) return found;
    const person = found.value;
    const rows = await listConsentsOfPerson(tx, person.operation_id, person.id);
    const records = rows.map(consentRecordOf);
    const subject = await consentSubject(tx, person, now);
    const standing = (purpose: ConsentStanding['purpose'], recipientAgencyId: string | null): ConsentStanding => {
      const evaluation = evaluateConsent(records, purpose, { recipientAgencyId, ...subject }, now);
      return { purpose, recipientAgencyId, status: evaluation.status, reasons: evaluation.reasons, consentId: evaluation.current?.id ?? null };
    };
    const current: ConsentStanding[] = [];
    for (const purpose of CONSENT_PURPOSES) {
      if (!PURPOSES_NAMING_RECIPIENT.has(purpose)) {
        current.push(standing(purpose, null));
        continue;
      }
      const recipients = [...new Set(records.filter((r) => r.purpose === purpose).map((r) => r.recipientAgencyId))];
      for (const recipient of recipients) if (recipient !== null) current.push(standing(purpose, recipient));
    }
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: person.operation_id,
      action: 'consent.read',
      resourceType: 'person',
      resourceId: person.id,
      details: { decisions: rows.length },
      at: now,
    });
    return ok({ personId: person.id, requirement: consentRequirement(subject.age, subject.settings), current, history: rows.map(presentConsent) });
  });
}
