import { SiteSchema, type Site, type SiteCreate, type SiteUpdate } from '@waymark/contracts';
import { request } from '../../api/client';

/** A new site of the operation (operation-scope administrators; the admin area must be one of the operation's). */
export const createSite = (operationId: string, input: SiteCreate): Promise<Site> =>
  request('POST', `/operations/${encodeURIComponent(operationId)}/sites`, { body: input, schema: SiteSchema });

/** Renames or re-places a site at the version read. */
export const updateSite = (id: string, input: SiteUpdate): Promise<Site> =>
  request('PATCH', `/sites/${encodeURIComponent(id)}`, { body: input, schema: SiteSchema });
