import { PREFER_NOT_TO_ANSWER, type Instrument } from '../instruments/instrument';
import type { Answers } from './evaluate-condition';
import type { FollowUp } from './outcome';

/** A skipped sensitive question becomes a task to return to, never a guessed answer. */
export function followUps(instrument: Instrument, answers: Answers): FollowUp[] {
  return instrument.items
    .filter(
      (item) =>
        answers.get(item.id) === PREFER_NOT_TO_ANSWER &&
        (item.sensitivity !== 'personal' || item.onPreferNotToAnswer === 'follow_up'),
    )
    .map((item) => ({ itemId: item.id, domain: item.domain, reason: 'prefer_not_to_answer' }));
}
