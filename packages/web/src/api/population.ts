import { AdminAreasSchema, AggregateTableSchema, type AdminAreas, type AggregateTable, type AggregateQuery } from '@waymark/contracts';
import { queryString, request } from './client';

export const getAdminAreas = (operationId: string): Promise<AdminAreas> =>
  request('GET', `/population/areas${queryString({ operationId })}`, { schema: AdminAreasSchema });

/** The query as the page holds it: every filter optional, lists as arrays. */
export type AggregateRequest = Partial<AggregateQuery> & Pick<AggregateQuery, 'operationId'>;

export const getAggregates = (query: AggregateRequest, signal?: AbortSignal): Promise<AggregateTable> =>
  request('GET', `/population/aggregates${queryString({ ...query })}`, { schema: AggregateTableSchema, ...(signal ? { signal } : {}) });
