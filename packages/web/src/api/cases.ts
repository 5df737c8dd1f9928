import {
  CaseDetailSchema,
  CaseLookupSchema,
  PersonSchema,
  type CaseAssignment,
  type CaseLookup,
  type Person,
  type PersonAssignment,
  CaseTaskSchema,
  ClosureRequestsSchema,
  MyWorkSchema,
  WorkloadSchema,
  type ClosureRequests,
  type Workload,
  type CaseCreate,
  type CaseDetail,
  type CasePlanUpdate,
  type CaseTask,
  type CaseTaskCreate,
  type CaseTaskUpdate,
  type CaseTransition,
  type MyWork,
} from '@waymark/contracts';
import { request } from './client';

export const caseKey = (id: string) => ['cases', id] as const;
export const myWorkKey = ['my-work'] as const;

export const openCase = (input: CaseCreate): Promise<CaseDetail> => request('POST', '/cases', { body: input, schema: CaseDetailSchema });
export const getCase = (id: string): Promise<CaseDetail> => request('GET', `/cases/${encodeURIComponent(id)}`, { schema: CaseDetailSchema });
export const transitionCase = (id: string, input: CaseTransition): Promise<CaseDetail> =>
  request('POST', `/cases/${encodeURIComponent(id)}/transitions`, { body: input, schema: CaseDetailSchema });
export const savePlan = (id: string, input: CasePlanUpdate): Promise<CaseDetail> =>
  request('PUT', `/cases/${encodeURIComponent(id)}/plan`, { body: input, schema: CaseDetailSchema });
export const addTask = (id: string, input: CaseTaskCreate): Promise<CaseTask> =>
  request('POST', `/cases/${encodeURIComponent(id)}/tasks`, { body: input, schema: CaseTaskSchema });
export const updateTask = (id: string, input: CaseTaskUpdate): Promise<CaseTask> =>
  request('PATCH', `/case-tasks/${encodeURIComponent(id)}`, { body: input, schema: CaseTaskSchema });
export const getMyWork = (): Promise<MyWork> => request('GET', '/my-work', { schema: MyWorkSchema });

export const getClosureRequests = (): Promise<ClosureRequests> => request('GET', '/cases/closure-requests', { schema: ClosureRequestsSchema });
export const getWorkload = (): Promise<Workload> => request('GET', '/workload', { schema: WorkloadSchema });
export const workloadKey = ['workload'] as const;

/** Hands a case to a worker of its agency, naming the version read (a stale one is 409 version_conflict). */
export const assignCase = (id: string, input: CaseAssignment): Promise<CaseDetail> =>
  request('PUT', `/cases/${encodeURIComponent(id)}/assignment`, { body: input, schema: CaseDetailSchema });
/** The same for a person (persons are held as cases are). */
export const assignPerson = (id: string, input: PersonAssignment): Promise<Person> =>
  request('PUT', `/persons/${encodeURIComponent(id)}/assignment`, { body: input, schema: PersonSchema });
/** The case a spoken or printed number names, in my scope (404 outside it). */
export const lookupCase = (number: string): Promise<CaseLookup> =>
  request('GET', `/cases/lookup?number=${encodeURIComponent(number)}`, { schema: CaseLookupSchema });
