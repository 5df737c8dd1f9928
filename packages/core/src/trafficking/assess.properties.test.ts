import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessTrafficking } from './assess';
import type { TraffickingAssessmentContext, TraffickingAssessmentInput } from './input';
import { outcomeRank, type TraffickingAssessment } from './outcome';
import { agedContext, blankInput } from './trafficking.fixture';
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

const codes = (terms: readonly TraffickingTerm[]) => fc.subarray(terms.map((t) => t.code));

/** Evidence: any mix of elements, indicators (on a few notes), methods and exploitation. */
const evidence = fc.record({
  acts: codes(TRAFFICKING_ACTS),
  means: codes(TRAFFICKING_MEANS),
  purposes: codes(TRAFFICKING_PURPOSES),
  exploitationTypes: codes(EXPLOITATION_TYPES),
  controlMethods: codes(CONTROL_METHODS),
  iloIndicators: fc.uniqueArray(
    fc.record({ code: fc.constantFrom(...ILO_FORCED_LABOUR_INDICATORS.map((t) => t.code)), evidenceNoteId: fc.constantFrom('n1', 'n2', 'n3') }),
    { selector: (i) => `${i.code}/${i.evidenceNoteId}`, maxLength: 12 },
  ),
});

const person = fc.record({
  age: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
  firstContact: fc.option(fc.constantFrom('2019-03-02', '2024-12-15', '2026-06-01'), { nil: null }),
  stage: fc.option(fc.constantFrom(...TRAFFICKING_STAGES.map((t) => t.code)), { nil: null }),
});

type Evidence = Pick<TraffickingAssessmentInput, 'acts' | 'means' | 'purposes' | 'exploitationTypes' | 'controlMethods' | 'iloIndicators'>;
type Person = { age: number | null; firstContact: string | null; stage: string | null };

function build(e: Evidence, p: Person): [TraffickingAssessmentInput, TraffickingAssessmentContext] {
  return [
    blankInput({ ...e, stageReached: p.stage, dates: { firstContact: p.firstContact, exploitationStart: null, exploitationEnd: null } }),
    agedContext(p.age),
  ];
}

function run(e: Evidence, p: Person): TraffickingAssessment {
  const result = assessTrafficking(...build(e, p));
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

describe('assessTrafficking properties', () => {
  it('adding evidence never lowers the outcome', () => {
    fc.assert(
      fc.property(evidence, evidence, person, (base, extra, p) => {
        const more: Evidence = {
          acts: union(base.acts, extra.acts),
          means: union(base.means, extra.means),
          purposes: union(base.purposes, extra.purposes),
          exploitationTypes: union(base.exploitationTypes, extra.exploitationTypes),
          controlMethods: union(base.controlMethods, extra.controlMethods),
          iloIndicators: [
            ...base.iloIndicators,
            ...extra.iloIndicators.filter((x) => !base.iloIndicators.some((b) => b.code === x.code && b.evidenceNoteId === x.evidenceNoteId)),
          ],
        };
        expect(outcomeRank(run(more, p).outcome)).toBeGreaterThanOrEqual(outcomeRank(run(base, p).outcome));
      }),
      { numRuns: 300 },
    );
  });

  it('the result never depends on the order of the inputs', () => {
    const shuffled = evidence.chain((e) =>
      fc
        .record({
          acts: fc.shuffledSubarray(e.acts, { minLength: e.acts.length }),
          means: fc.shuffledSubarray(e.means, { minLength: e.means.length }),
          purposes: fc.shuffledSubarray(e.purposes, { minLength: e.purposes.length }),
          exploitationTypes: fc.shuffledSubarray(e.exploitationTypes, { minLength: e.exploitationTypes.length }),
          controlMethods: fc.shuffledSubarray(e.controlMethods, { minLength: e.controlMethods.length }),
          iloIndicators: fc.shuffledSubarray(e.iloIndicators, { minLength: e.iloIndicators.length }),
        })
        .map((s) => [e, s] as const),
    );
    fc.assert(
      fc.property(shuffled, person, ([e, s], p) => {
        expect(run(s, p)).toEqual(run(e, p));
      }),
      { numRuns: 300 },
    );
  });

  it('a presumed victim always has the two required actions, and nothing else does', () => {
    fc.assert(
      fc.property(evidence, person, (e, p) => {
        const a = run(e, p);
        expect(a.requiredActions.length).toBe(a.outcome === 'presumed_victim' ? 2 : 0);
      }),
      { numRuns: 200 },
    );
  });
});
