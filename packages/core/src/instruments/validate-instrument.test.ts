import { describe, expect, it } from 'vitest';
import { tinyInstrument } from './fixture';
import type { Instrument } from './instrument';
import { validateInstrument } from './validate-instrument';

function problemsOf(change: (instrument: Instrument) => void) {
  const instrument = tinyInstrument();
  change(instrument);
  const result = validateInstrument(JSON.parse(JSON.stringify(instrument)));
  return result.ok ? [] : result.error;
}

function codesOf(change: (instrument: Instrument) => void) {
  return problemsOf(change).map((p) => p.code);
}

const item = (instrument: Instrument, index: number) => {
  const found = instrument.items[index];
  if (!found) throw new Error(`no item ${index}`);
  return found;
};

describe('validateInstrument', () => {
  it('accepts a well-formed instrument', () => {
    expect(validateInstrument(tinyInstrument())).toEqual({ ok: true, value: tinyInstrument() });
  });

  it('reports a malformed shape with a path', () => {
    const result = validateInstrument({ id: 'x' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.every((p) => p.code === 'invalid_shape' && Array.isArray(p.path))).toBe(true);
  });

  it.each([
    ['duplicate item ids', (i: Instrument) => i.items.push({ ...item(i, 0) }), 'duplicate_id'],
    ['duplicate domain ids', (i: Instrument) => i.domains.push({ ...i.domains[0]! }), 'duplicate_id'],
    ['an item in a missing domain', (i: Instrument) => (item(i, 0).domain = 'nowhere'), 'unknown_domain'],
    ['show-if naming an unknown item', (i: Instrument) => (item(i, 1).showIf = { item: 'ghost', equals: 'yes' }), 'unknown_item_reference'],
    ['show-if naming a later item', (i: Instrument) => (item(i, 0).showIf = { item: 'how_much', equals: 'lot' }), 'forward_reference'],
    ['show-if naming itself', (i: Instrument) => (item(i, 1).showIf = { item: 'how_much', equals: 'lot' }), 'forward_reference'],
    ['show-if comparing with a value that is no choice', (i: Instrument) => (item(i, 1).showIf = { item: 'owes', equals: 'maybe' }), 'unknown_choice_reference'],
    ['an override naming an unknown item', (i: Instrument) => (i.overrides[0]!.when = { item: 'ghost', equals: 'yes' }), 'unknown_item_reference'],
    ['a registration rule reading an answer', (i: Instrument) => (i.derivedIndicators[0]!.when = { item: 'owes', equals: 'yes' }), 'item_in_registration_rule'],
    ['a choice item without choices', (i: Instrument) => delete (item(i, 1) as { choices?: unknown }).choices, 'missing_choices'],
    ['a choice item with no choices', (i: Instrument) => ((item(i, 1) as { choices: unknown[] }).choices = []), 'missing_choices'],
    ['duplicate choice values', (i: Instrument) => (item(i, 2) as { choices: { value: string }[] }).choices[1]!.value = 'rent', 'duplicate_choice_value'],
    ['a listed prefer-not-to-answer', (i: Instrument) => ((item(i, 2) as { choices: { value: string }[] }).choices[2]!.value = 'prefer_not_to_answer'), 'reserved_choice_value'],
    ['a yes/no item with other values', (i: Instrument) => ((item(i, 0) as { choices: { value: string }[] }).choices[1]!.value = 'nope'), 'invalid_yes_no_choices'],
    ['a missing Arabic label', (i: Instrument) => delete item(i, 0).label.ar, 'missing_translation'],
    ['a missing English title', (i: Instrument) => delete i.title.en, 'missing_translation'],
    ['a blank translation', (i: Instrument) => (i.domains[0]!.label.ar = '  '), 'missing_translation'],
    ['a weight that is not a number', (i: Instrument) => (((item(i, 0) as { choices: { weight: unknown }[] }).choices[0]!.weight = 'heavy')), 'invalid_weight'],
    ['a negative weight', (i: Instrument) => ((item(i, 0) as { choices: { weight: number }[] }).choices[0]!.weight = -1), 'invalid_weight'],
    ['a risk answer without why', (i: Instrument) => delete (item(i, 0) as { choices: { why?: unknown }[] }).choices[0]!.why, 'missing_risk_detail'],
    ['an unknown indicator', (i: Instrument) => ((item(i, 0) as { choices: { indicator?: string }[] }).choices[0]!.indicator = 'nope'), 'unknown_indicator'],
    ['an indicator of another domain', (i: Instrument) => ((item(i, 0) as { choices: { indicator?: string }[] }).choices[0]!.indicator = 'crossings'), 'indicator_domain_mismatch'],
    ['a band whose bounds cross', (i: Instrument) => ((item(i, 3) as { bands: { max?: number }[] }).bands[0]!.max = 1), 'invalid_band'],
    ['an empty level rule', (i: Instrument) => i.domains[0]!.levelRules.high.push({}), 'empty_level_rule'],
  ])('catches %s', (_name, change, code) => {
    expect(codesOf(change)).toContain(code);
  });

  it('rejects non-finite weights in objects built in code', () => {
    const instrument = tinyInstrument();
    (instrument.items[0] as { choices: { weight: number }[] }).choices[0]!.weight = Number.POSITIVE_INFINITY;
    const result = validateInstrument(instrument);
    expect(result.ok ? [] : result.error.map((p) => p.code)).toContain('invalid_weight');
  });

  it('points at the offending text', () => {
    const problems = problemsOf((i) => delete item(i, 1).label.ar);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'missing_translation', path: ['items', 1, 'label', 'ar'] }));
  });
});
