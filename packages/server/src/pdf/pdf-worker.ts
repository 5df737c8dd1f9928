import { parentPort } from 'node:worker_threads';
import { renderCaseSummaryPdf } from './case-summary-pdf';
import { renderPersonExportPdf } from './person-export-pdf';
import type { PdfAnswer, PdfRequest } from './pdf-jobs';
import { renderReferralFormPdf } from './referral-form-pdf';
import { wordsFor } from './words';

/**
 * Draws PDFs on a worker thread (issue 20 §1): pdfkit lays out and compresses every page
 * synchronously, which on the main thread held health's p99 over 100 ms while one user asked
 * for subject-access PDFs. One document at a time; the pool (pdf-pool.ts) sends the next.
 */
const port = parentPort!;

function render(request: PdfRequest): Promise<Buffer> {
  switch (request.kind) {
    case 'case_summary':
      return renderCaseSummaryPdf(request.input);
    case 'referral_form':
      return renderReferralFormPdf(request.input);
    case 'person_export':
      return renderPersonExportPdf(request.input.document, { words: wordsFor(request.input.print), names: request.input.names }, { synthetic: request.input.synthetic });
  }
}

port.on('message', (request: PdfRequest) => {
  render(request).then(
    (pdf) => {
      // A copy of its own, so the whole buffer (not a slice of Node's shared pool) moves to the main thread.
      const bytes = new Uint8Array(pdf);
      port.postMessage({ ok: true, pdf: bytes } satisfies PdfAnswer, [bytes.buffer]);
    },
    (error: unknown) => port.postMessage({ ok: false, error: error instanceof Error ? error.message : String(error) } satisfies PdfAnswer),
  );
});
