import { IdSchema, ReferralFormQuerySchema } from '@waymark/contracts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Result } from '@waymark/core';
import { failure, type Failure } from '../../failure';
import { caseSummaryPdf } from '../../use-cases/cases/case-summary';
import { referralFormPdf } from '../../use-cases/cases/referral-form';
import { requireAuth } from '../auth';
import { contextFor, type AppDeps } from '../deps';
import { parse } from '../parse';
import { sendProblem } from '../problem';

/** A printed document: a download, never cached (it holds what this reader may see). */
function sendPdf(reply: FastifyReply, result: Result<Buffer, Failure>, name: string): FastifyReply {
  if (!result.ok) return sendProblem(reply, result.error);
  reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
  return reply.type('application/pdf').send(result.value);
}

/** Printable case documents: the case summary and a referral task's referral form. */
export function caseDocumentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const db = deps.database.db;

  app.get<{ Params: { id: string } }>('/api/v1/cases/:id/summary.pdf', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    return sendPdf(reply, await caseSummaryPdf(contextFor(deps, auth), request.params.id), `waymark-case-${request.params.id}.pdf`);
  });

  app.get<{ Params: { id: string } }>('/api/v1/case-tasks/:id/referral.pdf', async (request, reply) => {
    const auth = await requireAuth(db, request, reply);
    if (!auth) return reply;
    if (!IdSchema.safeParse(request.params.id).success) return sendProblem(reply, failure('not_found'));
    const query = parse(ReferralFormQuerySchema, request.query);
    if (!query.ok) return sendProblem(reply, query.error);
    return sendPdf(reply, await referralFormPdf(contextFor(deps, auth), request.params.id, query.value.agencyId), `waymark-referral-${request.params.id}.pdf`);
  });
}
