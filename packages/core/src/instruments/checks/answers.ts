import { PREFER_NOT_TO_ANSWER, type Instrument, type RiskMarking } from '../instrument';
import { problem, type InstrumentProblem, type ProblemPath } from '../problems';

function checkMarking(marking: RiskMarking, path: ProblemPath): InstrumentProblem[] {
  if (!Number.isFinite(marking.weight) || marking.weight < 0) {
    // Negative weights would let an answer lower a score, which the design forbids.
    return [problem('invalid_weight', [...path, 'weight'], 'a weight must be a finite number ≥ 0')];
  }
  if (marking.weight > 0 && (!marking.strength || !marking.indicator || !marking.why)) {
    return [problem('missing_risk_detail', path, 'a risk answer needs strength, indicator and why')];
  }
  return [];
}

/** ISO dates compare correctly as strings, so one check serves numbers and dates. */
function checkBounds<T extends number | string>(lower: T | undefined, upper: T | undefined, path: ProblemPath) {
  if (lower !== undefined && upper !== undefined && lower > upper) {
    return [problem('invalid_band', path, 'the lower bound is above the upper bound')];
  }
  return [];
}

/** Choices, bands and weights make sense for each item's type. */
export function checkAnswers(instrument: Instrument): InstrumentProblem[] {
  const found: InstrumentProblem[] = [];
  instrument.items.forEach((item, i) => {
    const at: ProblemPath = ['items', i];
    if (item.type === 'number') {
      item.bands.forEach((band, b) => {
        found.push(...checkMarking(band, [...at, 'bands', b]), ...checkBounds(band.min, band.max, [...at, 'bands', b]));
      });
      found.push(...checkBounds(item.min, item.max, at));
      return;
    }
    if (item.type === 'date') {
      item.bands.forEach((band, b) => {
        found.push(...checkMarking(band, [...at, 'bands', b]), ...checkBounds(band.from, band.to, [...at, 'bands', b]));
      });
      found.push(...checkBounds(item.min, item.max, at));
      return;
    }
    if (item.choices.length === 0) {
      found.push(problem('missing_choices', [...at, 'choices'], 'a choice item needs choices'));
    }
    const seen = new Set<string>();
    item.choices.forEach((choice, c) => {
      const path: ProblemPath = [...at, 'choices', c];
      if (seen.has(choice.value)) {
        found.push(problem('duplicate_choice_value', [...path, 'value'], `"${choice.value}" appears twice`));
      }
      seen.add(choice.value);
      if (choice.value === PREFER_NOT_TO_ANSWER) {
        found.push(problem('reserved_choice_value', [...path, 'value'], `"${PREFER_NOT_TO_ANSWER}" is always allowed and never listed`));
      }
      found.push(...checkMarking(choice, path));
    });
    if (item.type === 'yes_no') {
      const values = item.choices.map((c) => c.value).sort();
      if (values.length !== 2 || values[0] !== 'no' || values[1] !== 'yes') {
        found.push(problem('invalid_yes_no_choices', [...at, 'choices'], 'a yes/no item has exactly "yes" and "no"'));
      }
    }
  });
  instrument.derivedIndicators.forEach((derived, i) => {
    found.push(...checkMarking(derived, ['derivedIndicators', i]));
  });
  instrument.domains.forEach((domain, d) => {
    for (const level of ['high', 'medium'] as const) {
      domain.levelRules[level].forEach((rule, r) => {
        if (Object.keys(rule).length === 0) {
          found.push(problem('empty_level_rule', ['domains', d, 'levelRules', level, r], 'an empty rule always holds'));
        }
      });
    }
  });
  return found;
}
