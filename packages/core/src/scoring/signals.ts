import type { SubjectFact } from '../instruments/condition';
import { PREFER_NOT_TO_ANSWER, type Instrument, type Item, type RiskMarking } from '../instruments/instrument';
import type { Answer, Answers } from './evaluate-condition';
import { evaluateCondition } from './evaluate-condition';
import { indexOf } from './instrument-index';
import type { FactValue, Signal } from './outcome';
import type { ScreeningSubject } from './subject';

// Registration rules read facts only (validation makes sure), so they see no answers.
const NO_ANSWERS: Answers = { get: () => undefined };

function addTo(byDomain: Map<string, Signal[]>, domain: string, signal: Signal): void {
  const signals = byDomain.get(domain);
  if (signals) signals.push(signal);
  else byDomain.set(domain, [signal]);
}

interface Hit {
  marking: RiskMarking;
  answer: string | number;
}

/** The markings an answer hits: each chosen choice, or the bands a number or date falls in. */
function markingsHit(item: Item, answer: Answer): Hit[] {
  if (item.type === 'number') {
    if (typeof answer !== 'number') return [];
    return item.bands
      .filter((b) => (b.min === undefined || answer >= b.min) && (b.max === undefined || answer <= b.max))
      .map((marking) => ({ marking, answer }));
  }
  if (item.type === 'date') {
    if (typeof answer !== 'string') return [];
    return item.bands
      .filter((b) => (b.from === undefined || answer >= b.from) && (b.to === undefined || answer <= b.to))
      .map((marking) => ({ marking, answer }));
  }
  const chosen = Array.isArray(answer) ? answer : [answer];
  return item.choices
    .filter((choice) => chosen.includes(choice.value))
    .map((choice) => ({ marking: choice, answer: choice.value }));
}

/** Signals from answers, grouped by domain, in item order. "Prefer not to answer" gives none. */
export function responseSignals(instrument: Instrument, answers: Answers): Map<string, Signal[]> {
  const byDomain = new Map<string, Signal[]>();
  for (const item of instrument.items) {
    const answer = answers.get(item.id);
    if (answer === undefined || answer === PREFER_NOT_TO_ANSWER) continue;
    for (const hit of markingsHit(item, answer)) {
      const { weight, strength, indicator, why } = hit.marking;
      if (weight <= 0 || !strength || !indicator || !why) continue;
      const signal: Signal = {
        source: 'response',
        itemId: item.id,
        answer: hit.answer,
        indicator,
        strength,
        weight,
        why,
      };
      addTo(byDomain, item.domain, signal);
    }
  }
  return byDomain;
}

function factValue(subject: ScreeningSubject, fact: SubjectFact): FactValue {
  const value = subject[fact];
  return Array.isArray(value) ? [...value] : value;
}

/** Signals the registration record gives without asking, grouped by domain. */
export function registrationSignals(instrument: Instrument, subject: ScreeningSubject): Map<string, Signal[]> {
  const { indicators } = indexOf(instrument);
  const byDomain = new Map<string, Signal[]>();
  for (const derived of instrument.derivedIndicators) {
    const domain = indicators.get(derived.indicator)?.domain;
    if (!domain || derived.weight <= 0 || !evaluateCondition(derived.when, NO_ANSWERS, subject)) continue;
    const signal: Signal = {
      source: 'registration',
      fact: derived.fact,
      answer: factValue(subject, derived.fact),
      indicator: derived.indicator,
      strength: derived.strength,
      weight: derived.weight,
      why: derived.why,
    };
    addTo(byDomain, domain, signal);
  }
  return byDomain;
}
