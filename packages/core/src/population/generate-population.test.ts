import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { heightenedRiskV1 } from '../instruments/heightened-risk/v1';
import { ageInYears } from '../registration/age';
import { checkHouseholdHead, checkPersonDates } from '../registration/validate-person';
import { RISK_LEVELS, type RiskLevel } from '../registration/vocabulary';
import { scoreScreening } from '../scoring/score-screening';
import { subjectFromRegistration } from '../scoring/subject';
import { generatePopulation } from './generate-population';
import { defaultOperations, lebanonOperation } from './operations';
import type { GeneratedHousehold } from './types';

const today = new Date('2026-03-01T00:00:00Z');

const take = (seed: number, persons: number) => [...generatePopulation({ seed, persons, today })];

function scoreAll(households: GeneratedHousehold[]) {
  const levels: Record<RiskLevel, number> = { low: 0, medium: 0, high: 0, critical: 0 };
  const problems: string[] = [];
  for (const household of households) {
    const members = household.members.map(({ person }) => ({ age: ageInYears(person, today), relationshipToHead: person.relationshipToHead }));
    for (const { person, responses } of household.members) {
      const result = scoreScreening(heightenedRiskV1, responses, subjectFromRegistration(person, { members }, today));
      if (result.ok) levels[result.value.riskLevel] += 1;
      else problems.push(...result.error.map((p) => `${household.household.code}: ${p.code} ${p.path.join('/')}`));
    }
  }
  return { levels, problems };
}

describe('generatePopulation', () => {
  // One shared population for the shape checks: 10,000 people.
  const population = take(2026, 10_000);
  const people = population.flatMap((h) => h.members);
  const share = (count: number) => count / people.length;
  const scored = scoreAll(population);

  it('is deterministic: the same seed gives the same population, another seed another', () => {
    expect(take(11, 500)).toEqual(take(11, 500));
    expect(take(11, 500)).not.toEqual(take(12, 500));
  });

  it('makes exactly the number of persons asked for', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 300 }), fc.integer(), (persons, seed) => {
      const total = [...generatePopulation({ seed, persons, today })].reduce((sum, h) => sum + h.members.length, 0);
      expect(total).toBe(persons);
    }), { numRuns: 40 });
    expect(people).toHaveLength(10_000);
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => [...generatePopulation({ seed: 1, persons: 2.5, today })]).toThrow(RangeError);
  });

  it('streams: households come one at a time', () => {
    const iterator = generatePopulation({ seed: 1, persons: 1_000_000, today })[Symbol.iterator]();
    expect(iterator.next().done).toBe(false);
  });

  it('gives every answer set a clean bill from scoreScreening', () => {
    expect(scored.problems).toEqual([]);
  });

  it('comes out mostly low or medium, about 10-20% high and a few % critical', () => {
    const { levels } = scored;
    expect(share(levels.low + levels.medium)).toBeGreaterThan(0.7);
    expect(share(levels.high)).toBeGreaterThan(0.1);
    expect(share(levels.high)).toBeLessThan(0.22);
    expect(share(levels.critical)).toBeGreaterThan(0.008);
    expect(share(levels.critical)).toBeLessThan(0.05);
    expect(RISK_LEVELS.every((level) => levels[level] > 0)).toBe(true);
  });

  it('registers people the registration rules accept, one head per household', () => {
    for (const household of population) {
      expect(checkHouseholdHead(household.members.map((m) => m.person))).toEqual([]);
      expect(household.members[household.household.headIndex]?.person.relationshipToHead).toBe('head');
      for (const { person } of household.members) expect(checkPersonDates(person, today)).toEqual([]);
    }
  });

  it('has households of 1 to 10, about half the people children, a few percent separated or unaccompanied', () => {
    const sizes = population.map((h) => h.members.length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(10);
    const children = people.filter(({ person }) => (ageInYears(person, today) ?? 99) < 18);
    expect(share(children.length)).toBeGreaterThan(0.45);
    expect(share(children.length)).toBeLessThan(0.6);
    const alone = children.filter(({ person }) => person.careSituation === 'separated' || person.careSituation === 'unaccompanied');
    expect(alone.length / children.length).toBeGreaterThan(0.01);
    expect(alone.length / children.length).toBeLessThan(0.08);
    expect(people.some(({ person }) => person.careSituation === 'child_headed_household')).toBe(true);
  });

  it('spreads people over settings, operations, sites and real Lebanese districts', () => {
    const settings = new Set(people.map(({ person }) => person.setting));
    expect(settings).toEqual(new Set(['camp', 'urban', 'settlement', 'transit', 'detention']));
    expect(new Set(population.map((h) => h.operationCode))).toEqual(new Set(defaultOperations.map((o) => o.code)));
    expect(new Set(population.map((h) => h.siteCode)).size).toBeGreaterThan(12);
    const lebaneseAreas = new Set(lebanonOperation.sites.map((s) => s.adminAreaCode));
    for (const household of population.filter((h) => h.operationCode === 'LBN')) {
      expect(lebaneseAreas.has(household.household.adminAreaCode)).toBe(true);
      expect(household.household.adminAreaCode).toMatch(/^LBN-ADM2-/);
    }
  });

  it('names people from several traditions, with spelling variants and original script', () => {
    const nationalities = new Set(people.map(({ person }) => person.nationality));
    for (const code of ['SYR', 'SOM', 'ERI', 'COD', 'AFG', null]) expect(nationalities.has(code)).toBe(true);
    expect(share(people.filter(({ person }) => person.otherNames.length > 0).length)).toBeGreaterThan(0.3);
    expect(people.some(({ person }) => /^(Muhammad|Mohamed|Mohammad) /.test(person.otherNames[0] ?? ''))).toBe(true);
    const syrians = people.filter(({ person }) => person.nationality === 'SYR');
    expect(syrians.every(({ person }) => /[\u0600-\u06FF]/.test(person.originalScriptName ?? ''))).toBe(true);
    expect(people.some(({ person }) => person.legalStatus === 'stateless' && person.nationality === null)).toBe(true);
  });

  it('dates some arrivals long ago, so some people are in protracted displacement', () => {
    const years = people.map(({ person }) => ageInYears({ dateOfBirth: person.arrivalDate, birthYear: null }, today) ?? 0);
    expect(share(years.filter((y) => y >= 10).length)).toBeGreaterThan(0.01);
    expect(share(years.filter((y) => y >= 5).length)).toBeGreaterThan(0.1);
    expect(share(years.filter((y) => y < 5).length)).toBeGreaterThan(0.5);
  });

  it('leaves site and household ids for the loader', () => {
    expect(people.every(({ person }) => person.siteId === null && person.householdId === null)).toBe(true);
    expect(new Set(population.map((h) => h.household.code)).size).toBe(population.length);
  });
});
