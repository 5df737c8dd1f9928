import { IdSchema, TeamCreateSchema, TeamMembersSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { failure } from '../../failure';
import { createTeam } from '../../use-cases/admin/create-team';
import { listTeams } from '../../use-cases/admin/list-teams';
import { setTeamMembers } from '../../use-cases/admin/set-team-members';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';
import { respond } from '../respond';

export function teamRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get<{ Params: { id: string } }>('/api/v1/agencies/:id/teams', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return respond(reply, await listTeams(contextFor(deps, auth), request.params.id));
  });

  app.post<{ Params: { id: string } }>('/api/v1/agencies/:id/teams', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(TeamCreateSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await createTeam(contextFor(deps, auth), request.params.id, input.value), 201);
  });

  app.put<{ Params: { id: string } }>('/api/v1/teams/:id/members', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const input = parse(TeamMembersSchema, request.body);
    if (!input.ok) return sendProblem(reply, input.error);
    return respond(reply, await setTeamMembers(contextFor(deps, auth), request.params.id, input.value));
  });
}
