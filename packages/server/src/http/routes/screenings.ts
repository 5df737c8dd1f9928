import { ScreeningRequestSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { listScreenings } from '../../use-cases/screenings/list-screenings';
import { screenPerson } from '../../use-cases/screenings/screen-person';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

export function screeningRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withId, withIdAndBody } = useCaseHandlers(deps);

  app.post<WithId>(
    '/api/v1/persons/:id/screenings',
    withIdAndBody(ScreeningRequestSchema, (ctx, id, input) => screenPerson(ctx, deps.keyRing, id, input), 201),
  );
  app.get<WithId>('/api/v1/persons/:id/screenings', withId((ctx, id) => listScreenings(ctx, deps.keyRing, id)));
}
