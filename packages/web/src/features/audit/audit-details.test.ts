import { describe, expect, it } from 'vitest';
import { detailFields, keyAsWords } from './audit-details';

const staff = '0190a1b2-0000-7000-8000-000000000001';
const other = '0190a1b2-0000-7000-8000-000000000002';
const person = '0190a1b2-0000-7000-8000-000000000003';

describe('audit details in words', () => {
  it('names the staff an assignment moved between, and keeps other ids as ids', () => {
    // Keys in jsonb's order (shortest first): the table still reads before, then after.
    const fields = detailFields({ to: other, from: staff, personId: person, teamId: null, version: 3 }, { [staff]: 'Rana Supervisor', [other]: 'Lina Colleague' });
    expect(fields).toEqual([
      { key: 'from', value: { kind: 'user', id: staff, name: 'Rana Supervisor' } },
      { key: 'to', value: { kind: 'user', id: other, name: 'Lina Colleague' } },
      { key: 'personId', value: { kind: 'id', id: person } },
      { key: 'teamId', value: { kind: 'none' } },
      { key: 'version', value: { kind: 'number', value: 3 } },
    ]);
  });

  it('reads flags as yes or no, comma-joined codes as a list, and anything nested as data', () => {
    // The step a change took comes first.
    expect(detailFields({ childRule: true, fields: 'givenName,familyName', event: 'start_assessment', nested: { a: 1 } }, {}).map((f) => f.value)).toEqual([
      { kind: 'text', value: 'start_assessment' },
      { kind: 'yes_no', value: true },
      { kind: 'list', values: ['givenName', 'familyName'] },
      { kind: 'other', json: '{"a":1}' },
    ]);
  });

  it('turns an unlabelled key into words', () => {
    expect(keyAsWords('wasAdminAreaCode')).toBe('Was admin area code');
    expect(keyAsWords('min_cell_count')).toBe('Min cell count');
  });
});
