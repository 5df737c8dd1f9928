export * from './fields';
export * from './rule';
export { validateRule, type RuleProblem } from './validate-rule';
export { matchesRule } from './evaluate-rule';
