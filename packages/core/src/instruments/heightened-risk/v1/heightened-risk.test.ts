import { describe, expect, it } from 'vitest';
import { referencedItems, type Condition } from '../../condition';
import type { Instrument, Strength } from '../../instrument';
import { findInstrument, shippedInstruments } from '../../registry';
import { validateInstrument } from '../../validate-instrument';
import { heightenedRiskV1 } from '.';

// The design table (shared/reference/screening-design.md), indicator by indicator.
const DESIGN: Record<string, Array<[indicator: string, strength: Strength, source: 'asked' | 'registration']>> = {
  mixed_migration_smuggling: [
    ['used_smuggler', 'medium', 'asked'],
    ['owes_journey_debt', 'strong', 'asked'],
    ['debt_repaid_through_arranged_work', 'strong', 'asked'],
    ['documents_held_by_someone_else', 'strong', 'asked'],
    ['plans_irregular_onward_movement', 'medium', 'asked'],
  ],
  urban_unregistered: [
    ['does_not_know_where_to_get_help', 'medium', 'asked'],
    ['no_identity_documents', 'medium', 'asked'],
    ['does_not_speak_local_language', 'weak', 'asked'],
    ['lives_in_urban_area', 'weak', 'registration'],
    ['not_registered', 'medium', 'registration'],
  ],
  protracted_displacement: [
    ['no_durable_solution_in_prospect', 'medium', 'asked'],
    ['children_without_birth_registration_or_nationality', 'medium', 'asked'],
    ['considering_risky_onward_movement', 'medium', 'asked'],
    ['displaced_5_to_9_years', 'medium', 'registration'],
    ['displaced_10_years_or_more', 'strong', 'registration'],
  ],
  conflict_insecurity: [
    ['armed_actors_present', 'medium', 'asked'],
    ['threatened_or_attacked', 'strong', 'asked'],
    ['approached_by_armed_group', 'strong', 'asked'],
    ['child_recruited_by_armed_group', 'strong', 'asked'],
  ],
  economic_survival: [
    ['needs_not_covered', 'medium', 'asked'],
    ['works_informally', 'medium', 'asked'],
    ['offered_work_with_paid_travel', 'strong', 'asked'],
    ['exploitative_work_conditions', 'strong', 'asked'],
    ['children_in_household_work', 'medium', 'asked'],
    ['children_in_hazardous_work', 'strong', 'asked'],
    ['debt_to_landlord_or_employer', 'medium', 'asked'],
  ],
  women_at_risk: [
    ['lives_alone_in_private_accommodation', 'strong', 'asked'],
    ['pressured_towards_marriage', 'strong', 'asked'],
    ['no_trusted_adult', 'medium', 'asked'],
    ['female_head_with_dependants', 'medium', 'registration'],
    ['woman_or_girl_without_adult_in_household', 'medium', 'registration'],
  ],
  children_at_risk: [
    ['informal_or_unstable_care', 'medium', 'asked'],
    ['out_of_school', 'medium', 'asked'],
    ['child_working', 'strong', 'asked'],
    ['child_approached_with_offers', 'strong', 'asked'],
    ['separated_child', 'strong', 'registration'],
    ['unaccompanied_child', 'strong', 'registration'],
    ['child_headed_household', 'strong', 'registration'],
    ['child_without_birth_registration', 'medium', 'registration'],
  ],
  sgbv_coercion: [
    ['experienced_sexual_violence', 'strong', 'asked'],
    ['exchanged_sex_for_survival', 'strong', 'asked'],
    ['coerced_by_person_with_power', 'strong', 'asked'],
    ['shunned_or_threatened_after_violence', 'strong', 'asked'],
    ['survivor_without_support', 'medium', 'asked'],
  ],
  family_separation_isolation: [
    ['separated_from_close_family', 'medium', 'asked'],
    ['family_whereabouts_unknown', 'medium', 'asked'],
    ['no_one_to_rely_on', 'medium', 'asked'],
    ['rarely_leaves_home', 'medium', 'asked'],
    ['lives_alone', 'weak', 'registration'],
  ],
  trauma: [
    ['experienced_grave_violence', 'medium', 'asked'],
    ['severe_distress', 'medium', 'asked'],
    ['coping_through_substances', 'medium', 'asked'],
    ['increased_risk_taking', 'medium', 'asked'],
  ],
  legal_protection: [
    ['fears_return', 'strong', 'asked'],
    ['risk_of_arrest_or_deportation', 'strong', 'asked'],
    ['no_right_to_work', 'medium', 'asked'],
    ['documents_expired_or_confiscated', 'medium', 'asked'],
    ['documents_held_by_another_person', 'strong', 'asked'],
    ['precarious_legal_status', 'medium', 'registration'],
    ['detained', 'strong', 'registration'],
  ],
  enforcement_border: [
    ['plans_irregular_border_crossing', 'strong', 'asked'],
    ['pushed_back_at_border', 'medium', 'asked'],
    ['detained_while_crossing', 'medium', 'asked'],
    ['robbed_or_extorted_at_crossing', 'medium', 'asked'],
    ['in_transit', 'weak', 'registration'],
  ],
};

