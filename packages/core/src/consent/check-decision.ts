import { shortfalls } from './record';
import { consentRequirement, type ConsentAgeSettings } from './requirement';
import {
  PURPOSES_NAMING_RECIPIENT,
  type CarerRelationship,
  type ChildAssent,
  type ConsentDecision,
  type ConsentGiver,
  type ConsentMethod,
  type ConsentPurpose,
} from './vocabulary';

export interface ConsentDecisionInput {
  purpose: ConsentPurpose;
  recipientAgencyId?: string;
  decision: ConsentDecision;
  method: ConsentMethod;
  givenBy: ConsentGiver;
  carerRelationship?: CarerRelationship;
  childAssent?: ChildAssent;
  assentMethod?: ConsentMethod;
  effectiveAt?: Date;
}

export interface ConsentInputProblem {
  path: string[];
  code: string;
  message: string;
}

const MESSAGES: Record<string, string> = {
  own_consent_required: 'at this age the person gives their own consent',
  carer_consent_required: 'a child’s consent is given by a carer on their behalf',
  carer_relationship_required: 'say how the carer is related to the child',
  child_assent_required: 'record whether the child assents',
  written_assent_required: 'at this age the child’s assent is written',
};

/**
 * Is this decision well formed for this person now? A grant must meet the rules for the
 * person's age; a refusal or withdrawal is honoured whoever voices it (the child included),
 * so it only has to say who that was. `child_declined` is not a problem here: a child's
 * "no" is recorded truthfully, and evaluateConsent then finds the grant insufficient.
 */
export function checkConsentDecision(
  input: ConsentDecisionInput,
  context: { age: number | null; settings: ConsentAgeSettings; now: Date },
): ConsentInputProblem[] {
  const problems: ConsentInputProblem[] = [];
  const add = (field: string, code: string, message: string) => problems.push({ path: [field], code, message });
  if (PURPOSES_NAMING_RECIPIENT.has(input.purpose)) {
    if (input.recipientAgencyId === undefined) add('recipientAgencyId', 'required', 'a referral consent names the receiving agency');
  } else if (input.recipientAgencyId !== undefined) {
    add('recipientAgencyId', 'not_allowed', 'only a referral consent names a receiving agency');
  }
  if (input.givenBy === 'carer' && input.carerRelationship === undefined) add('carerRelationship', 'required', MESSAGES.carer_relationship_required!);
  if (input.givenBy === 'self' && input.carerRelationship !== undefined) add('carerRelationship', 'not_allowed', 'only a carer has a relationship to record');
  if (input.childAssent === 'yes' && input.assentMethod === undefined) add('assentMethod', 'required', 'say how the child assented');
  if (input.childAssent !== 'yes' && input.assentMethod !== undefined) add('assentMethod', 'not_allowed', 'an assent method needs childAssent "yes"');
  if (input.effectiveAt !== undefined && input.effectiveAt.getTime() > context.now.getTime()) add('effectiveAt', 'in_future', 'a decision cannot take effect in the future');
  if (input.decision === 'given' && problems.length === 0) {
    const grant = {
      givenBy: input.givenBy,
      carerRelationship: input.carerRelationship ?? null,
      childAssent: input.childAssent ?? 'not_applicable',
      assentMethod: input.assentMethod ?? null,
    };
    for (const short of shortfalls(grant, consentRequirement(context.age, context.settings))) {
      if (short.reason !== 'child_declined') add(short.field, short.reason, MESSAGES[short.reason]!);
    }
  }
  return problems;
}
