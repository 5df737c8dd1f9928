import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heightenedRiskV1 } from '../instruments/heightened-risk/v1';
import { defaultOperations } from '../population/operations';
import { generatePopulation } from '../population/generate-population';
import { createRandom } from '../population/random';
import { TIERS } from '../population/response-profile';
import { generateResponses } from '../population/responses';
import { CARE_SITUATIONS, DOCUMENT_TYPES, LEGAL_STATUSES, SETTINGS, SEXES } from '../registration/vocabulary';
import type { ResponseValue } from './response-problems';
import { assessScreening } from './score-screening';
import { highlySensitiveDomains, highlySensitiveItemIds, mergeSensitive, splitSensitive } from './split-sensitive';
import { compactOutcome, type StoredOutcome } from './stored-outcome';
import { subjectFromRegistration, type ScreeningSubject } from './subject';
import { ageInYears } from '../registration/age';
import { referencedItems } from '../instruments/condition';

const SENSITIVE = ['sg_sexual_violence', 'sg_exchanged_sex', 'sg_coerced_by_person_with_power', 'sg_shunned_or_threatened', 'sg_received_support', 'ci_armed_group_approach'];

const subjectArbitrary: fc.Arbitrary<ScreeningSubject> = fc.record({
  ageYears: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
  sex: fc.constantFrom(...SEXES),
  setting: fc.option(fc.constantFrom(...SETTINGS), { nil: null }),
  legalStatus: fc.option(fc.constantFrom(...LEGAL_STATUSES), { nil: null }),
  careSituation: fc.option(fc.constantFrom(...CARE_SITUATIONS), { nil: null }),
  documents: fc.subarray([...DOCUMENT_TYPES]),
  householdSize: fc.integer({ min: 1, max: 10 }),
  isHeadOfHousehold: fc.boolean(),
  dependantsInHousehold: fc.integer({ min: 0, max: 9 }),
  otherAdultsInHousehold: fc.integer({ min: 0, max: 9 }),
  yearsSinceArrival: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
});

const screeningArbitrary = fc
  .record({ subject: subjectArbitrary, seed: fc.integer(), tier: fc.integer({ min: 0, max: TIERS.length - 1 }) })
  .map(({ subject, seed, tier }) => {
    const responses = generateResponses(heightenedRiskV1, subject, TIERS[tier] ?? TIERS[0], createRandom(seed)) as Record<string, ResponseValue>;
    const assessed = assessScreening(heightenedRiskV1, responses, subject);
    if (!assessed.ok) throw new Error('generated answers rejected');
    return { responses: responses as Record<string, unknown>, stored: compactOutcome(assessed.value) };
  });

/** Overrides whose rule names nothing but highly sensitive items (and facts): they say what was answered. */
const SENSITIVE_ONLY_OVERRIDES = heightenedRiskV1.overrides
  .filter((override) => referencedItems(override.when).length > 0 && referencedItems(override.when).every((id) => SENSITIVE.includes(id)))
  .map((override) => override.id);

/**
 * The clear part must not name a highly sensitive item anywhere, nor repeat its answer, nor
 * hold an override only such an answer raises; its levels are those scored without them.
 */
function expectNothingSensitive(clear: { responses: Record<string, unknown> | null; stored: StoredOutcome }, responses: Record<string, unknown> | null) {
  const text = JSON.stringify(clear);
  for (const id of SENSITIVE) expect(text).not.toContain(id);
  for (const id of SENSITIVE_ONLY_OVERRIDES) expect(text).not.toContain(id);
  expect(clear.stored.domains.map((domain) => domain.domain)).not.toContain('sgbv_coercion');
  if (responses !== null) {
    const withoutSensitive = Object.fromEntries(Object.entries(responses).filter(([id]) => !SENSITIVE.includes(id)));
    expect(clear.responses).toEqual(withoutSensitive);
  }
}

describe('splitSensitive / mergeSensitive', () => {
  it('knows which items are highly sensitive', () => {
    expect([...highlySensitiveItemIds(heightenedRiskV1)].sort()).toEqual([...SENSITIVE].sort());
    expect(highlySensitiveDomains(heightenedRiskV1).length).toBeGreaterThan(0);
  });

  it('split then merge is the identity, and the clear part holds nothing highly sensitive', () => {
    let sealedSeen = 0;
    fc.assert(
      fc.property(screeningArbitrary, fc.boolean(), ({ responses, stored }, reused) => {
        const given = reused ? null : responses;
        const split = splitSensitive(heightenedRiskV1, given, stored);
        expectNothingSensitive(split.clear, given);
        if (split.sealed) {
          sealedSeen++;
          expect(split.sealed.responses === null).toBe(reused);
          // What is sealed survives JSON (it is stored as JSON text, then sealed).
          const roundTripped = JSON.parse(JSON.stringify(split.sealed));
          expect(mergeSensitive(heightenedRiskV1, split.clear, roundTripped)).toEqual({ responses: given, stored });
        } else {
          expect(split.clear).toEqual({ responses: given, stored });
        }
      }),
      { numRuns: 400 },
    );
    expect(sealedSeen).toBeGreaterThan(0);
  });

  it('holds for a generated population (where everyone screened answers some highly sensitive item)', () => {
    const today = new Date('2026-06-15T00:00:00Z');
    let people = 0;
    let sealed = 0;
    for (const household of generatePopulation({ seed: 5, persons: 2_000, today, operations: defaultOperations })) {
      const members = household.members.map((m) => ({ age: ageInYears(m.person, today), relationshipToHead: m.person.relationshipToHead }));
      for (const member of household.members) {
        const assessed = assessScreening(heightenedRiskV1, member.responses, subjectFromRegistration(member.person, { members }, today));
        if (!assessed.ok) throw new Error('generated answers rejected');
        const stored = compactOutcome(assessed.value);
        const split = splitSensitive(heightenedRiskV1, member.responses, stored);
        expectNothingSensitive(split.clear, member.responses);
        expect(mergeSensitive(heightenedRiskV1, split.clear, split.sealed)).toEqual({ responses: member.responses, stored });
        people++;
        if (split.sealed) sealed++;
      }
    }
    expect(sealed).toBeGreaterThan(0);
    expect(people).toBe(2_000);
  }, 30_000);
});
