// Closed vocabularies used by registration. Kept as readonly tuples so the same list
// feeds TypeScript types, zod enums (contracts), SQL CHECK constraints and UI pickers.

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/**
 * Where people live: UNHCR's accommodation types and the CCCM cluster's (planned camp,
 * self-settled or informal settlement, collective centre, reception or transit centre,
 * host family, individual accommodation in a town or in the countryside), with planned
 * settlements and detention. Migration 0050 holds the same list.
 */
export const SETTINGS = ['camp', 'informal_settlement', 'collective_centre', 'transit', 'host_family', 'urban', 'rural', 'settlement', 'detention'] as const;
export type Setting = (typeof SETTINGS)[number];

export const LEGAL_STATUSES = [
  'registered_refugee',
  'asylum_seeker',
  'unregistered',
  'stateless',
  'irregular_migrant',
  'detained',
  'other',
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export const DOCUMENT_TYPES = [
  'refugee_certificate',
  'asylum_seeker_certificate',
  'national_id',
  'passport',
  'birth_certificate',
  'residence_permit',
  'work_permit',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const CARE_SITUATIONS = [
  'with_parents',
  'separated',
  'unaccompanied',
  'child_headed_household',
  'foster_kinship_carer',
] as const;
export type CareSituation = (typeof CARE_SITUATIONS)[number];

export const RELATIONSHIPS_TO_HEAD = [
  'head',
  'spouse',
  'child',
  'parent',
  'sibling',
  'grandchild',
  'grandparent',
  'other_relative',
  'non_relative',
] as const;
export type RelationshipToHead = (typeof RELATIONSHIPS_TO_HEAD)[number];

/** UNHCR statistical age brackets used for filters and disaggregation. */
export const AGE_BRACKETS = ['0-4', '5-11', '12-17', '18-59', '60+'] as const;
export type AgeBracket = (typeof AGE_BRACKETS)[number];

export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
