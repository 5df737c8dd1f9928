import { can, evaluateConsent, err, ok, type ConsentPurpose, type ConsentStatus, type Result } from '@waymark/core';
import type { ConsentOverride } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { listConsentsForPurpose } from '../../db/consents-repository';
import type { PersonRow } from '../../db/schema';
import type { Tx } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { consentRecordOf } from '../../presenters/consent';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';
import { consentSubject } from './consent-subject';

export const OVERRIDE_REASON_MIN_CHARS = 10;

export interface ConsentClearance {
  /** True when the action goes ahead on an override rather than on consent. */
  overridden: boolean;
  /** The grant relied on (null when going ahead on an override). */
  consentId: string | null;
}

/** A refusal, with what the caller audits once its transaction has rolled back. */
export interface ConsentRefusal extends Failure {
  code: 'consent_required';
  refusal: { operationId: string; personId: string; purpose: ConsentPurpose; status: ConsentStatus; overrideAttempted: boolean };
}

export function isConsentRefusal(value: Failure): value is ConsentRefusal {
  return value.code === 'consent_required' && 'refusal' in value;
}

/**
 * The one check every path that needs consent makes, inside its own transaction (so a
 * withdrawal committed before it is seen). Consent in force: go ahead. Otherwise only an
 * override with a written reason by an actor holding consent.override on this record,
 * audited here with its reason in the same transaction as the action. Anything else is
 * `consent_required` (409: the record's state forbids the action, not the actor's role).
 */
export async function requireConsent(
  tx: Tx,
  ctx: UseCaseContext,
  person: PersonRow,
  purpose: ConsentPurpose,
  options: { recipientAgencyId?: string; override?: ConsentOverride } = {},
): Promise<Result<ConsentClearance, ConsentRefusal>> {
  const now = ctx.now();
  const records = (await listConsentsForPurpose(tx, person.operation_id, person.id, purpose)).map(consentRecordOf);
  const evaluation = evaluateConsent(records, purpose, { recipientAgencyId: options.recipientAgencyId ?? null, ...(await consentSubject(tx, person, now)) }, now);
  if (evaluation.status === 'given') return ok({ overridden: false, consentId: evaluation.current?.id ?? null });
  const reason = options.override?.reason.trim();
  const mayOverride = can(ctx.actor, 'consent.override', recordRef(person));
  if (reason !== undefined && reason.length >= OVERRIDE_REASON_MIN_CHARS && mayOverride) {
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: person.operation_id,
      action: 'consent.override',
      resourceType: 'person',
      resourceId: person.id,
      details: { purpose, status: evaluation.status, recipientAgencyId: options.recipientAgencyId ?? null, consentId: evaluation.current?.id ?? null },
      reason,
      at: now,
    });
    return ok({ overridden: true, consentId: null });
  }
  const refusal: ConsentRefusal = {
    ...failure(
      'consent_required',
      `no consent in force for ${purpose} (${evaluation.status})`,
      [{ path: '/consentOverride', code: evaluation.status, message: `consent for ${purpose} is ${evaluation.status}${reason !== undefined && !mayOverride ? '; this role may not override it' : ''}` }],
    ),
    code: 'consent_required',
    purpose,
    refusal: { operationId: person.operation_id, personId: person.id, purpose, status: evaluation.status, overrideAttempted: reason !== undefined },
  };
  return err(refusal);
}

/**
 * The action rolled back, and its audit rows with it: record the refusal on its own, with
 * outcome 'refused', so that every refusal is in the trail (ids and codes only).
 */
export async function auditConsentRefusal(ctx: UseCaseContext, refusal: ConsentRefusal, action: string): Promise<void> {
  await ctx.db.transaction().execute(async (tx) => {
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: refusal.refusal.operationId,
      action,
      resourceType: 'person',
      resourceId: refusal.refusal.personId,
      details: { purpose: refusal.refusal.purpose, consentStatus: refusal.refusal.status, overrideAttempted: refusal.refusal.overrideAttempted },
      outcome: 'refused',
      at: ctx.now(),
    });
  });
}
