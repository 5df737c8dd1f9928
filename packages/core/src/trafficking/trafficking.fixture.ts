import type { TraffickingAssessmentContext, TraffickingAssessmentInput } from './input';

export const TODAY = '2026-06-15';

/** An assessment with nothing recorded; tests add what they need. */
export function blankInput(overrides: Partial<TraffickingAssessmentInput> = {}): TraffickingAssessmentInput {
  return {
    acts: [],
    means: [],
    purposes: [],
    iloIndicators: [],
    stageReached: null,
    exploitationTypes: [],
    controlMethods: [],
    dates: { firstContact: null, exploitationStart: null, exploitationEnd: null },
    underEighteenAtActs: null,
    ...overrides,
  };
}

export function agedContext(ageAtAssessment: number | null, extra: Partial<TraffickingAssessmentContext> = {}): TraffickingAssessmentContext {
  return { today: TODAY, ageAtAssessment, ...extra };
}
