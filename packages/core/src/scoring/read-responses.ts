import { referencedItems } from '../instruments/condition';
import type { Instrument } from '../instruments/instrument';
import { err, ok, type Result } from '../result';
import { evaluateCondition, type Answer, type Answers } from './evaluate-condition';
import { indexOf } from './instrument-index';
import { normaliseAnswer } from './normalise-answer';
import { responseProblem, type ResponseProblem, type ResponseValue } from './response-problems';
import type { ScreeningSubject } from './subject';

const NO_CHOICES: ReadonlySet<string> = new Set();

/**
 * Checks every response and keeps only answers to items that apply. An answer to a
 * hidden item is rejected, not ignored, so a hidden answer can never count.
 * Items are read in order because show-if rules only look back.
 */
export function readResponses(
  instrument: Instrument,
  responses: Readonly<Record<string, ResponseValue>>,
  subject: ScreeningSubject,
): Result<Answers, ResponseProblem[]> {
  const problems: ResponseProblem[] = [];
  const index = indexOf(instrument);
  for (const itemId of Object.keys(responses)) {
    if (!index.items.has(itemId)) problems.push(responseProblem('unknown_item', itemId, 'no such item in this instrument'));
  }

  const answers = new Map<string, Answer>();
  const malformed = new Set<string>();
  for (const item of instrument.items) {
    const raw = responses[item.id];
    if (raw === undefined || raw === null) continue;
    const normalised = normaliseAnswer(item, raw, index.choiceValues.get(item.id) ?? NO_CHOICES);
    if ('problems' in normalised) {
      problems.push(...normalised.problems);
      malformed.add(item.id);
      continue;
    }
    if (item.showIf && !evaluateCondition(item.showIf, answers, subject)) {
      // When the item it depends on was malformed, that problem already says what to fix.
      if (!referencedItems(item.showIf).some((id) => malformed.has(id))) {
        problems.push(responseProblem('not_applicable', item.id, 'this question does not apply to this person'));
      }
      continue;
    }
    answers.set(item.id, normalised.answer);
  }
  return problems.length > 0 ? err(problems) : ok(answers);
}
