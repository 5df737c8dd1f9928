export { scoreScreening, assessScreening, type Assessment } from './score-screening';
export { subjectFromRegistration, type ScreeningSubject, type HouseholdMember } from './subject';
export { evaluateCondition, type Answer, type Answers } from './evaluate-condition';
export { readResponses } from './read-responses';
export * from './response-problems';
export * from './outcome';
export { compactOutcome, expandOutcome, type StoredOutcome, type StoredSignal } from './stored-outcome';
export * from './withhold';
export * from './split-sensitive';
