import {
  PersonSchema,
  RetentionPolicySchema,
  RetentionReportSchema,
  type ErasureRequest,
  type Person,
  type RetentionPolicy,
  type RetentionPolicyUpdate,
  type RetentionReport,
} from '@waymark/contracts';
import { request } from './client';

/** A plain link downloads it: the browser sends the session cookie, the server audits the export. */
export const exportUrl = (personId: string, format: 'json' | 'pdf'): string => `/api/v1/persons/${encodeURIComponent(personId)}/export?format=${format}`;

export const erasePerson = (personId: string, input: ErasureRequest): Promise<Person> =>
  request('POST', `/persons/${encodeURIComponent(personId)}/erasure`, { body: input, schema: PersonSchema });

export const retentionKey = (operationId: string) => ['retention', operationId] as const;

export const getRetention = (operationId: string): Promise<RetentionPolicy> =>
  request('GET', `/operations/${encodeURIComponent(operationId)}/retention`, { schema: RetentionPolicySchema });

export const putRetention = (operationId: string, input: RetentionPolicyUpdate): Promise<RetentionPolicy> =>
  request('PUT', `/operations/${encodeURIComponent(operationId)}/retention`, { body: input, schema: RetentionPolicySchema });

export const retentionDryRun = (operationId: string): Promise<RetentionReport> =>
  request('GET', `/operations/${encodeURIComponent(operationId)}/retention/dry-run`, { schema: RetentionReportSchema });
