import { describe, expect, it } from 'vitest';
import { groupByItem, itemForPointer } from './response-errors';

describe('screening response pointers', () => {
  it('maps a response problem to its item, even inside a multiple-choice answer', () => {
    expect(itemForPointer('/responses/owes_debt')).toBe('owes_debt');
    expect(itemForPointer('/responses/work_kinds/1')).toBe('work_kinds');
    expect(itemForPointer('/instrument')).toBeNull();
  });

  it('keeps problems without an item for the form', () => {
    const { byItem, general } = groupByItem([
      { path: '/responses/a', code: 'not_applicable', message: '' },
      { path: '/instrument', code: 'required', message: '' },
    ]);
    expect(byItem.get('a')?.[0]?.code).toBe('not_applicable');
    expect(general.map((p) => p.code)).toEqual(['required']);
  });
});
