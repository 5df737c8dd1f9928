import { BiaCompleteSchema, BiaCreateSchema, BidCreateSchema, CareArrangementCreateSchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { addCareArrangement } from '../../use-cases/children/add-care-arrangement';
import { bestInterests, listCareArrangements } from '../../use-cases/children/best-interests';
import { completeBia } from '../../use-cases/children/complete-bia';
import { openBia } from '../../use-cases/children/open-bia';
import { childrenOverdue } from '../../use-cases/children/overdue';
import { recordBid } from '../../use-cases/children/record-bid';
import type { AppDeps } from '../deps';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

/** Children's best interests: BIA, BID, care arrangements, the record, the overdue list. */
export function childRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { signedIn, withId, withIdAndBody } = useCaseHandlers(deps);

  app.post<WithId>('/api/v1/persons/:id/bia', withIdAndBody(BiaCreateSchema, openBia, 201));
  app.patch<WithId>('/api/v1/bias/:id', withIdAndBody(BiaCompleteSchema, completeBia));
  app.post<WithId>('/api/v1/persons/:id/bid', withIdAndBody(BidCreateSchema, recordBid, 201));
  app.post<WithId>('/api/v1/persons/:id/care-arrangements', withIdAndBody(CareArrangementCreateSchema, addCareArrangement, 201));
  app.get<WithId>('/api/v1/persons/:id/care-arrangements', withId(listCareArrangements));
  app.get<WithId>('/api/v1/persons/:id/best-interests', withId(bestInterests));
  app.get('/api/v1/children/overdue', signedIn(childrenOverdue));
}
