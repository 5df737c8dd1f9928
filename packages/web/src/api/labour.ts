import {
  LabourByAreaSchema,
  PersonListSchema,
  type PersonList,
  WorkplaceDetailSchema,
  WorkplaceListSchema,
  WorkplaceReportSchema,
  WorkplaceSchema,
  type LabourByArea,
  type Workplace,
  type WorkplaceCreate,
  type WorkplaceDetail,
  type WorkplaceList,
  type WorkplaceReport,
  type WorkplaceReportCreate,
} from '@waymark/contracts';
import { queryString, request } from './client';

const at = (id: string, rest = '') => `/workplaces/${encodeURIComponent(id)}${rest}`;

export const listWorkplaces = (): Promise<WorkplaceList> => request('GET', '/workplaces', { schema: WorkplaceListSchema });
export const createWorkplace = (input: WorkplaceCreate): Promise<Workplace> => request('POST', '/workplaces', { body: input, schema: WorkplaceSchema });
export const getWorkplace = (id: string): Promise<WorkplaceDetail> => request('GET', at(id), { schema: WorkplaceDetailSchema });
export const recordWorkplaceReport = (id: string, input: WorkplaceReportCreate): Promise<WorkplaceReport> =>
  request('POST', at(id, '/reports'), { body: input, schema: WorkplaceReportSchema });
export const linkPerson = (id: string, personId: string): Promise<unknown> => request('POST', at(id, '/people'), { body: { personId } });
export const labourByArea = (): Promise<LabourByArea> => request('GET', '/reports/labour-by-area', { schema: LabourByAreaSchema });

/** People in my scope whose names match, to pick whom to link (the person list's own search). */
export const findPeopleByName = (name: string): Promise<PersonList> => request('GET', `/persons${queryString({ name, limit: 10 })}`, { schema: PersonListSchema });
