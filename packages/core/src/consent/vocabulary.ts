/**
 * What a person can consent to (domain.md §8: before information is gathered, before each
 * referral, before any sharing; tracing of family members is a purpose of its own).
 */
// Enrolment in a prevention programme (issue 5) shares the person's details with the
// programme's staff: a purpose of its own.
export const CONSENT_PURPOSES = ['case_management', 'referral', 'deidentified_sharing', 'tracing', 'programme_enrolment'] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** A referral consent names the agency that will receive the person's information. */
export const PURPOSES_NAMING_RECIPIENT: ReadonlySet<ConsentPurpose> = new Set<ConsentPurpose>(['referral']);

/** How it was taken. domain.md names written and oral only; a thumbprint is a written form. */
export const CONSENT_METHODS = ['written', 'oral'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Each record is one decision; the history is never rewritten. */
export const CONSENT_DECISIONS = ['given', 'refused', 'withdrawn'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

export const CONSENT_GIVERS = ['self', 'carer'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

/**
 * Who decided on a child's behalf: the relationship, never a name (minimisation). A trusted
 * adult or the caseworker decides where the caregiver is inappropriate (domain.md §8).
 */
export const CARER_RELATIONSHIPS = ['parent', 'legal_guardian', 'caregiver', 'trusted_adult', 'caseworker_best_interests'] as const;
export type CarerRelationship = (typeof CARER_RELATIONSHIPS)[number];

export const CHILD_ASSENTS = ['yes', 'no', 'not_applicable'] as const;
export type ChildAssent = (typeof CHILD_ASSENTS)[number];
