import { EnrolmentCreateSchema, ProgrammeCreateSchema, ProgrammeListQuerySchema, ProgrammeUpdateSchema, SessionCreateSchema, TargetListQuerySchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { createProgramme } from '../../use-cases/programmes/create-programme';
import { enrolPerson } from '../../use-cases/programmes/enrol-person';
import { listEnrolments } from '../../use-cases/programmes/list-enrolments';
import { getProgramme, listProgrammes } from '../../use-cases/programmes/list-programmes';
import { listSessions } from '../../use-cases/programmes/list-sessions';
import { programmeCoverage } from '../../use-cases/programmes/programme-coverage';
import { recordSession } from '../../use-cases/programmes/record-session';
import { getTargetList } from '../../use-cases/programmes/target-list';
import { updateProgramme } from '../../use-cases/programmes/update-programme';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

/** Prevention programmes: definitions, target lists, enrolment, sessions, coverage. */
export function programmeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withBody, withId, withIdAndBody, withIdAndQuery, withQuery } = useCaseHandlers(deps);

  app.get('/api/v1/programmes', withQuery(ProgrammeListQuerySchema, (ctx, query) => listProgrammes(ctx, query.operationId)));
  app.post('/api/v1/programmes', withBody(ProgrammeCreateSchema, createProgramme, 201));
  app.get<WithId>('/api/v1/programmes/:id', withId(getProgramme));
  app.patch<WithId>('/api/v1/programmes/:id', withIdAndBody(ProgrammeUpdateSchema, updateProgramme));
  app.get<WithId>('/api/v1/programmes/:id/targets', withIdAndQuery(TargetListQuerySchema, getTargetList));
  app.get<WithId>('/api/v1/programmes/:id/enrolments', withId(listEnrolments));
  app.post<WithId>('/api/v1/programmes/:id/enrolments', withIdAndBody(EnrolmentCreateSchema, enrolPerson, 201));
  app.get<WithId>('/api/v1/programmes/:id/sessions', withId(listSessions));
  app.post<WithId>('/api/v1/programmes/:id/sessions', withIdAndBody(SessionCreateSchema, recordSession, 201));
  app.get<WithId>('/api/v1/programmes/:id/coverage', withId(programmeCoverage));
}
