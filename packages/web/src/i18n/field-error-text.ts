import type { FieldProblem } from '@waymark/contracts';
import type { TFunction } from 'i18next';
import { fieldErrorKey } from './keys';

// A year is said as a year: never "1,880".
const plain = (value: number) => String(value);

/**
 * What is wrong with one field, in the reader's language. A problem that carries the bound
 * it broke says it ("At most 200 characters.", "Born 1880 or later."); one without, its code's
 * general text.
 */
export function fieldErrorText(t: TFunction, problem: Pick<FieldProblem, 'path' | 'code' | 'limit'>): string {
  const limit = problem.limit;
  if (limit === undefined) return t(fieldErrorKey(problem.code));
  const most = limit.bound === 'maximum';
  switch (limit.of) {
    case 'characters':
      return t(most ? 'fieldError.limit.maxCharacters' : 'fieldError.limit.minCharacters', { count: limit.value });
    case 'items':
      return t(most ? 'fieldError.limit.maxItems' : 'fieldError.limit.minItems', { count: limit.value });
    case 'value':
      // A birth year's bound reads as a birth: "born 1880 or later".
      if (/(^|\/)birthYear$/.test(problem.path) && limit.inclusive) return t(most ? 'fieldError.limit.bornUntil' : 'fieldError.limit.bornFrom', { limit: plain(limit.value) });
      if (!limit.inclusive) return t(most ? 'fieldError.limit.below' : 'fieldError.limit.above', { limit: plain(limit.value) });
      return t(most ? 'fieldError.limit.maxValue' : 'fieldError.limit.minValue', { limit: plain(limit.value) });
  }
}
