import { err, ok, type Result } from '../result';
import { ageAtActs } from './age-at-acts';
import type { TraffickingAssessmentContext, TraffickingAssessmentInput } from './input';
import type { ElementFinding, ElementSource, IndicatorFinding, TraffickingAssessment, TraffickingOutcome } from './outcome';
import type { TraffickingProblem } from './problems';
import { explainAssessment } from './reasons';
import { requiredActionsFor } from './required-actions';
import { validateAssessmentInput } from './validate';
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

/**
 * Distinct ILO indicators that make a person "at risk" on their own. A screening
 * heuristic (see README): the ILO says one indicator may suffice in some cases and
 * several are needed in others; two independent signs keep a single ambiguous one
 * (long hours, poor housing) from flagging on its own.
 */
export const ILO_INDICATOR_THRESHOLD = 2;

const AGE_INPUTS: ReadonlySet<string | number> = new Set(['dates', 'dateOfBirth', 'ageAtAssessment']);
const VIA_ORDER = ['recorded', 'control_method', 'ilo_indicator', 'exploitation_type'] as const;

/** Vocabulary order, so the result never depends on the order the input came in. */
function inVocabularyOrder<C extends string>(terms: readonly TraffickingTerm<C>[], codes: readonly string[]): C[] {
  const wanted = new Set(codes);
  return terms.filter((t) => wanted.has(t.code)).map((t) => t.code);
}

function finding<C extends string>(terms: readonly TraffickingTerm<C>[], sources: ElementSource<C>[], required: boolean): ElementFinding<C> {
  const rank = (s: ElementSource<C>) => [terms.findIndex((t) => t.code === s.code), VIA_ORDER.indexOf(s.via)] as const;
  const unique = new Map(sources.map((s) => [`${s.code}|${s.via}|${s.from ?? ''}`, s]));
  const found = [...unique.values()].sort((a, b) => {
    const [ca, va] = rank(a);
    const [cb, vb] = rank(b);
    return ca - cb || va - vb || (a.from ?? '').localeCompare(b.from ?? '');
  });
  return { required, present: found.length > 0, found };
}

function observedIndicators(input: TraffickingAssessmentInput): IndicatorFinding[] {
  return ILO_FORCED_LABOUR_INDICATORS.flatMap((term) => {
    const notes = input.iloIndicators.filter((i) => i.code === term.code).map((i) => i.evidenceNoteId);
    return notes.length === 0 ? [] : [{ code: term.code, evidenceNoteIds: [...new Set(notes)].sort() }];
  });
}

function decide(elements: TraffickingAssessment['elements'], indicatorCount: number): TraffickingOutcome {
  const all = [elements.act, elements.means, elements.purpose];
  if (all.every((e) => e.present || !e.required)) return 'presumed_victim';
  if (all.some((e) => e.present) || indicatorCount >= ILO_INDICATOR_THRESHOLD) return 'at_risk';
  return 'not_indicated';
}

/**
 * Screens the UN Protocol elements (act, means, purpose) with the child rule, the ILO
 * forced-labour indicators and the HTCDS exploitation types and methods of control.
 * `presumed_victim` opens protection and a referral offer; it is not a legal finding.
 */
export function assessTrafficking(
  input: TraffickingAssessmentInput,
  context: TraffickingAssessmentContext,
): Result<TraffickingAssessment, TraffickingProblem[]> {
  const problems = validateAssessmentInput(input, context);
  // The age at the acts rests on the dates and the age: judged only when those are sound.
  if (problems.some((p) => AGE_INPUTS.has(p.path[0] ?? ''))) return err(problems);
  const { age, problems: ageProblems } = ageAtActs(input, context);
  if (problems.length + ageProblems.length > 0) return err([...problems, ...ageProblems]);

  const controlMethods = inVocabularyOrder(CONTROL_METHODS, input.controlMethods);
  const exploitationTypes = inVocabularyOrder(EXPLOITATION_TYPES, input.exploitationTypes);
  const indicators = observedIndicators(input);

  const act = finding(
    TRAFFICKING_ACTS,
    inVocabularyOrder(TRAFFICKING_ACTS, input.acts).map((code) => ({ code, via: 'recorded' as const, from: null })),
    true,
  );
  const means = finding(
    TRAFFICKING_MEANS,
    [
      ...inVocabularyOrder(TRAFFICKING_MEANS, input.means).map((code) => ({ code, via: 'recorded' as const, from: null })),
      ...CONTROL_METHODS.flatMap((m) =>
        m.means !== null && controlMethods.includes(m.code) ? [{ code: m.means, via: 'control_method' as const, from: m.code }] : [],
      ),
      ...ILO_FORCED_LABOUR_INDICATORS.flatMap((i) =>
        i.means !== null && indicators.some((o) => o.code === i.code) ? [{ code: i.means, via: 'ilo_indicator' as const, from: i.code }] : [],
      ),
    ],
    !age.childRuleApplies,
  );
  const purpose = finding(
    TRAFFICKING_PURPOSES,
    [
      ...inVocabularyOrder(TRAFFICKING_PURPOSES, input.purposes).map((code) => ({ code, via: 'recorded' as const, from: null })),
      ...EXPLOITATION_TYPES.filter((t) => exploitationTypes.includes(t.code)).map((t) => ({
        code: t.purpose,
        via: 'exploitation_type' as const,
        from: t.code,
      })),
    ],
    true,
  );

  const elements = { act, means, purpose };
  const outcome = decide(elements, indicators.length);
  const stageReached = TRAFFICKING_STAGES.find((s) => s.code === input.stageReached)?.code ?? null;
  const assessment: TraffickingAssessment = {
    outcome,
    age,
    elements,
    iloIndicators: { threshold: ILO_INDICATOR_THRESHOLD, observed: indicators },
    stageReached,
    exploitationTypes,
    controlMethods,
    reasons: [],
    requiredActions: requiredActionsFor(outcome, age.childRuleApplies),
  };
  return ok({ ...assessment, reasons: explainAssessment(assessment) });
}
