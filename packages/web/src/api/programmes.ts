import {
  CoverageSchema,
  EnrolmentListSchema,
  EnrolmentSchema,
  ProgrammeListSchema,
  ProgrammeSchema,
  ProgrammeSessionListSchema,
  ProgrammeSessionSchema,
  TargetListSchema,
  type Coverage,
  type Enrolment,
  type EnrolmentList,
  type Programme,
  type ProgrammeCreate,
  type ProgrammeList,
  type ProgrammeSession,
  type ProgrammeSessionList,
  type ProgrammeUpdate,
  type SessionCreate,
  type TargetList,
} from '@waymark/contracts';
import { queryString, request } from './client';

/** Everything about one programme shares this prefix, so one invalidation refreshes its page. */
export const programmeKey = (id: string) => ['programmes', id] as const;
const at = (id: string, rest = '') => `/programmes/${encodeURIComponent(id)}${rest}`;

export const listProgrammes = (): Promise<ProgrammeList> => request('GET', '/programmes', { schema: ProgrammeListSchema });
export const createProgramme = (input: ProgrammeCreate): Promise<Programme> => request('POST', '/programmes', { body: input, schema: ProgrammeSchema });
export const getProgramme = (id: string): Promise<Programme> => request('GET', at(id), { schema: ProgrammeSchema });
export const getTargets = (id: string, offset: number, limit: number): Promise<TargetList> =>
  request('GET', at(id, `/targets${queryString({ offset, limit })}`), { schema: TargetListSchema });
export const getEnrolments = (id: string): Promise<EnrolmentList> => request('GET', at(id, '/enrolments'), { schema: EnrolmentListSchema });
export const enrol = (id: string, personId: string): Promise<Enrolment> => request('POST', at(id, '/enrolments'), { body: { personId }, schema: EnrolmentSchema });
export const getSessions = (id: string): Promise<ProgrammeSessionList> => request('GET', at(id, '/sessions'), { schema: ProgrammeSessionListSchema });
export const recordSession = (id: string, input: SessionCreate): Promise<ProgrammeSession> => request('POST', at(id, '/sessions'), { body: input, schema: ProgrammeSessionSchema });
export const getCoverage = (id: string): Promise<Coverage> => request('GET', at(id, '/coverage'), { schema: CoverageSchema });
export const updateProgramme = (id: string, input: ProgrammeUpdate): Promise<Programme> => request('PATCH', at(id), { body: input, schema: ProgrammeSchema });
