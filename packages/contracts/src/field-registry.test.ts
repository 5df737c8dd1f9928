import { FIELD_REGISTRY, ROLE_CLEARANCE, ROLE_VERBS, ROLES, sensitivityRank } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { HouseholdSchema } from './households';
import { PersonDetailSchema } from './persons';

const registered = new Set(Object.keys(FIELD_REGISTRY));

describe('the field registry', () => {
  it('classifies every field a person or household answer carries', () => {
    for (const key of Object.keys(PersonDetailSchema.shape)) expect(registered, `person.${key}`).toContain(`person.${key}`);
    for (const key of Object.keys(HouseholdSchema.shape)) expect(registered, `household.${key}`).toContain(`household.${key}`);
  });

  it('lets every role that reads people read every ordinary person field (so presenters never send half a record)', () => {
    const personFields = Object.entries(FIELD_REGISTRY).filter(([key, entry]) => key.startsWith('person.') && entry.sensitivity !== 'highly_sensitive');
    const highest = Math.max(...personFields.map(([, entry]) => sensitivityRank(entry.sensitivity)));
    for (const role of ROLES) {
      if (!ROLE_VERBS[role].has('person.read')) continue;
      expect(sensitivityRank(ROLE_CLEARANCE[role].level), role).toBeGreaterThanOrEqual(highest);
    }
  });

  it('keeps highly sensitive content out of the person record itself: it lives in sealed sections', () => {
    const inRecord = Object.entries(FIELD_REGISTRY).filter(([key, entry]) => (key.startsWith('person.') || key.startsWith('household.')) && entry.sensitivity === 'highly_sensitive');
    expect(inRecord).toEqual([]);
  });
});