const ARABIC = /[\u0600-\u06FF]/;

function askedStrengths(instrument: Instrument): Map<string, Set<Strength>> {
  const found = new Map<string, Set<Strength>>();
  for (const item of instrument.items) {
    const markings = item.type === 'number' || item.type === 'date' ? item.bands : item.choices;
    for (const m of markings) {
      if (m.indicator && m.strength) found.set(m.indicator, (found.get(m.indicator) ?? new Set()).add(m.strength));
    }
  }
  return found;
}

function mentionsFact(condition: Condition | undefined, fact: string): boolean {
  return JSON.stringify(condition ?? {}).includes(`"fact":"${fact}"`);
}

describe('heightenedRiskV1', () => {
  it('is a valid instrument, also after a JSON round trip', () => {
    expect(validateInstrument(heightenedRiskV1).ok).toBe(true);
    expect(validateInstrument(JSON.parse(JSON.stringify(heightenedRiskV1)))).toEqual({ ok: true, value: heightenedRiskV1 });
  });

  it('has exactly the twelve designed domains', () => {
    expect(heightenedRiskV1.domains.map((d) => d.id)).toEqual(Object.keys(DESIGN));
  });

  it.each(Object.entries(DESIGN))('covers every indicator of %s with its designed strength and source', (domain, expected) => {
    const asked = askedStrengths(heightenedRiskV1);
    for (const [indicator, strength, source] of expected) {
      expect(heightenedRiskV1.indicators.find((i) => i.id === indicator)?.domain, indicator).toBe(domain);
      if (source === 'asked') {
        expect(asked.get(indicator), indicator).toEqual(new Set([strength]));
      } else {
        const derived = heightenedRiskV1.derivedIndicators.find((d) => d.indicator === indicator);
        expect(derived?.strength, indicator).toBe(strength);
        expect(asked.has(indicator), `${indicator} must not be asked`).toBe(false);
      }
    }
  });

  it('gives every question, choice and reason in English and real Arabic', () => {
    for (const item of heightenedRiskV1.items) {
      expect(item.label.en, item.id).toBeTruthy();
      expect(item.label.ar, item.id).toMatch(ARABIC);
      const markings = item.type === 'number' || item.type === 'date' ? item.bands : item.choices;
      for (const marking of markings) {
        if (marking.weight > 0) expect(marking.why?.ar, item.id).toMatch(ARABIC);
      }
      if (item.type !== 'number' && item.type !== 'date') {
        for (const choice of item.choices) expect(choice.label.ar, `${item.id}/${choice.value}`).toMatch(ARABIC);
      }
    }
    for (const derived of heightenedRiskV1.derivedIndicators) expect(derived.why.ar).toMatch(ARABIC);
  });

  it('lets every question be skipped, and treats sexual violence and coercion as highly sensitive', () => {
    expect(heightenedRiskV1.items.every((item) => item.allowPreferNotToAnswer)).toBe(true);
    const sgbv = heightenedRiskV1.items.filter((item) => item.domain === 'sgbv_coercion');
    expect(sgbv.length).toBeGreaterThan(0);
    expect(sgbv.every((item) => item.sensitivity === 'highly_sensitive')).toBe(true);
  });

  it('asks children’s questions only about children', () => {
    const childItems = heightenedRiskV1.items.filter((item) => item.domain === 'children_at_risk');
    expect(childItems.every((item) => mentionsFact(item.showIf, 'ageYears'))).toBe(true);
  });

  it('asks about debt bondage only of people who owe money for the journey', () => {
    const debtWork = heightenedRiskV1.items.find((item) => item.id === 'mms_debt_repaid_through_work');
    expect(debtWork?.showIf).toEqual({ item: 'mms_owes_journey_debt', equals: 'yes' });
  });

  it('has the five designed overrides, each to critical with actions', () => {
    const ids = heightenedRiskV1.overrides.map((o) => o.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'current_control_by_another_person',
        'unaccompanied_child_without_carer',
        'separated_child_approached',
        'journey_debt_and_imminent_onward_movement',
        'sexual_violence_last_72_hours',
      ]),
    );
    for (const override of heightenedRiskV1.overrides) {
      expect(override.level).toBe('critical');
      expect(override.actions.length).toBeGreaterThan(0);
      expect(referencedItems(override.when).every((id) => heightenedRiskV1.items.some((i) => i.id === id))).toBe(true);
    }
  });

  it('is shipped and found by id, latest when no version is asked for', () => {
    expect(shippedInstruments).toContain(heightenedRiskV1);
    expect(findInstrument('heightened-risk')).toBe(heightenedRiskV1);
    expect(findInstrument('heightened-risk', 1)).toBe(heightenedRiskV1);
    expect(findInstrument('heightened-risk', 2)).toBeUndefined();
    expect(findInstrument('nope')).toBeUndefined();
  });
});
