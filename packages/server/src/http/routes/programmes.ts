import { EnrolmentCreateSchema, IdSchema, ProgrammeCreateSchema, ProgrammeListQuerySchema, ProgrammeUpdateSchema, SessionCreateSchema, TargetListQuerySchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { failure } from '../../failure';
import { createProgramme } from '../../use-cases/programmes/create-programme';
import { enrolPerson } from '../../use-cases/programmes/enrol-person';
import { listEnrolments } from '../../use-cases/programmes/list-enrolments';
import { getProgramme, listProgrammes } from '../../use-cases/programmes/list-programmes';
import { listSessions } from '../../use-cases/programmes/list-sessions';
import { programmeCoverage } from '../../use-cases/programmes/programme-coverage';
import { recordSession } from '../../use-cases/programmes/record-session';
import { getTargetList } from '../../use-cases/programmes/target-list';
import { updateProgramme } from '../../use-cases/programmes/update-programme';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

type WithId = { Params: { id: string } };

/** Prevention programmes: definitions, target lists, enrolment, sessions, coverage. */
export function programmeRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get('/api/v1/programmes', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const query = parse(ProgrammeListQuerySchema, request.query);
    if (!query.ok) return sendProblem(reply, query.error);
    return respond(reply, await listProgrammes(contextFor(deps, auth), query.value.operationId));
  });

  app.post('/api/v1/programmes', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    const input = parse(ProgrammeCreateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await createProgramme(contextFor(deps, auth), input.value), 201);
  });

  app.get<WithId>('/api/v1/programmes/:id', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await getProgramme(contextFor(deps, auth), request.params.id));
  });

  app.patch<WithId>('/api/v1/programmes/:id', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(ProgrammeUpdateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await updateProgramme(contextFor(deps, auth), request.params.id, input.value));
  });

  app.get<WithId>('/api/v1/programmes/:id/targets', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const query = parse(TargetListQuerySchema, request.query);
    if (!query.ok) return sendProblem(reply, query.error);
    return respond(reply, await getTargetList(contextFor(deps, auth), request.params.id, query.value));
  });

  app.get<WithId>('/api/v1/programmes/:id/enrolments', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await listEnrolments(contextFor(deps, auth), request.params.id));
  });

  app.post<WithId>('/api/v1/programmes/:id/enrolments', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(EnrolmentCreateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await enrolPerson(contextFor(deps, auth), request.params.id, input.value), 201);
  });

  app.get<WithId>('/api/v1/programmes/:id/sessions', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await listSessions(contextFor(deps, auth), request.params.id));
  });

  app.post<WithId>('/api/v1/programmes/:id/sessions', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(SessionCreateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await recordSession(contextFor(deps, auth), request.params.id, input.value), 201);
  });

  app.get<WithId>('/api/v1/programmes/:id/coverage', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await programmeCoverage(contextFor(deps, auth), request.params.id));
  });
}
