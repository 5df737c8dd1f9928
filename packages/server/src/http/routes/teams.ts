import { TeamCreateSchema, TeamMembersSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { createTeam } from '../../use-cases/admin/create-team';
import { listTeams } from '../../use-cases/admin/list-teams';
import { setTeamMembers } from '../../use-cases/admin/set-team-members';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

export function teamRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withId, withIdAndBody } = useCaseHandlers(deps);

  app.get<WithId>('/api/v1/agencies/:id/teams', withId(listTeams));
  app.post<WithId>('/api/v1/agencies/:id/teams', withIdAndBody(TeamCreateSchema, createTeam, 201));
  app.put<WithId>('/api/v1/teams/:id/members', withIdAndBody(TeamMembersSchema, setTeamMembers));
}
