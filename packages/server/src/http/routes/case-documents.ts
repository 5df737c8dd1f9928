import { CaseSummaryQuerySchema, ReferralFormQuerySchema } from '@waymark/contracts';
import type { FastifyInstance } from 'fastify';
import { caseSummaryPdf } from '../../use-cases/cases/case-summary';
import { referralFormPdf } from '../../use-cases/cases/referral-form';
import type { AppDeps } from '../deps';
import { pdfDownload, sendDownload } from '../send-download';
import { useCaseHandlers, type WithId } from '../use-case-handlers';

/** Printable case documents: the case summary and a referral task's referral form. */
export function caseDocumentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const { withIdAndQuery } = useCaseHandlers(deps);

  app.get<WithId>(
    '/api/v1/cases/:id/summary.pdf',
    withIdAndQuery(
      CaseSummaryQuerySchema,
      async (ctx, id, query) => pdfDownload(await caseSummaryPdf(ctx, id, { lang: query.lang, timeZone: query.tz }), `waymark-case-${id}.pdf`),
      sendDownload,
    ),
  );
  app.get<WithId>(
    '/api/v1/case-tasks/:id/referral.pdf',
    withIdAndQuery(
      ReferralFormQuerySchema,
      async (ctx, id, query) => pdfDownload(await referralFormPdf(ctx, id, query.agencyId, { lang: query.lang, timeZone: query.tz }), `waymark-referral-${id}.pdf`),
      sendDownload,
    ),
  );
}
