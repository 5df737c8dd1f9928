// How often each heightenedRiskV1 item gets a risk answer from a person of the
// `moderate` tier, and how risk (or non-risk) answers split between choices. Tuned so a
// population comes out mostly low/medium, about 10-20% high and a few % critical.
// Items missing here use DEFAULT_RISK_CHANCE.

export interface ItemProfile {
  risk: number;
  /** Relative odds between choices; unlisted choices count 1. */
  odds?: Record<string, number>;
}

export const DEFAULT_RISK_CHANCE = 0.05;

export const TIERS = [
  { id: 'low', share: 0.55, multiplier: 0.12 },
  { id: 'moderate', share: 0.32, multiplier: 0.5 },
  { id: 'elevated', share: 0.1, multiplier: 1.5 },
  { id: 'severe', share: 0.03, multiplier: 4 },
] as const;
export type Tier = (typeof TIERS)[number];

export const PREFER_NOT_TO_ANSWER_CHANCE = { personal: 0.005, sensitive: 0.015, highly_sensitive: 0.03 } as const;

export const HEIGHTENED_RISK_PROFILE: Record<string, ItemProfile> = {
  mms_used_smuggler: { risk: 0.2 },
  mms_owes_journey_debt: { risk: 0.05 },
  mms_debt_repaid_through_work: { risk: 0.12 },
  mms_documents_held: { risk: 0.025 },
  mms_onward_plans: { risk: 0.06, odds: { yes_within_weeks: 0.12, yes_later: 0.88 } },
  uu_knows_where_to_get_help: { risk: 0.08 },
  uu_has_identity_document: { risk: 0.05 },
  uu_speaks_local_language: { risk: 0.05 },
  pd_sees_way_ahead: { risk: 0.1 },
  pd_children_without_papers: { risk: 0.06 },
  pd_considering_risky_move: { risk: 0.04 },
  ci_armed_actors_nearby: { risk: 0.05 },
  ci_threatened_or_attacked: { risk: 0.02 },
  ci_armed_group_approach: { risk: 0.01, odds: { yes_adult: 0.75, yes_child: 0.25 } },
  es_needs_covered: { risk: 0.15 },
  es_works_informally: { risk: 0.12 },
  es_job_offer_with_paid_travel: { risk: 0.015 },
  es_exploitative_work: { risk: 0.03, odds: { yes_now: 0.4, yes_in_the_past: 0.6 } },
  es_children_work: { risk: 0.08, odds: { yes_hazardous: 0.25, yes_other_work: 0.75 } },
  es_debt_to_landlord_or_employer: { risk: 0.08 },
  wr_lives_alone_privately: { risk: 0.1 },
  wr_marriage_pressure: { risk: 0.02 },
  wr_has_trusted_adult: { risk: 0.08 },
  // The carer answer follows registration's care situation; see responses.ts.
  cr_in_school: { risk: 0.15 },
  cr_child_works: { risk: 0.02 },
  cr_approached_with_offers: { risk: 0.015 },
  sg_sexual_violence: { risk: 0.025, odds: { yes_last_72_hours: 0.04, yes_earlier: 0.96 } },
  sg_exchanged_sex: { risk: 0.012 },
  sg_coerced_by_person_with_power: { risk: 0.012, odds: { yes_now: 0.4, yes_in_the_past: 0.6 } },
  sg_shunned_or_threatened: { risk: 0.2 },
  sg_received_support: { risk: 0.4 },
  fs_separated_from_family: { risk: 0.1 },
  fs_knows_where_family_is: { risk: 0.25 },
  fs_has_someone_to_rely_on: { risk: 0.08 },
  fs_rarely_leaves_home: { risk: 0.05 },
  tr_grave_violence: { risk: 0.08 },
  tr_severe_distress: { risk: 0.07 },
  tr_alcohol_or_drugs: { risk: 0.01 },
  tr_risk_taking: { risk: 0.03 },
  lp_fears_return: { risk: 0.04 },
  lp_arrest_risk: { risk: 0.02 },
  lp_allowed_to_work: { risk: 0.1 },
  lp_document_problems: { risk: 0.1, odds: { expired: 0.75, confiscated_by_authorities: 0.18, held_by_another_person: 0.07 } },
  eb_irregular_border_crossing: { risk: 0.6 },
  eb_times_pushed_back: { risk: 0.04 },
  eb_detained_while_crossing: { risk: 0.03 },
  eb_robbed_or_extorted: { risk: 0.05 },
};
