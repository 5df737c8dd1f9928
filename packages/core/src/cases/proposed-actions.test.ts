import { describe, expect, it } from 'vitest';
import { chooseProposedActions } from './proposed-actions';

const proposals = [{ id: 'legal_information' }, { id: 'debt_counselling' }, { id: 'consider_case_debt_and_job_offer' }];

describe('choosing a screening’s proposed actions', () => {
  it('takes every proposal but the one proposing the case itself when nothing is chosen', () => {
    expect(chooseProposedActions(proposals, undefined)).toEqual({ ok: true, value: [{ id: 'legal_information' }, { id: 'debt_counselling' }] });
  });
  it('keeps only the chosen ones, in the screening’s order', () => {
    expect(chooseProposedActions(proposals, ['debt_counselling'])).toEqual({ ok: true, value: [{ id: 'debt_counselling' }] });
    expect(chooseProposedActions(proposals, [])).toEqual({ ok: true, value: [] });
  });
  it('refuses an id not proposed to this reader, and the case-opening one, at its index', () => {
    expect(chooseProposedActions(proposals, ['legal_information', 'sgbv_referral', 'consider_case_debt_and_job_offer'])).toEqual({
      ok: false,
      error: [
        { code: 'unknown_action', path: ['actionIds', 1], message: expect.any(String) },
        { code: 'unknown_action', path: ['actionIds', 2], message: expect.any(String) },
      ],
    });
  });
});
