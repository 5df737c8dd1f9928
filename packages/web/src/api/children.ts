import {
  BestInterestsSchema,
  BiaSchema,
  BidSchema,
  CareArrangementChangedSchema,
  CareArrangementCreatedSchema,
  ChildDeadlinesSchema,
  ChildOverdueListSchema,
  type BiaContentUpdate,
  type CareArrangementChanged,
  type CareArrangementCorrect,
  type CareArrangementEnd,
  type ChildDeadlines,
  type BestInterests,
  type Bia,
  type BiaComplete,
  type BiaCreate,
  type Bid,
  type BidCreate,
  type CareArrangementCreate,
  type CareArrangementCreated,
  type ChildOverdueList,
} from '@waymark/contracts';
import { request } from './client';

/** Query keys of a child's best-interests record and the supervisors' overdue list. */
export const bestInterestsKey = (personId: string) => ['persons', 'one', personId, 'best-interests'] as const;
export const childrenOverdueKey = ['children', 'overdue'] as const;
export const childDeadlinesKey = ['children', 'my-deadlines'] as const;

const person = (id: string) => `/persons/${encodeURIComponent(id)}`;

export const getBestInterests = (personId: string): Promise<BestInterests> =>
  request('GET', `${person(personId)}/best-interests`, { schema: BestInterestsSchema });

export const openBia = (personId: string, input: BiaCreate): Promise<Bia> =>
  request('POST', `${person(personId)}/bia`, { body: input, schema: BiaSchema });

export const completeBia = (biaId: string, input: BiaComplete): Promise<Bia> =>
  request('PATCH', `/bias/${encodeURIComponent(biaId)}`, { body: input, schema: BiaSchema });

export const recordBid = (personId: string, input: BidCreate): Promise<Bid> =>
  request('POST', `${person(personId)}/bid`, { body: input, schema: BidSchema });

export const addCareArrangement = (personId: string, input: CareArrangementCreate): Promise<CareArrangementCreated> =>
  request('POST', `${person(personId)}/care-arrangements`, { body: input, schema: CareArrangementCreatedSchema });

export const getChildrenOverdue = (): Promise<ChildOverdueList> => request('GET', '/children/overdue', { schema: ChildOverdueListSchema });

export const writeBiaContent = (biaId: string, input: BiaContentUpdate): Promise<Bia> =>
  request('PUT', `/bias/${encodeURIComponent(biaId)}/content`, { body: input, schema: BiaSchema });

export const endCareArrangement = (id: string, input: CareArrangementEnd): Promise<CareArrangementChanged> =>
  request('PATCH', `/care-arrangements/${encodeURIComponent(id)}`, { body: input, schema: CareArrangementChangedSchema });

export const correctCareArrangement = (id: string, input: CareArrangementCorrect): Promise<CareArrangementChanged> =>
  request('PUT', `/care-arrangements/${encodeURIComponent(id)}`, { body: input, schema: CareArrangementChangedSchema });

export const getChildDeadlines = (): Promise<ChildDeadlines> => request('GET', '/children/my-deadlines', { schema: ChildDeadlinesSchema });
