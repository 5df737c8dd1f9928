import { ConsentOverviewSchema, ConsentSchema, type Consent, type ConsentCreate, type ConsentOverview } from '@waymark/contracts';
import { request } from './client';

export const consentsKey = (personId: string) => ['persons', 'one', personId, 'consents'] as const;

export const getConsents = (personId: string): Promise<ConsentOverview> =>
  request('GET', `/persons/${encodeURIComponent(personId)}/consents`, { schema: ConsentOverviewSchema });

export const recordConsent = (personId: string, input: ConsentCreate): Promise<Consent> =>
  request('POST', `/persons/${encodeURIComponent(personId)}/consents`, { body: input, schema: ConsentSchema });
