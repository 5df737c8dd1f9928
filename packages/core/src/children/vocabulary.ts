// Closed vocabularies of the best-interests procedure (domain.md §4). Readonly tuples so
// the same list can feed TypeScript types, zod enums, SQL CHECK constraints and pickers.

/** The common case-priority scale for a Best Interests Assessment. */
export const BIA_URGENCIES = ['2_days', '1_week', '30_days', 'non_urgent'] as const;
export type BiaUrgency = (typeof BIA_URGENCIES)[number];

/**
 * Where a child lives and who looks after them. `foster` is an arranged (formal or
 * informal) placement with a non-relative; `kinship` is care by relatives.
 */
export const CARE_ARRANGEMENT_TYPES = [
  'with_parents',
  'kinship',
  'foster',
  'child_headed_household',
  'group_home',
  'independent_living_supervised',
] as const;
export type CareArrangementType = (typeof CARE_ARRANGEMENT_TYPES)[number];

/** BID recommendations listed in domain.md §4. */
export const BID_RECOMMENDATIONS = [
  'local_integration',
  'keep_care_arrangement',
  'change_care_arrangement',
  'medical',
  'voluntary_repatriation',
  'resettlement',
  'family_reunification',
] as const;
export type BidRecommendation = (typeof BID_RECOMMENDATIONS)[number];

/**
 * Roles on a BID panel. The guidelines call the panel multidisciplinary but we found no
 * verified list of roles (domain.md marks panel rules unverified), so `other` exists.
 */
export const BID_PANEL_ROLES = [
  'chair',
  'child_protection',
  'protection',
  'community_services',
  'legal',
  'health',
  'psychosocial',
  'education',
  'government_social_services',
  'partner_agency',
  'other',
] as const;
export type BidPanelRole = (typeof BID_PANEL_ROLES)[number];

/** Why a child's views could not be heard (recorded instead of the views). */
export const CHILD_NOT_HEARD_REASONS = ['too_young', 'communication_barrier', 'unwell', 'not_reachable', 'other'] as const;
export type ChildNotHeardReason = (typeof CHILD_NOT_HEARD_REASONS)[number];

/** Durable-solution steps that move a household or carer away (and can leave a child behind). */
export const MOVE_STEP_KINDS = ['resettlement', 'voluntary_repatriation', 'relocation'] as const;
export type MoveStepKind = (typeof MOVE_STEP_KINDS)[number];

export const MOVE_STEP_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type MoveStepStatus = (typeof MOVE_STEP_STATUSES)[number];

/** Why a BID is required (domain.md §4 a–c). */
export const BID_REQUIREMENT_CODES = [
  'durable_solution_for_separated_child',
  'exceptional_temporary_care',
  'separation_from_parents_against_will',
] as const;
export type BidRequirementCode = (typeof BID_REQUIREMENT_CODES)[number];
