import { describe, expect, it } from 'vitest';
import { noFeasibleAlternative, otherSolutionsConsidered, validateSolutionsAssessment, type SolutionTraffickingRisk } from './assessment';
import { TODAY, assessment, notAssessed, notFeasible } from './fixtures.test-helpers';
import { hasErrors } from './problems';
import type { SolutionRiskReason } from './vocabulary';

const codes = (a = assessment()) => validateSolutionsAssessment(a, TODAY).map((p) => [p.code, p.severity, p.path.join('/')]);

describe('durable solutions assessment', () => {
  it('accepts a complete assessment', () => {
    expect(codes()).toEqual([]);
  });

  it('requires a trafficking risk for every assessed solution, and only those', () => {
    const a = assessment({
      local_integration: { status: 'not_feasible', wish: 'wishes', traffickingRisk: null },
      voluntary_repatriation: notAssessed,
    });
    expect(codes(a)).toEqual([['risk_required', 'error', 'solutions/local_integration/traffickingRisk']]);
  });

  it('needs reasons for medium and high risk, not for low', () => {
    const risk = (level: 'low' | 'medium' | 'high'): SolutionTraffickingRisk => ({ level, reasons: [] });
    const a = assessment({
      voluntary_repatriation: { status: 'feasible', wish: 'wishes', traffickingRisk: risk('high') },
      local_integration: { status: 'feasible', wish: 'wishes', traffickingRisk: risk('medium') },
      resettlement: { status: 'feasible', wish: 'wishes', traffickingRisk: risk('low') },
    });
    expect(codes(a)).toEqual([
      ['risk_reason_required', 'error', 'solutions/voluntary_repatriation/traffickingRisk/reasons'],
      ['risk_reason_required', 'error', 'solutions/local_integration/traffickingRisk/reasons'],
    ]);
  });

  it('refuses unknown and repeated reasons, and "other" without a note', () => {
    const reasons = ['debt_to_smugglers', 'made_up', 'debt_to_smugglers', 'other'] as SolutionRiskReason[];
    const a = assessment({ resettlement: { status: 'feasible', wish: 'wishes', traffickingRisk: { level: 'medium', reasons, note: ' ' } } });
    expect(codes(a)).toEqual([
      ['unknown_risk_reason', 'error', 'solutions/resettlement/traffickingRisk/reasons/1'],
      ['duplicate_risk_reason', 'error', 'solutions/resettlement/traffickingRisk/reasons/2'],
      ['risk_note_required', 'error', 'solutions/resettlement/traffickingRisk/note'],
    ]);
  });

  it('refuses repatriation the person does not want, and warns for other solutions against their wish', () => {
    const a = assessment({
      voluntary_repatriation: { status: 'in_progress', wish: 'does_not_wish', traffickingRisk: { level: 'low', reasons: [] } },
      local_integration: { status: 'preferred', wish: 'does_not_wish', traffickingRisk: { level: 'low', reasons: [] } },
    });
    expect(codes(a)).toEqual([
      ['repatriation_not_voluntary', 'error', 'solutions/voluntary_repatriation/status'],
      ['against_persons_wish', 'warning', 'solutions/local_integration/status'],
    ]);
  });

  it('warns when a solution with high trafficking risk is pursued', () => {
    const a = assessment({ local_integration: { status: 'in_progress', wish: 'wishes', traffickingRisk: { level: 'high', reasons: ['no_legal_status_locally'] } } });
    const problems = validateSolutionsAssessment(a, TODAY);
    expect(problems.map((p) => p.code)).toEqual(['high_risk_solution_pursued']);
    expect(hasErrors(problems)).toBe(false);
  });

  it('allows one preferred solution', () => {
    const preferred = { status: 'preferred' as const, wish: 'wishes' as const, traffickingRisk: { level: 'low' as const, reasons: [] } };
    expect(codes(assessment({ local_integration: preferred, resettlement: preferred }))).toEqual([
      ['multiple_preferred', 'error', 'solutions/resettlement/status'],
    ]);
  });

  it('checks the date and who assessed', () => {
    expect(codes({ ...assessment(), assessedOn: '2026-12-01', assessedBy: '' })).toEqual([
      ['date_in_future', 'error', 'assessedOn'],
      ['confirmer_required', 'error', 'assessedBy'],
    ]);
    expect(codes({ ...assessment(), assessedOn: '2026-02-30' })).toEqual([['invalid_date', 'error', 'assessedOn']]);
  });

  it('knows when other solutions were considered and none is open', () => {
    expect(otherSolutionsConsidered(assessment({ local_integration: notAssessed }))).toBe(false);
    expect(otherSolutionsConsidered(assessment())).toBe(true);
    expect(noFeasibleAlternative(assessment())).toBe(false);
    expect(noFeasibleAlternative(assessment({ voluntary_repatriation: notFeasible(), local_integration: notAssessed }))).toBe(false);
    expect(noFeasibleAlternative(assessment({ voluntary_repatriation: notFeasible(), local_integration: notFeasible('low') }))).toBe(true);
  });
});
