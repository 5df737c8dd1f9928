import {
  HouseholdSchema,
  PersonDetailSchema,
  PersonListSchema,
  SiteSchema,
  listOf,
  type Household,
  type HouseholdCreate,
  type PersonCreate,
  type PersonDetail,
  type PersonList,
  type PersonUpdate,
  type Site,
} from '@waymark/contracts';
import type { AgeBracket, LegalStatus, RiskLevel, Setting, Sex } from '@waymark/core';
import { queryString, request } from './client';

export interface PersonFilters {
  riskLevel: readonly RiskLevel[];
  unscreened: boolean;
  siteId: string;
  /** The map's drill-down: one admin area's people ('' = any). */
  adminAreaCode: string;
  setting: readonly Setting[];
  sex: readonly Sex[];
  ageBracket: readonly AgeBracket[];
  legalStatus: readonly LegalStatus[];
  name: string;
  sort: 'newest' | 'risk' | 'name';
}

export interface Page {
  limit: number;
  /** The last person of the page before (keyset paging); absent for the first page. */
  cursor?: string;
}

const SiteListSchema = listOf(SiteSchema);

export function listPersons(filters: PersonFilters, page: Page, signal?: AbortSignal): Promise<PersonList> {
  const name = filters.name.trim();
  const query = queryString({
    riskLevel: filters.riskLevel,
    unscreened: filters.unscreened ? 'true' : undefined,
    siteId: filters.siteId,
    adminAreaCode: filters.adminAreaCode || undefined,
    setting: filters.setting,
    sex: filters.sex,
    ageBracket: filters.ageBracket,
    legalStatus: filters.legalStatus,
    // The server wants at least two characters; one would only be a 400.
    name: name.length >= 2 ? name : undefined,
    sort: filters.sort,
    limit: page.limit,
    cursor: page.cursor,
  });
  return request('GET', `/persons${query}`, { schema: PersonListSchema, ...(signal ? { signal } : {}) });
}

export const getPerson = (id: string): Promise<PersonDetail> =>
  request('GET', `/persons/${encodeURIComponent(id)}`, { schema: PersonDetailSchema });

export const createPerson = (input: PersonCreate): Promise<PersonDetail> =>
  request('POST', '/persons', { body: input, schema: PersonDetailSchema });

export const updatePerson = (id: string, input: PersonUpdate): Promise<PersonDetail> =>
  request('PATCH', `/persons/${encodeURIComponent(id)}`, { body: input, schema: PersonDetailSchema });

export const getHousehold = (id: string): Promise<Household> =>
  request('GET', `/households/${encodeURIComponent(id)}`, { schema: HouseholdSchema });

export const createHousehold = (input: HouseholdCreate): Promise<Household> =>
  request('POST', '/households', { body: input, schema: HouseholdSchema });

export const listSites = (): Promise<{ items: Site[]; total: number }> =>
  request('GET', '/sites', { schema: SiteListSchema });
