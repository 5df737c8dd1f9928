import { describe, expect, it } from 'vitest';
import { tinyInstrument } from '../instruments/fixture';
import { heightenedRiskV1 } from '../instruments/heightened-risk/v1';
import { readResponses } from './read-responses';
import type { ResponseValue } from './response-problems';
import { adultSubject, childSubject } from './subject.fixture';

function problems(responses: Record<string, ResponseValue>, instrument = tinyInstrument(), subject = adultSubject()) {
  const result = readResponses(instrument, responses, subject);
  return result.ok ? [] : result.error.map(({ code, path }) => ({ code, path }));
}

describe('readResponses', () => {
  it('normalises valid answers: booleans to yes/no, a repeated choice once, null as unanswered', () => {
    const result = readResponses(
      tinyInstrument(),
      { owes: true, how_much: 'lot', hardships: ['rent', 'rent'], crossings: 4, left_on: null },
      adultSubject(),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const read = ['owes', 'how_much', 'hardships', 'crossings', 'left_on'].map((id) => result.value.get(id));
    expect(read).toEqual(['yes', 'lot', ['rent'], 4, undefined]);
  });

  it('reports an unknown item even when its value is null', () => {
    expect(problems({ ghost: null })).toEqual([{ code: 'unknown_item', path: ['responses', 'ghost'] }]);
  });

  it.each([
    ['an unknown item', { ghost: 'yes' }, 'unknown_item', ['responses', 'ghost']],
    ['a value that is no choice', { owes: 'maybe' }, 'not_a_choice', ['responses', 'owes']],
    ['a multiple-choice value that is no choice', { hardships: ['rent', 'boat'] }, 'not_a_choice', ['responses', 'hardships', 1]],
    ['prefer-not-to-answer mixed with choices', { hardships: ['rent', 'prefer_not_to_answer'] }, 'not_a_choice', ['responses', 'hardships', 1]],
    ['a number for a choice', { owes: 1 }, 'wrong_type', ['responses', 'owes']],
    ['one choice for a multiple-choice item', { hardships: 'rent' }, 'wrong_type', ['responses', 'hardships']],
    ['a fraction for a whole number', { crossings: 2.5 }, 'wrong_type', ['responses', 'crossings']],
    ['text for a number', { crossings: '3' }, 'wrong_type', ['responses', 'crossings']],
    ['a number out of range', { crossings: 21 }, 'out_of_range', ['responses', 'crossings']],
    ['a date out of range', { left_on: '1900-01-01' }, 'out_of_range', ['responses', 'left_on']],
    ['a date that does not exist', { left_on: '2023-02-29' }, 'invalid_date', ['responses', 'left_on']],
    ['a date in another format', { left_on: '01/02/2020' }, 'invalid_date', ['responses', 'left_on']],
    ['an answer to a hidden question', { owes: 'no', how_much: 'lot' }, 'not_applicable', ['responses', 'how_much']],
    ['an answer whose parent was not answered', { how_much: 'lot' }, 'not_applicable', ['responses', 'how_much']],
  ] as const)('rejects %s', (_name, responses, code, path) => {
    expect(problems(responses as Record<string, ResponseValue>)).toContainEqual({ code, path });
  });

  it('does not pile a not_applicable on top of a malformed parent', () => {
    expect(problems({ owes: 'maybe', how_much: 'lot' })).toEqual([{ code: 'not_a_choice', path: ['responses', 'owes'] }]);
  });

  it('accepts prefer-not-to-answer everywhere', () => {
    const all = Object.fromEntries(tinyInstrument().items.filter((i) => !i.showIf).map((i) => [i.id, 'prefer_not_to_answer']));
    expect(problems(all)).toEqual([]);
    expect(problems({ hardships: ['prefer_not_to_answer'] })).toEqual([]);
  });

  it('rejects children’s questions about an adult and adult questions about a young child', () => {
    expect(problems({ cr_in_school: 'yes' }, heightenedRiskV1, adultSubject())).toEqual([{ code: 'not_applicable', path: ['responses', 'cr_in_school'] }]);
    expect(problems({ cr_in_school: 'yes' }, heightenedRiskV1, childSubject())).toEqual([]);
    expect(problems({ es_works_informally: 'no' }, heightenedRiskV1, childSubject({ ageYears: 6 }))).toEqual([
      { code: 'not_applicable', path: ['responses', 'es_works_informally'] },
    ]);
  });
});
