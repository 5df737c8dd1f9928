import type { DurableSolutionsAssessment, SolutionAssessment } from './assessment';
import type { DurableSolution } from './vocabulary';

export const TODAY = new Date('2026-11-25T10:00:00Z');

const low: SolutionAssessment = { status: 'feasible', wish: 'undecided', traffickingRisk: { level: 'low', reasons: [] } };

/** A complete, valid assessment; override single solutions with `with`. */
export function assessment(with_: Partial<Record<DurableSolution, SolutionAssessment>> = {}): DurableSolutionsAssessment {
  return {
    subject: { kind: 'household', id: 'h-1' },
    assessedOn: '2026-11-01',
    assessedBy: 'user-1',
    solutions: {
      voluntary_repatriation: { ...low },
      local_integration: { ...low },
      resettlement: { ...low },
      ...with_,
    },
  };
}

export const notFeasible = (level: 'low' | 'medium' | 'high' = 'high'): SolutionAssessment => ({
  status: 'not_feasible',
  wish: 'undecided',
  traffickingRisk: { level, reasons: level === 'low' ? [] : ['return_area_controlled_by_traffickers'] },
});

export const notAssessed: SolutionAssessment = { status: 'not_assessed', wish: 'not_asked', traffickingRisk: null };
