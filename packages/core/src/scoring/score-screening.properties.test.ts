import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heightenedRiskV1 } from '../instruments/heightened-risk/v1';
import { PREFER_NOT_TO_ANSWER, type Item } from '../instruments/instrument';
import { createRandom } from '../population/random';
import { TIERS } from '../population/response-profile';
import { generateResponses } from '../population/responses';
import { CARE_SITUATIONS, DOCUMENT_TYPES, LEGAL_STATUSES, RISK_LEVELS, SETTINGS, SEXES } from '../registration/vocabulary';
import type { ScreeningOutcome } from './outcome';
import type { ResponseValue } from './response-problems';
import { scoreScreening } from './score-screening';
import type { ScreeningSubject } from './subject';

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

/** A person and a set of answers that apply to them, with anything from no risk to a lot. */
const screeningArbitrary = fc
  .record({ subject: subjectArbitrary, seed: fc.integer(), tier: fc.integer({ min: 0, max: TIERS.length - 1 }), pick: fc.nat() })
  .map(({ subject, seed, tier, pick }) => ({
    subject,
    pick,
    responses: generateResponses(heightenedRiskV1, subject, TIERS[tier] ?? TIERS[0], createRandom(seed)) as Record<string, ResponseValue>,
  }));

const items = new Map(heightenedRiskV1.items.map((item) => [item.id, item]));

function carriesRisk(item: Item, value: ResponseValue): boolean {
  if (item.type === 'number') return item.bands.some((b) => typeof value === 'number' && value >= (b.min ?? -Infinity) && value <= (b.max ?? Infinity) && b.weight > 0);
  if (item.type === 'date') return true;
  const chosen = Array.isArray(value) ? value : [value];
  return item.choices.some((c) => c.weight > 0 && chosen.includes(c.value));
}

function riskChoice(item: Item): ResponseValue | undefined {
  if (item.type === 'number') return item.bands.find((b) => b.weight > 0)?.min;
  if (item.type === 'date') return undefined;
  const choice = item.choices.find((c) => c.weight > 0)?.value;
  return choice === undefined ? undefined : item.type === 'multiple_choice' ? [choice] : choice;
}

/** Answered items whose answer carries no risk (so changing them may only add risk). */
function riskFreeAnswers(responses: Record<string, ResponseValue>): string[] {
  return Object.entries(responses)
    .filter(([id, value]) => value !== PREFER_NOT_TO_ANSWER && !carriesRisk(items.get(id)!, value))
    .map(([id]) => id);
}

function outcomeOf(responses: Record<string, ResponseValue>, subject: ScreeningSubject): ScreeningOutcome {
  const result = scoreScreening(heightenedRiskV1, responses, subject);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const rank = (outcome: ScreeningOutcome) => RISK_LEVELS.indexOf(outcome.riskLevel);

function neverLower(before: ScreeningOutcome, after: ScreeningOutcome) {
  expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
  after.domains.forEach((domain, index) => expect(domain.score).toBeGreaterThanOrEqual(before.domains[index]!.score));
}

describe('scoreScreening properties', () => {
  it('accepts every answer set that only answers applicable questions', () => {
    fc.assert(fc.property(screeningArbitrary, ({ responses, subject }) => {
      expect(scoreScreening(heightenedRiskV1, responses, subject).ok).toBe(true);
    }));
  });

  it('never lowers a score or the level when "prefer not to answer" replaces an answer without risk', () => {
    fc.assert(fc.property(screeningArbitrary, ({ responses, subject, pick }) => {
      const candidates = riskFreeAnswers(responses);
      fc.pre(candidates.length > 0);
      const itemId = candidates[pick % candidates.length]!;
      neverLower(outcomeOf(responses, subject), outcomeOf({ ...responses, [itemId]: PREFER_NOT_TO_ANSWER }, subject));
    }));
  });

  it('never lowers the level when a risk answer replaces an answer without risk', () => {
    fc.assert(fc.property(screeningArbitrary, ({ responses, subject, pick }) => {
      const candidates = riskFreeAnswers(responses).filter((id) => riskChoice(items.get(id)!) !== undefined);
      fc.pre(candidates.length > 0);
      const itemId = candidates[pick % candidates.length]!;
      const before = outcomeOf(responses, subject);
      const after = outcomeOf({ ...responses, [itemId]: riskChoice(items.get(itemId)!)! }, subject);
      neverLower(before, after);
      expect(after.domains.reduce((sum, d) => sum + d.score, 0)).toBeGreaterThan(before.domains.reduce((sum, d) => sum + d.score, 0));
    }));
  });

  it('is pure: the same input gives the same outcome and is left untouched', () => {
    fc.assert(fc.property(screeningArbitrary, ({ responses, subject }) => {
      const copy = JSON.parse(JSON.stringify({ responses, subject }));
      expect(outcomeOf(responses, subject)).toEqual(outcomeOf(responses, subject));
      expect({ responses, subject }).toEqual(copy);
    }));
  });

  it('scores each domain as the sum of its signals, and never below what its domains say', () => {
    fc.assert(fc.property(screeningArbitrary, ({ responses, subject }) => {
      const outcome = outcomeOf(responses, subject);
      for (const domain of outcome.domains) expect(domain.score).toBe(domain.signals.reduce((sum, s) => sum + s.weight, 0));
      const highest = Math.max(...outcome.domains.map((d) => RISK_LEVELS.indexOf(d.level)));
      expect(rank(outcome)).toBeGreaterThanOrEqual(highest);
      expect(outcome.riskLevel === 'critical').toBe(outcome.overrides.length > 0);
    }));
  });
});
