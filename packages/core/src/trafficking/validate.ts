import { isIsoDate } from './calendar';
import type { TraffickingAssessmentContext, TraffickingAssessmentDates, TraffickingAssessmentInput } from './input';
import type { TraffickingProblem, TraffickingProblemCode } from './problems';
import {
  CONTROL_METHODS,
  EXPLOITATION_TYPES,
  ILO_FORCED_LABOUR_INDICATORS,
  TRAFFICKING_ACTS,
  TRAFFICKING_MEANS,
  TRAFFICKING_PURPOSES,
  TRAFFICKING_STAGES,
  type TraffickingTerm,
} from './vocabulary/index';
import { vocabularyIndex } from './vocabulary/term';

/** A note id, never a sentence: letters, digits, '-', '_' (UUIDs and the like), at most 64. */
const NOTE_ID = /^[A-Za-z0-9_-]{1,64}$/;
const OLDEST_PLAUSIBLE_AGE = 120;
const DATE_ORDER: readonly (keyof TraffickingAssessmentDates)[] = ['firstContact', 'exploitationStart', 'exploitationEnd'];

type Add = (code: TraffickingProblemCode, path: (string | number)[], message: string) => void;

function checkCodes(field: string, codes: readonly string[], terms: readonly TraffickingTerm[], add: Add): void {
  const known = vocabularyIndex(terms);
  const seen = new Set<string>();
  codes.forEach((code, index) => {
    if (!known.has(code)) add('unknown_code', [field, index], `"${code}" is not a known ${field} code`);
    else if (seen.has(code)) add('duplicate_code', [field, index], `"${code}" is given twice`);
    seen.add(code);
  });
}

function checkIndicators(input: TraffickingAssessmentInput, add: Add): void {
  const known = vocabularyIndex(ILO_FORCED_LABOUR_INDICATORS);
  const seen = new Set<string>();
  input.iloIndicators.forEach((indicator, index) => {
    if (!known.has(indicator.code)) add('unknown_code', ['iloIndicators', index, 'code'], `"${indicator.code}" is not an ILO indicator code`);
    if (!NOTE_ID.test(indicator.evidenceNoteId)) {
      add('invalid_note_id', ['iloIndicators', index, 'evidenceNoteId'], 'give the id of the note that holds the evidence, not the evidence itself');
    }
    // The same indicator may rest on several notes; the same pair twice is a slip.
    const key = `${indicator.code}\u0000${indicator.evidenceNoteId}`;
    if (seen.has(key)) add('duplicate_code', ['iloIndicators', index], 'this indicator is given twice with the same note');
    seen.add(key);
  });
}

function checkDates(dates: TraffickingAssessmentDates, context: TraffickingAssessmentContext, add: Add): void {
  let previous: { field: keyof TraffickingAssessmentDates; value: string } | null = null;
  for (const field of DATE_ORDER) {
    const value = dates[field];
    if (value === null) continue;
    if (!isIsoDate(value)) {
      add('invalid_date', ['dates', field], 'not a calendar date (YYYY-MM-DD)');
      continue;
    }
    if (value > context.today) add('date_in_future', ['dates', field], 'this date is in the future');
    const birth = context.dateOfBirth;
    if (birth && isIsoDate(birth) && value < birth) add('date_before_birth', ['dates', field], 'this date is before the person was born');
    if (previous !== null && value < previous.value) {
      add('dates_out_of_order', ['dates', field], `must not be before ${previous.field}`);
    }
    previous = { field, value };
  }
}

function checkContext(context: TraffickingAssessmentContext, add: Add): void {
  const age = context.ageAtAssessment;
  if (age !== null && (!Number.isInteger(age) || age < 0 || age > OLDEST_PLAUSIBLE_AGE)) {
    add('invalid_age', ['ageAtAssessment'], `age must be a whole number from 0 to ${OLDEST_PLAUSIBLE_AGE}`);
  }
  const birth = context.dateOfBirth;
  if (birth !== undefined && birth !== null && (!isIsoDate(birth) || birth > context.today)) {
    add('invalid_date', ['dateOfBirth'], 'not a past calendar date (YYYY-MM-DD)');
  }
}

/**
 * Every rule the shape cannot express, all at once (a form shows them together). The
 * age rules (`child_rule_adult`, `adult_rule_child`) need the age at the acts and are
 * checked where that is worked out.
 */
export function validateAssessmentInput(input: TraffickingAssessmentInput, context: TraffickingAssessmentContext): TraffickingProblem[] {
  const problems: TraffickingProblem[] = [];
  const add: Add = (code, path, message) => problems.push({ code, path, message });
  checkCodes('acts', input.acts, TRAFFICKING_ACTS, add);
  checkCodes('means', input.means, TRAFFICKING_MEANS, add);
  checkCodes('purposes', input.purposes, TRAFFICKING_PURPOSES, add);
  checkCodes('exploitationTypes', input.exploitationTypes, EXPLOITATION_TYPES, add);
  checkCodes('controlMethods', input.controlMethods, CONTROL_METHODS, add);
  checkIndicators(input, add);
  if (input.stageReached !== null && !vocabularyIndex(TRAFFICKING_STAGES).has(input.stageReached)) {
    add('unknown_code', ['stageReached'], `"${input.stageReached}" is not a stage`);
  }
  checkDates(input.dates, context, add);
  checkContext(context, add);
  return problems;
}
