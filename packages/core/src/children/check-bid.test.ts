import { describe, expect, it } from 'vitest';
import { checkBidDecision, type BidDecisionInput } from './check-bid';

const valid = (): BidDecisionInput => ({
  childId: 'p-niece',
  child: { dateOfBirth: '2015-06-01', birthYear: null },
  assessmentDate: '2026-02-01',
  decisionDate: '2026-02-20',
  panel: [
    { memberId: 'acc-1', role: 'chair', confidentialityUndertakingSigned: true },
    { memberId: 'acc-2', role: 'child_protection', confidentialityUndertakingSigned: true },
    { memberId: 'acc-3', role: 'community_services', confidentialityUndertakingSigned: true },
  ],
  childViews: { kind: 'agrees' },
  recommendation: { kind: 'resettlement', solutionStepId: 'step-1' },
});
const today = '2026-03-01';
const codes = (bid: BidDecisionInput, settings?: { minPanelSize: number }) =>
  checkBidDecision(bid, { today, settings }).map((p) => [p.code, p.path.join('/')]);

describe('checkBidDecision', () => {
  it('accepts a complete decision', () => {
    expect(checkBidDecision(valid(), { today })).toEqual([]);
  });

  it('needs a panel of at least 3 distinct people by default, configurable per operation', () => {
    const bid = { ...valid(), panel: valid().panel.slice(0, 2) };
    expect(codes(bid)).toEqual([['panel_required', 'panel']]);
    expect(codes(bid, { minPanelSize: 2 })).toEqual([]);
    expect(codes({ ...valid(), panel: [] })).toEqual([['panel_required', 'panel']]);
    const repeated = { ...valid(), panel: [...valid().panel.slice(0, 2), { ...valid().panel[0]! }] };
    expect(codes(repeated)).toEqual([
      ['panel_required', 'panel'],
      ['duplicate_panel_member', 'panel/2/memberId'],
    ]);
  });

  it('needs a role and a signed confidentiality undertaking for each member', () => {
    const bid = valid();
    bid.panel[1] = { memberId: 'acc-2', role: null, confidentialityUndertakingSigned: false };
    expect(codes(bid)).toEqual([
      ['role_required', 'panel/1/role'],
      ['confidentiality_undertaking_required', 'panel/1/confidentialityUndertakingSigned'],
    ]);
  });

  it('needs the child’s views: agrees, disagrees with reasons, or why they could not be heard', () => {
    expect(codes({ ...valid(), childViews: null })).toEqual([['child_views_required', 'childViews']]);
    expect(codes({ ...valid(), childViews: { kind: 'disagrees', reasons: '  ' } })).toEqual([['child_views_reasons_required', 'childViews/reasons']]);
    expect(codes({ ...valid(), childViews: { kind: 'disagrees', reasons: 'wants to stay with her school friends' } })).toEqual([]);
    expect(codes({ ...valid(), childViews: { kind: 'could_not_be_heard', why: 'too_young' } })).toEqual([]);
    expect(codes({ ...valid(), childViews: { kind: 'could_not_be_heard', why: 'other' } })).toEqual([['required', 'childViews/note']]);
  });

  it('needs a recommendation from the list', () => {
    expect(codes({ ...valid(), recommendation: { kind: null, solutionStepId: null } })).toEqual([['recommendation_required', 'recommendation/kind']]);
  });

  it('refuses a decision before its assessment, in the future, or on an impossible day', () => {
    expect(codes({ ...valid(), decisionDate: '2026-01-31' })).toEqual([['dates_out_of_order', 'decisionDate']]);
    expect(codes({ ...valid(), decisionDate: '2026-03-02' })).toEqual([['date_in_future', 'decisionDate']]);
    expect(codes({ ...valid(), decisionDate: '2026-02-01' })).toEqual([]);
    expect(codes({ ...valid(), assessmentDate: '2026-13-01' })).toEqual([['invalid_date', 'assessmentDate']]);
  });

  it('refuses a subject who is 18 or over on the decision date', () => {
    expect(codes({ ...valid(), child: { dateOfBirth: '2008-02-20', birthYear: null } })).toEqual([['adult_not_child', 'childId']]);
    expect(codes({ ...valid(), child: { dateOfBirth: '2008-02-21', birthYear: null } })).toEqual([]);
    expect(codes({ ...valid(), child: { dateOfBirth: null, birthYear: null } })).toEqual([]);
    // Birth year only: an adult only once they are 18 even if born on 31 December.
    expect(codes({ ...valid(), child: { dateOfBirth: null, birthYear: 2008 } })).toEqual([]);
    expect(codes({ ...valid(), decisionDate: '2026-02-20', child: { dateOfBirth: null, birthYear: 2007 } })).toEqual([['adult_not_child', 'childId']]);
  });
});
