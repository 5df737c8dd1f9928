import { validateRule } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { defaultOp, newCondition, ruleOf, valuePrefix } from './rule-draft';

describe('the rule builder draft', () => {
  it('starts each field with an operator it allows, so a new condition only lacks its value', () => {
    expect(defaultOp('sex')).toBe('in');
    expect(defaultOp('age')).toBe('gte');
    expect(defaultOp('domain.economic_survival')).toBe('gte');
    expect(defaultOp('adminAreaCode')).toBe('within');
  });

  it('sends the rule exactly as built: numbers for age, codes for levels, nothing cleaned away', () => {
    const rule = ruleOf({
      combinator: 'all',
      conditions: [
        { ...newCondition('sex'), values: ['female'] },
        { field: 'age', op: 'gte', values: [], value: '18' },
        { field: 'domain.economic_survival', op: 'gte', values: [], value: 'medium' },
      ],
    });
    expect(rule).toEqual({
      all: [
        { field: 'sex', op: 'in', values: ['female'] },
        { field: 'age', op: 'gte', value: 18 },
        { field: 'domain.economic_survival', op: 'gte', value: 'medium' },
      ],
    });
    expect(validateRule(rule).ok).toBe(true);
    // A wrong comparison stays wrong, so core marks it where it is.
    const wrong = validateRule(ruleOf({ combinator: 'any', conditions: [{ field: 'sex', op: 'gte', values: [], value: '' }] }));
    expect(wrong.ok ? [] : wrong.error.map((p) => [p.code, p.path.join('/')])).toEqual([['incompatible_operator', 'any/0/op']]);
    expect(validateRule(ruleOf({ combinator: 'all', conditions: [{ field: 'age', op: 'gte', values: [], value: 'thirty' }] })).ok).toBe(false);
  });

  it('names level values with the risk words', () => {
    expect(valuePrefix('riskLevel')).toBe('risk');
    expect(valuePrefix('domain.economic_survival')).toBe('risk');
    expect(valuePrefix('setting')).toBe('setting');
  });
});
