import type { Instrument } from '../instruments/instrument';
import { err, ok, type Result } from '../result';
import { recommendActions } from './actions';
import { evaluateCondition } from './evaluate-condition';
import { explain } from './explain';
import { followUps } from './follow-ups';
import { compound, domainLevel } from './levels';
import type { DomainOutcome, ScreeningOutcome, TriggeredOverride } from './outcome';
import { readResponses } from './read-responses';
import type { ResponseProblem, ResponseValue } from './response-problems';
import { registrationSignals, responseSignals } from './signals';
import type { ScreeningSubject } from './subject';

/**
 * Responses and registration facts -> signals -> domain levels -> overall level,
 * actions, follow-ups and a plain-words explanation. Pure and clock-free: anything
 * that depends on today (ages, years since arrival) is already in the subject.
 */
export function scoreScreening(
  instrument: Instrument,
  responses: Readonly<Record<string, ResponseValue>>,
  subject: ScreeningSubject,
): Result<ScreeningOutcome, ResponseProblem[]> {
  const assessed = assessScreening(instrument, responses, subject);
  if (!assessed.ok) return assessed;
  return ok({ ...assessed.value, explanation: explain(instrument, assessed.value) });
}

/** An outcome without its plain-words explanation: what bulk jobs store (see stored-outcome.ts). */
export type Assessment = Omit<ScreeningOutcome, 'explanation'>;

/** Every decision of a screening, without writing the explanation out in each language. */
export function assessScreening(
  instrument: Instrument,
  responses: Readonly<Record<string, ResponseValue>>,
  subject: ScreeningSubject,
): Result<Assessment, ResponseProblem[]> {
  const read = readResponses(instrument, responses, subject);
  if (!read.ok) return err(read.error);
  const answers = read.value;

  const fromAnswers = responseSignals(instrument, answers);
  const fromRecord = registrationSignals(instrument, subject);
  const domains: DomainOutcome[] = instrument.domains.map((domain) => {
    // Registration signals first: they are known before anything is asked.
    const signals = [...(fromRecord.get(domain.id) ?? []), ...(fromAnswers.get(domain.id) ?? [])];
    return { domain: domain.id, ...domainLevel(domain.levelRules, signals), signals };
  });

  const compounding = compound(
    domains.map((d) => d.level),
    instrument.compounding,
  );
  const overrides: TriggeredOverride[] = instrument.overrides
    .filter((override) => evaluateCondition(override.when, answers, subject))
    .map(({ id, why, actions }) => ({ id, why, actions }));

  const assessed = {
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    ruleVersion: instrument.ruleVersion,
    riskLevel: overrides.length > 0 ? ('critical' as const) : compounding.levelAfter,
    domains,
    overrides,
    compounding,
    recommendedActions: recommendActions(instrument, domains, overrides),
    followUps: followUps(instrument, answers),
  };
  return ok(assessed);
}
