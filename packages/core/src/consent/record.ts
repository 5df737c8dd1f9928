import type { ConsentRequirement } from './requirement';
import type { CarerRelationship, ChildAssent, ConsentDecision, ConsentGiver, ConsentMethod, ConsentPurpose } from './vocabulary';

/** One recorded decision, as the rules read it (no names, no note). */
export interface ConsentRecord {
  id: string;
  purpose: ConsentPurpose;
  /** The receiving agency of a referral; null for every other purpose. */
  recipientAgencyId: string | null;
  decision: ConsentDecision;
  method: ConsentMethod;
  givenBy: ConsentGiver;
  carerRelationship: CarerRelationship | null;
  childAssent: ChildAssent;
  /** How the child assented; null unless childAssent is 'yes'. */
  assentMethod: ConsentMethod | null;
  /** When the person decided (may be earlier than recorded, never later). */
  effectiveAt: Date;
  /** When Waymark learned of it: nothing acts on a decision before it is recorded. */
  recordedAt: Date;
}

/** Why a grant does not meet the rules for the person's age (now). */
export const INSUFFICIENCY_REASONS = [
  'own_consent_required',
  'carer_consent_required',
  'carer_relationship_required',
  'child_assent_required',
  'child_declined',
  'written_assent_required',
] as const;
export type InsufficiencyReason = (typeof INSUFFICIENCY_REASONS)[number];

/** Which of the grant's fields fall short of the requirement, with the field each names. */
export function shortfalls(
  grant: Pick<ConsentRecord, 'givenBy' | 'carerRelationship' | 'childAssent' | 'assentMethod'>,
  requirement: ConsentRequirement,
): Array<{ reason: InsufficiencyReason; field: 'givenBy' | 'carerRelationship' | 'childAssent' | 'assentMethod' }> {
  const found: Array<{ reason: InsufficiencyReason; field: 'givenBy' | 'carerRelationship' | 'childAssent' | 'assentMethod' }> = [];
  if (requirement.giver === 'self') {
    if (grant.givenBy !== 'self') found.push({ reason: 'own_consent_required', field: 'givenBy' });
    return found;
  }
  if (grant.givenBy !== 'carer') found.push({ reason: 'carer_consent_required', field: 'givenBy' });
  else if (grant.carerRelationship === null) found.push({ reason: 'carer_relationship_required', field: 'carerRelationship' });
  if (requirement.assent === 'none') return found;
  if (grant.childAssent === 'no') found.push({ reason: 'child_declined', field: 'childAssent' });
  else if (grant.childAssent !== 'yes') found.push({ reason: 'child_assent_required', field: 'childAssent' });
  else if (requirement.assent === 'written' && grant.assentMethod !== 'written') found.push({ reason: 'written_assent_required', field: 'assentMethod' });
  return found;
}
