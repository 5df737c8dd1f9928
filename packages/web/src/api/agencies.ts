import { AgencyListSchema, type Agency } from '@waymark/contracts';
import { request } from './client';

export const agenciesKey = (operationId: string) => ['operations', operationId, 'agencies'] as const;

/** The agencies of one operation: the receiving agencies a referral or a referral consent names. */
export const listOperationAgencies = (operationId: string, signal?: AbortSignal): Promise<{ items: Agency[] }> =>
  request('GET', `/operations/${encodeURIComponent(operationId)}/agencies`, { schema: AgencyListSchema, signal });
