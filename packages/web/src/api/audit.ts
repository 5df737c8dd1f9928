import { AuditEventPageSchema, type AuditEventPage } from '@waymark/contracts';
import { queryString, request } from './client';

export interface AuditQuery {
  operationId?: string;
  actorId?: string;
  action?: string;
  resourceType?: string;
  resourceId?: string;
  from?: string;
  to?: string;
}

export const searchAuditEvents = (query: AuditQuery, cursor: string | null, limit: number, signal?: AbortSignal): Promise<AuditEventPage> =>
  request('GET', `/audit-events${queryString({ ...query, cursor, limit })}`, { schema: AuditEventPageSchema, signal });
