import {
  BiaCompleteSchema,
  BiaContentUpdateSchema,
  BiaCreateSchema,
  BidCreateSchema,
  CareArrangementCorrectSchema,
  CareArrangementCreateSchema,
  CareArrangementEndSchema,
} from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { addCareArrangement } from '../../use-cases/children/add-care-arrangement';
import { bestInterests, listCareArrangements } from '../../use-cases/children/best-interests';
import { completeBia } from '../../use-cases/children/complete-bia';
import { correctCareArrangement } from '../../use-cases/children/correct-care-arrangement';
import { endCareArrangement } from '../../use-cases/children/end-care-arrangement';
import { myChildDeadlines } from '../../use-cases/children/my-deadlines';
import { openBia } from '../../use-cases/children/open-bia';
import { childrenOverdue } from '../../use-cases/children/overdue';
import { recordBid } from '../../use-cases/children/record-bid';
import { writeBiaContent } from '../../use-cases/children/write-bia-content';
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
  app.patch<WithId>('/api/v1/care-arrangements/:id', withIdAndBody(CareArrangementEndSchema, endCareArrangement));
  app.put<WithId>('/api/v1/care-arrangements/:id', withIdAndBody(CareArrangementCorrectSchema, correctCareArrangement));
  app.put<WithId>('/api/v1/bias/:id/content', withIdAndBody(BiaContentUpdateSchema, writeBiaContent));
  app.get('/api/v1/children/my-deadlines', signedIn(myChildDeadlines));
  app.get<WithId>('/api/v1/persons/:id/best-interests', withId(bestInterests));
  app.get('/api/v1/children/overdue', signedIn(childrenOverdue));
}
