import {
  TraffickingAssessmentListSchema,
  TraffickingAssessmentRecordSchema,
  type TraffickingAssessmentCreate,
  type TraffickingAssessmentList,
  type TraffickingAssessmentRecord,
} from '@waymark/contracts';
import { request } from './client';

// Not under ['cases', id]: refreshing a case (after every task change) must not re-read the findings (an audited read).
export const traffickingKey = (caseId: string) => ['trafficking-assessments', caseId] as const;

const path = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/trafficking-assessments`;

/** The case's assessments, newest first; findings are null where the server withholds them. */
export const listTraffickingAssessments = (caseId: string): Promise<TraffickingAssessmentList> =>
  request('GET', path(caseId), { schema: TraffickingAssessmentListSchema });

export const assessTrafficking = (caseId: string, input: TraffickingAssessmentCreate): Promise<TraffickingAssessmentRecord> =>
  request('POST', path(caseId), { body: input, schema: TraffickingAssessmentRecordSchema });
