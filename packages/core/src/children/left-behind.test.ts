import { describe, expect, it } from 'vitest';
import type { CareArrangement } from './care-arrangements';
import { checkBidDecision, type BidDecisionInput } from './check-bid';
import { canCompleteSolutionStep, childrenLeftBehind, type LeftBehindInput, type RecordedBidDecision } from './left-behind';

// A family being resettled: Amal (mother, principal applicant) and Karim (father) with
// their two children on the case, and Amal's niece Rana, fostered informally since her
// parents went missing. Rana was never added to the case: the seed's left-behind child.
const family = { amal: 'p-amal', karim: 'p-karim', son: 'p-son', daughter: 'p-daughter', niece: 'p-rana' };
const arrangements: CareArrangement[] = [
  { id: 'ca-son', childId: family.son, type: 'with_parents', carer: { kind: 'person', personId: family.amal }, startDate: '2016-04-02', endDate: null },
  { id: 'ca-daughter', childId: family.daughter, type: 'with_parents', carer: { kind: 'person', personId: family.amal }, startDate: '2019-09-12', endDate: null },
  { id: 'ca-rana-1', childId: family.niece, type: 'group_home', carer: { kind: 'carer_record', carerId: 'home-3' }, startDate: '2023-01-10', endDate: '2023-05-01' },
  { id: 'ca-rana-2', childId: family.niece, type: 'kinship', carer: { kind: 'person', personId: family.amal }, startDate: '2023-05-01', endDate: null },
  // A neighbour's child Karim looked after for a month last year: not in his care now.
  { id: 'ca-neighbour', childId: 'p-neighbour-child', type: 'foster', carer: { kind: 'person', personId: family.karim }, startDate: '2025-03-01', endDate: '2025-04-01' },
];
const input = (over: Partial<LeftBehindInput> = {}): LeftBehindInput => ({
  caseMembers: [family.amal, family.karim, family.son, family.daughter],
  carers: [{ kind: 'person', personId: family.amal }, { kind: 'person', personId: family.karim }],
  careArrangements: arrangements,
  children: [
    { id: family.son, dateOfBirth: '2016-04-02', birthYear: null },
    { id: family.daughter, dateOfBirth: '2019-09-12', birthYear: null },
    { id: family.niece, dateOfBirth: '2014-11-20', birthYear: null },
  ],
  solutionStep: { id: 'step-resettle', kind: 'resettlement', status: 'planned' },
  today: '2026-03-01',
  ...over,
});

describe('no child left behind', () => {
  it('flags the fostered niece, not the family’s own children on the case nor a past arrangement', () => {
    expect(childrenLeftBehind(input())).toEqual([
      { childId: family.niece, arrangementId: 'ca-rana-2', arrangementType: 'kinship', carer: { kind: 'person', personId: family.amal } },
    ]);
  });

  it('blocks completion until the niece has her own BID on this step, then allows it', () => {
    const step = input().solutionStep;
    const flagged = childrenLeftBehind(input());
    const decisions: RecordedBidDecision[] = [];
    expect(canCompleteSolutionStep(step, flagged, decisions)).toEqual({
      ok: false,
      error: [expect.objectContaining({ code: 'child_decision_required', path: ['children', family.niece] })],
    });

    // A BID about something else (her care arrangement, no step) does not count.
    decisions.push({ childId: family.niece, solutionStepId: null });
    expect(canCompleteSolutionStep(step, flagged, decisions).ok).toBe(false);
    // Nor one on a different step.
    decisions.push({ childId: family.niece, solutionStepId: 'step-other' });
    expect(canCompleteSolutionStep(step, flagged, decisions).ok).toBe(false);

    const bid: BidDecisionInput = {
      childId: family.niece,
      child: { dateOfBirth: '2014-11-20', birthYear: null },
      assessmentDate: '2026-02-10',
      decisionDate: '2026-02-25',
      panel: [
        { memberId: 'acc-cp', role: 'child_protection', confidentialityUndertakingSigned: true },
        { memberId: 'acc-prot', role: 'protection', confidentialityUndertakingSigned: true },
        { memberId: 'acc-cs', role: 'community_services', confidentialityUndertakingSigned: true },
      ],
      childViews: { kind: 'agrees' },
      recommendation: { kind: 'resettlement', solutionStepId: step.id },
    };
    expect(checkBidDecision(bid, { today: '2026-03-01' })).toEqual([]);
    decisions.push({ childId: bid.childId, solutionStepId: bid.recommendation.solutionStepId });
    expect(canCompleteSolutionStep(step, flagged, decisions)).toEqual({ ok: true, value: true });
  });

  it('names every waiting child', () => {
    const flagged = [{ childId: 'c1' }, { childId: 'c2' }];
    const result = canCompleteSolutionStep({ id: 's' }, flagged, [{ childId: 'c2', solutionStepId: 's' }]);
    expect(result.ok ? [] : result.error.map((p) => p.path)).toEqual([['children', 'c1']]);
  });

  it('flags also children of unknown age and the carers’ own children missing from the case, but not adults', () => {
    const withoutNieceAge = input({ children: input().children.filter((c) => c.id !== family.niece) });
    expect(childrenLeftBehind(withoutNieceAge).map((c) => c.childId)).toEqual([family.niece]);
    const sonOffCase = input({ caseMembers: [family.amal, family.karim, family.daughter] });
    expect(childrenLeftBehind(sonOffCase).map((c) => c.childId)).toEqual([family.niece, family.son]);
    const nieceNowAdult = input({ children: [{ id: family.niece, dateOfBirth: '2008-01-01', birthYear: null }] });
    expect(childrenLeftBehind(nieceNowAdult)).toEqual([]);
  });

  it('applies while the step is planned or in progress, for every kind of move, and matches carer records too', () => {
    expect(childrenLeftBehind(input({ solutionStep: { id: 's', kind: 'voluntary_repatriation', status: 'in_progress' } }))).toHaveLength(1);
    expect(childrenLeftBehind(input({ solutionStep: { id: 's', kind: 'relocation', status: 'cancelled' } }))).toEqual([]);
    const groupHomeMoving = input({ carers: [{ kind: 'carer_record', carerId: 'home-3' }], today: '2023-02-01' });
    expect(childrenLeftBehind(groupHomeMoving).map((c) => c.arrangementId)).toEqual(['ca-rana-1']);
  });
});
