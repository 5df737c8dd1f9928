export * from './vocabulary/index';
export * from './input';
export * from './problems';
export * from './outcome';
export type { AgeAtActs, TraffickingAgeBasis } from './age-at-acts';
export { validateAssessmentInput } from './validate';
export { ILO_INDICATOR_THRESHOLD, assessTrafficking } from './assess';
