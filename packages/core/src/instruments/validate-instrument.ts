import type { z } from 'zod';
import { err, ok, type Result } from '../result';
import { checkAnswers } from './checks/answers';
import { checkConditions } from './checks/conditions';
import { checkIdentity } from './checks/identity';
import { checkTranslations } from './checks/translations';
import type { Instrument } from './instrument';
import { problem, type InstrumentProblem } from './problems';
import { InstrumentSchema } from './schema';

function fromShapeIssue(issue: z.core.$ZodIssue): InstrumentProblem {
  const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
  const last = path[path.length - 1];
  // Two shape failures the brief names get their own codes so authors can find them.
  if (last === 'weight') return problem('invalid_weight', path, 'a weight must be a finite number ≥ 0');
  if (last === 'choices' && issue.code === 'invalid_type') {
    return problem('missing_choices', path, 'a choice item needs choices');
  }
  return problem('invalid_shape', path, issue.message);
}

/** Shape first; the cross-checks need a well-formed instrument to walk. */
export function validateInstrument(json: unknown): Result<Instrument, InstrumentProblem[]> {
  const parsed = InstrumentSchema.safeParse(json);
  if (!parsed.success) return err(parsed.error.issues.map(fromShapeIssue));
  const instrument = parsed.data;
  const problems = [
    ...checkIdentity(instrument),
    ...checkAnswers(instrument),
    ...checkConditions(instrument),
    ...checkTranslations(instrument),
  ];
  return problems.length > 0 ? err(problems) : ok(instrument);
}
