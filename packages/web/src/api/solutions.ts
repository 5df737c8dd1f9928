import { ResettlementQueueSchema, type ResettlementQueue } from '@waymark/contracts';
import { queryString, request } from './client';

export const resettlementQueue = (offset: number, limit: number): Promise<ResettlementQueue> =>
  request('GET', `/resettlement-queue${queryString({ offset, limit })}`, { schema: ResettlementQueueSchema });
