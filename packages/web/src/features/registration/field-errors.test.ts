import { describe, expect, it } from 'vitest';
import { decodePointer } from '../../api/json-pointer';
import { groupBySlot, slotForPointer } from './field-errors';

describe('decodePointer', () => {
  it('splits and unescapes RFC 6901 pointers', () => {
    expect(decodePointer('/members/0/dateOfBirth')).toEqual(['members', '0', 'dateOfBirth']);
    expect(decodePointer('/a~1b/c~0d')).toEqual(['a/b', 'c~d']);
    expect(decodePointer('')).toEqual([]);
  });
});

describe('slotForPointer', () => {
  it('puts a household member problem next to that member field', () => {
    expect(slotForPointer('/members/2/dateOfBirth', 'household')).toBe('members.2.dateOfBirth');
    expect(slotForPointer('/members/0/relationshipToHead', 'household')).toBe('members.0.relationshipToHead');
  });

  it('treats a person registered alone as member 0', () => {
    expect(slotForPointer('/givenName', 'person')).toBe('members.0.givenName');
    expect(slotForPointer('/careSituation', 'person')).toBe('members.0.careSituation');
  });

  it('sends a problem inside a list to the list field', () => {
    expect(slotForPointer('/languages/1', 'person')).toBe('members.0.languages');
    expect(slotForPointer('/members/1/documents/0', 'household')).toBe('members.1.documents');
  });

  it('maps the site, the operation and whole-household problems', () => {
    expect(slotForPointer('/siteId', 'household')).toBe('site');
    expect(slotForPointer('/siteId', 'person')).toBe('site');
    expect(slotForPointer('/members/3/siteId', 'household')).toBe('site');
    expect(slotForPointer('/operationId', 'person')).toBe('operation');
    expect(slotForPointer('/members', 'household')).toBe('members');
  });

  it('never loses a problem: anything without an input goes to the form', () => {
    expect(slotForPointer('/householdId', 'person')).toBe('form');
    expect(slotForPointer('/members/0/secretField', 'household')).toBe('form');
    expect(slotForPointer('/somethingElse', 'household')).toBe('form');
    expect(slotForPointer('', 'household')).toBe('form');
  });
});

describe('groupBySlot', () => {
  it('groups several problems on one field', () => {
    const grouped = groupBySlot(
      [
        { path: '/members/0/birthYear', code: 'born_in_future', message: '' },
        { path: '/members/0/birthYear', code: 'birth_year_mismatch', message: '' },
        { path: '/members', code: 'household_head_missing', message: '' },
      ],
      'household',
    );
    expect(grouped.get('members.0.birthYear')?.map((p) => p.code)).toEqual(['born_in_future', 'birth_year_mismatch']);
    expect(grouped.get('members')?.map((p) => p.code)).toEqual(['household_head_missing']);
  });
});
