import { ConsentCreateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { getConsents } from '../../use-cases/consent/get-consents';
import { recordConsent } from '../../use-cases/consent/record-consent';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

export function consentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withId, withIdAndBody } = useCaseHandlers(deps);

  app.get<WithId>('/api/v1/persons/:id/consents', withId(getConsents));
  app.post<WithId>('/api/v1/persons/:id/consents', withIdAndBody(ConsentCreateSchema, recordConsent, 201));
}
