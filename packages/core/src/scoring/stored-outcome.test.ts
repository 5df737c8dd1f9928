import { describe, expect, it } from 'vitest';
import { heightenedRiskV1 } from '../instruments/heightened-risk/v1';
import { defaultOperations } from '../population/operations';
import { generatePopulation } from '../population/generate-population';
import { ageInYears } from '../registration/age';
import { scoreScreening } from './score-screening';
import { compactOutcome, expandOutcome } from './stored-outcome';
import { subjectFromRegistration } from './subject';

const today = new Date('2026-11-25T00:00:00Z');

describe('stored outcome', () => {
  it('expands back to exactly the outcome that was scored, for a whole synthetic population', () => {
    let people = 0;
    let fullBytes = 0;
    let storedBytes = 0;
    for (const household of generatePopulation({ seed: 3, persons: 3000, today, operations: defaultOperations })) {
      const members = household.members.map((m) => ({ age: ageInYears(m.person, today), relationshipToHead: m.person.relationshipToHead }));
      for (const member of household.members) {
        const scored = scoreScreening(heightenedRiskV1, member.responses, subjectFromRegistration(member.person, { members }, today));
        if (!scored.ok) throw new Error('generated answers rejected');
        const stored = JSON.parse(JSON.stringify(compactOutcome(scored.value)));
        expect(expandOutcome(heightenedRiskV1, stored)).toEqual(scored.value);
        fullBytes += JSON.stringify(scored.value).length;
        storedBytes += JSON.stringify(stored).length;
        people++;
      }
    }
    expect(people).toBe(3000);
    // The point of storing decisions without words: a fraction of the size.
    expect(storedBytes).toBeLessThan(fullBytes / 3);
  });

  it('refuses to expand with another instrument version', () => {
    const stored = compactOutcome(
      (scoreScreening(heightenedRiskV1, {}, subjectFromRegistration(
        { givenName: 'A', familyName: 'B', otherNames: [], originalScriptName: null, sex: 'female', dateOfBirth: null, birthYear: 1990, birthYearEstimated: false, nationality: null, languages: [], siteId: null, setting: null, adminAreaCode: null, legalStatus: null, documents: [], arrivalDate: null, householdId: null, relationshipToHead: null, careSituation: null },
        null,
        today,
      )) as { ok: true; value: Parameters<typeof compactOutcome>[0] }).value,
    );
    expect(() => expandOutcome({ ...heightenedRiskV1, version: 2 }, stored)).toThrow(/v1 expanded with heightened-risk v2/);
  });
});
