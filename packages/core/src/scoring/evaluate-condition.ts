import type { Comparison, Condition } from '../instruments/condition';
import type { ScreeningSubject } from './subject';

/** A checked answer: a choice value, several choice values, a number or an ISO date. */
export type Answer = string | string[] | number;

/** Answers to items that apply to this person; anything else is simply absent. A Map will do. */
export interface Answers {
  get(itemId: string): Answer | undefined;
}

export type Value = Answer | boolean | null | undefined | readonly string[];
export type Test = (value: Value) => boolean;
export type CompiledCondition = (answers: Answers, subject: ScreeningSubject) => boolean;

/** One comparison as a test of a value (an answer or a fact). */
export function comparisonTest(comparison: Comparison): Test {
  if ('equals' in comparison) {
    const expected = comparison.equals;
    return (value) => value === expected;
  }
  if ('in' in comparison) {
    const allowed = new Set<unknown>(comparison.in);
    return (value) => !Array.isArray(value) && allowed.has(value);
  }
  if ('includes' in comparison) {
    const wanted = comparison.includes;
    return (value) => Array.isArray(value) && value.includes(wanted);
  }
  if ('lt' in comparison) {
    const bound = comparison.lt;
    return (value) => typeof value === 'number' && value < bound;
  }
  const bound = comparison.gte;
  return (value) => typeof value === 'number' && value >= bound;
}

function compile(condition: Condition): CompiledCondition {
  // Plain loops: these run for every item of every person, and a callback per call adds up.
  if ('all' in condition) {
    const parts = condition.all.map(compile);
    return (answers, subject) => {
      for (const part of parts) if (!part(answers, subject)) return false;
      return true;
    };
  }
  if ('any' in condition) {
    const parts = condition.any.map(compile);
    return (answers, subject) => {
      for (const part of parts) if (part(answers, subject)) return true;
      return false;
    };
  }
  if ('not' in condition) {
    const inner = compile(condition.not);
    return (answers, subject) => !inner(answers, subject);
  }
  const check = comparisonTest(condition);
  if ('item' in condition) {
    const item = condition.item;
    return (answers) => check(answers.get(item));
  }
  const fact = condition.fact;
  return (_answers, subject) => check(subject[fact]);
}

// Conditions are immutable instrument data evaluated for every person of a population,
// so each is turned into closures once.
const compiled = new WeakMap<Condition, CompiledCondition>();

/** The condition as a function, built once per condition object. */
export function compileCondition(condition: Condition): CompiledCondition {
  let run = compiled.get(condition);
  if (!run) {
    run = compile(condition);
    compiled.set(condition, run);
  }
  return run;
}

/** Unknown facts and unanswered items satisfy no comparison (only `not` of one). */
export function evaluateCondition(condition: Condition, answers: Answers, subject: ScreeningSubject): boolean {
  return compileCondition(condition)(answers, subject);
}
