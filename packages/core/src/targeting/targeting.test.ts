import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesRule } from './evaluate-rule';
import { TARGET_FIELDS } from './fields';
import type { TargetProfile, TargetRule } from './rule';
import { validateRule } from './validate-rule';

// The example: women 18–59 in urban areas with economic-survival risk at least medium.
const WOMEN_URBAN_ECONOMIC: TargetRule = {
  all: [
    { field: 'sex', op: 'in', values: ['female'] },
    { field: 'ageBracket', op: 'in', values: ['18-59'] },
    { field: 'setting', op: 'in', values: ['urban'] },
    { field: 'domain.economic_survival', op: 'gte', value: 'medium' },
  ],
};

const profile = (overrides: Partial<Record<string, string | number | null>> = {}): TargetProfile => ({
  sex: 'female',
  age: 31,
  ageBracket: '18-59',
  setting: 'urban',
  legalStatus: 'unregistered',
  riskLevel: 'high',
  adminAreaCode: 'LBN-ADM2-1',
  'domain.economic_survival': 'medium',
  ...overrides,
});

describe('targeting rules', () => {
  it('accepts the example rule and selects exactly the people it describes', () => {
    expect(validateRule(WOMEN_URBAN_ECONOMIC).ok).toBe(true);
    expect(matchesRule(WOMEN_URBAN_ECONOMIC, profile())).toBe(true);
    expect(matchesRule(WOMEN_URBAN_ECONOMIC, profile({ 'domain.economic_survival': 'high' }))).toBe(true);
    expect(matchesRule(WOMEN_URBAN_ECONOMIC, profile({ 'domain.economic_survival': 'low' }))).toBe(false);
    expect(matchesRule(WOMEN_URBAN_ECONOMIC, profile({ sex: 'male' }))).toBe(false);
    expect(matchesRule(WOMEN_URBAN_ECONOMIC, profile({ setting: 'camp' }))).toBe(false);
    // Unknown is not a match: a person without a screening is not "at least medium".
    expect(matchesRule(WOMEN_URBAN_ECONOMIC, profile({ 'domain.economic_survival': null }))).toBe(false);
  });

  it('refuses unknown fields, incompatible comparisons and unknown values, each at its path', () => {
    const result = validateRule({
      all: [
        { field: 'religion', op: 'in', values: ['x'] },
        { field: 'sex', op: 'gte', value: 'female' },
        { field: 'riskLevel', op: 'gte', value: 'extreme' },
        { field: 'age', op: 'in', values: ['30'] },
        { field: 'age', op: 'gte', value: 'thirty' },
        { field: 'setting', op: 'in', values: ['mansion'] },
        { any: [] },
        { field: 'adminAreaCode', op: 'within', value: '' },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.map((problem) => [problem.code, problem.path.join('/')])).toEqual([
      ['unknown_field', 'all/0/field'],
      ['incompatible_operator', 'all/1/op'],
      ['unknown_value', 'all/2/value'],
      ['incompatible_operator', 'all/3/op'],
      ['incompatible_value', 'all/4/value'],
      ['unknown_value', 'all/5/values/0'],
      ['empty', 'all/6/any'],
      ['incompatible_value', 'all/7/value'],
    ]);
  });

  // Review of issue 20: an admin area code skipped the text rules, and a NUL in it was a 500 (jsonb cannot hold it).
  it('holds admin area codes to the text rules every code follows: no control or bidi characters, the area-code pattern', () => {
    const codes = (rule: unknown) => {
      const result = validateRule(rule);
      return result.ok ? [] : result.error.map((problem) => [problem.code, problem.path.join('/')]);
    };
    expect(codes({ field: 'adminAreaCode', op: 'within', value: 'LBN\u0000' })).toEqual([['control_character', 'value']]);
    expect(codes({ field: 'adminAreaCode', op: 'in', values: ['LBN-1', 'a\u0000b', '\u202Eevil', '=cmd', 'ok.code'] })).toEqual([
      ['control_character', 'values/1'],
      ['bidi_control', 'values/2'],
      ['invalid_area_code', 'values/3'],
    ]);
    expect(codes({ field: 'adminAreaCode', op: 'within', value: 'Bei\u0301rut' })).toEqual([['invalid_area_code', 'value']]);
    expect(codes({ field: 'adminAreaCode', op: 'within', value: 'x'.repeat(121) })).toEqual([['invalid_area_code', 'value']]);
  });

  it('stores only what it judged: keys a condition or group does not have are refused, values come back trimmed and NFC', () => {
    const extra = validateRule({ all: [{ field: 'sex', op: 'in', values: ['female'], '\u0000': 1 }], any: [] });
    expect(extra.ok ? [] : extra.error.map((problem) => [problem.code, problem.path.join('/')])).toEqual([
      ['unknown_field', ''],
      ['unknown_field', 'all/0'],
    ]);
    const clean = validateRule({ any: [{ field: 'sex', op: 'in', values: [' female '] }, { field: 'adminAreaCode', op: 'within', value: ' LBN-1 ' }] });
    expect(clean).toEqual({ ok: true, value: { any: [{ field: 'sex', op: 'in', values: ['female'] }, { field: 'adminAreaCode', op: 'within', value: 'LBN-1' }] } });
    expect(validateRule({ field: '__proto__', op: 'in', values: ['x'] }).ok).toBe(false);
    const many = validateRule({ field: 'adminAreaCode', op: 'in', values: Array.from({ length: 201 }, (_, i) => `A${i}`) });
    expect(many.ok ? [] : many.error.map((problem) => problem.code)).toEqual(['too_big']);
  });

  it('never accepts a rule holding a control character anywhere, whatever the field (property)', () => {
    const hostile = fc.constantFrom('\u0000', 'a\u0000b', '\u202Eevil', 'x\u2066y', '\r', '\tx', 'a\u0085b', '\ud800');
    const field = fc.constantFrom(...Object.keys(TARGET_FIELDS), 'religion', '\u0000');
    const condition = fc.record({ field, op: fc.constantFrom('in', 'gte', 'lte', 'within'), value: hostile, values: fc.array(hostile, { minLength: 1, maxLength: 3 }) });
    // Every hostile value at the code field, every time (the property below samples them).
    for (const value of ['\u0000', 'a\u0000b', '\u202Eevil', 'x\u2066y', '\r', '\tx', 'x\n', 'a\u0085b', '\ud800']) {
      expect(validateRule({ all: [{ field: 'adminAreaCode', op: 'within', value }] }).ok, JSON.stringify(value)).toBe(false);
    }
    fc.assert(
      fc.property(condition, (raw) => {
        const rule = raw.op === 'in' ? { field: raw.field, op: raw.op, values: raw.values } : { field: raw.field, op: raw.op, value: raw.value };
        expect(validateRule({ all: [rule] }).ok).toBe(false);
      }),
    );
  });

  it('selects an area and every area under it', () => {
    const parents: Record<string, string> = { 'LBN-ADM2-1': 'LBN-ADM1-A', 'LBN-ADM1-A': 'LBN' };
    const inAkkar: TargetRule = { field: 'adminAreaCode', op: 'within', value: 'LBN-ADM1-A' };
    expect(matchesRule(inAkkar, profile(), (code) => parents[code] ?? null)).toBe(true);
    expect(matchesRule(inAkkar, profile({ adminAreaCode: 'LBN-ADM2-9' }), (code) => parents[code] ?? null)).toBe(false);
  });

  it('ordered comparisons follow the level order, and all/any compose like and/or', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('low', 'medium', 'high', 'critical'),
        fc.constantFrom('low', 'medium', 'high', 'critical'),
        fc.constantFrom('female', 'male'),
        (level, threshold, sex) => {
          const order = ['low', 'medium', 'high', 'critical'];
          const person = profile({ riskLevel: level, sex });
          const atLeast: TargetRule = { field: 'riskLevel', op: 'gte', value: threshold };
          const woman: TargetRule = { field: 'sex', op: 'in', values: ['female'] };
          expect(matchesRule(atLeast, person)).toBe(order.indexOf(level) >= order.indexOf(threshold));
          expect(matchesRule({ all: [atLeast, woman] }, person)).toBe(matchesRule(atLeast, person) && sex === 'female');
          expect(matchesRule({ any: [atLeast, woman] }, person)).toBe(matchesRule(atLeast, person) || sex === 'female');
        },
      ),
    );
  });
});
