import {
  DurableSolutionsSchema,
  ResettlementQueueSchema,
  ResettlementStateSchema,
  ResettlementSubmissionSchema,
  ResettlementSuggestionsSchema,
  SolutionStepListSchema,
  SolutionStepSchema,
  type DurableSolutions,
  type DurableSolutionsUpdate,
  type ResettlementConfirm,
  type ResettlementQueue,
  type ResettlementState,
  type ResettlementSubmission,
  type ResettlementSuggestions,
  type SolutionStep,
  type SolutionStepCreate,
  type SolutionStepList,
  type SolutionStepUpdate,
} from '@waymark/contracts';
import { queryString, request } from './client';

export const resettlementQueue = (offset: number, limit: number): Promise<ResettlementQueue> =>
  request('GET', `/resettlement-queue${queryString({ offset, limit })}`, { schema: ResettlementQueueSchema });

/** Everything about one case's durable solutions shares this prefix, so one invalidation refreshes the panel. */
// Not under ['cases', id]: refreshing a case after every task change must not re-read all of this (audited reads).
export const solutionsKey = (caseId: string) => ['case-solutions', caseId] as const;
export const durableSolutionsKey = (caseId: string) => [...solutionsKey(caseId), 'assessment'] as const;
export const solutionStepsKey = (caseId: string) => [...solutionsKey(caseId), 'steps'] as const;
export const resettlementKey = (caseId: string) => [...solutionsKey(caseId), 'resettlement'] as const;
export const resettlementSuggestionsKey = (caseId: string) => [...solutionsKey(caseId), 'suggestions'] as const;

const onCase = (caseId: string, rest: string) => `/cases/${encodeURIComponent(caseId)}/${rest}`;

export const getDurableSolutions = (caseId: string): Promise<DurableSolutions> =>
  request('GET', onCase(caseId, 'durable-solutions'), { schema: DurableSolutionsSchema });
export const saveDurableSolutions = (caseId: string, input: DurableSolutionsUpdate): Promise<DurableSolutions> =>
  request('PUT', onCase(caseId, 'durable-solutions'), { body: input, schema: DurableSolutionsSchema });

export const getSolutionSteps = (caseId: string): Promise<SolutionStepList> =>
  request('GET', onCase(caseId, 'solution-steps'), { schema: SolutionStepListSchema });
export const planSolutionStep = (caseId: string, input: SolutionStepCreate): Promise<SolutionStep> =>
  request('POST', onCase(caseId, 'solution-steps'), { body: input, schema: SolutionStepSchema });
export const updateSolutionStep = (stepId: string, input: SolutionStepUpdate): Promise<SolutionStep> =>
  request('PATCH', `/solution-steps/${encodeURIComponent(stepId)}`, { body: input, schema: SolutionStepSchema });

export const getResettlement = (caseId: string): Promise<ResettlementState> =>
  request('GET', onCase(caseId, 'resettlement'), { schema: ResettlementStateSchema });
export const getResettlementSuggestions = (caseId: string): Promise<ResettlementSuggestions> =>
  request('GET', onCase(caseId, 'resettlement/suggestions'), { schema: ResettlementSuggestionsSchema });
export const confirmResettlement = (caseId: string, input: ResettlementConfirm): Promise<ResettlementSubmission> =>
  request('PUT', onCase(caseId, 'resettlement'), { body: input, schema: ResettlementSubmissionSchema });
