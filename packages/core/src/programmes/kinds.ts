/**
 * Kinds of prevention programme (issue 5): what a protection team runs for people the risk
 * profile says are most exposed to trafficking.
 */
export const PROGRAMME_KINDS = [
  'trafficking_awareness',
  'livelihoods',
  'women_at_risk_support',
  'child_friendly_activities',
  'legal_aid',
  'psychosocial_support',
  'education',
  'cash_assistance',
  'other',
] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
