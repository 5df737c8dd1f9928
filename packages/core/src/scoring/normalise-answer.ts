import {
  PREFER_NOT_TO_ANSWER,
  type ChoiceItem,
  type DateItem,
  type Item,
  type NumberItem,
} from '../instruments/instrument';
import type { Answer } from './evaluate-condition';
import { isIsoDate } from './iso-date';
import { responseProblem, type ResponseProblem, type ResponseValue } from './response-problems';

type Normalised = { answer: Answer } | { problems: ResponseProblem[] };

function single(problem: ResponseProblem): Normalised {
  return { problems: [problem] };
}

function normaliseChoice(item: ChoiceItem, raw: ResponseValue, values: ReadonlySet<string>): Normalised {
  const isChoice = (value: string) => value === PREFER_NOT_TO_ANSWER || values.has(value);
  if (item.type === 'yes_no' && typeof raw === 'boolean') return { answer: raw ? 'yes' : 'no' };
  if (item.type !== 'multiple_choice') {
    if (typeof raw !== 'string') return single(responseProblem('wrong_type', item.id, 'expected one choice'));
    if (!isChoice(raw)) return single(responseProblem('not_a_choice', item.id, `"${raw}" is not a choice`));
    return { answer: raw };
  }
  if (raw === PREFER_NOT_TO_ANSWER) return { answer: raw };
  if (!Array.isArray(raw)) return single(responseProblem('wrong_type', item.id, 'expected a list of choices'));
  if (raw.length === 1 && raw[0] === PREFER_NOT_TO_ANSWER) return { answer: PREFER_NOT_TO_ANSWER };
  const problems: ResponseProblem[] = [];
  raw.forEach((value: unknown, index) => {
    if (typeof value !== 'string') problems.push(responseProblem('wrong_type', item.id, 'expected a choice', index));
    else if (!values.has(value)) {
      problems.push(responseProblem('not_a_choice', item.id, `"${value}" is not a choice here`, index));
    }
  });
  return problems.length > 0 ? { problems } : { answer: [...new Set(raw)] };
}

function normaliseNumber(item: NumberItem, raw: ResponseValue): Normalised {
  if (raw === PREFER_NOT_TO_ANSWER) return { answer: raw };
  if (typeof raw !== 'number' || !Number.isFinite(raw) || (item.integer && !Number.isInteger(raw))) {
    return single(responseProblem('wrong_type', item.id, item.integer ? 'expected a whole number' : 'expected a number'));
  }
  if ((item.min !== undefined && raw < item.min) || (item.max !== undefined && raw > item.max)) {
    return single(responseProblem('out_of_range', item.id, `expected ${item.min ?? '…'} to ${item.max ?? '…'}`));
  }
  return { answer: raw };
}

function normaliseDate(item: DateItem, raw: ResponseValue): Normalised {
  if (raw === PREFER_NOT_TO_ANSWER) return { answer: raw };
  if (typeof raw !== 'string') return single(responseProblem('wrong_type', item.id, 'expected a date'));
  if (!isIsoDate(raw)) return single(responseProblem('invalid_date', item.id, 'expected a real date as YYYY-MM-DD'));
  if ((item.min !== undefined && raw < item.min) || (item.max !== undefined && raw > item.max)) {
    return single(responseProblem('out_of_range', item.id, `expected ${item.min ?? '…'} to ${item.max ?? '…'}`));
  }
  return { answer: raw };
}

/** Booleans become 'yes'/'no'; a repeated choice counts once; anything else malformed is a problem. */
export function normaliseAnswer(item: Item, raw: ResponseValue, choiceValues: ReadonlySet<string>): Normalised {
  if (item.type === 'number') return normaliseNumber(item, raw);
  if (item.type === 'date') return normaliseDate(item, raw);
  return normaliseChoice(item, raw, choiceValues);
}
