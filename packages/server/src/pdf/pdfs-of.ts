import type { UseCaseContext } from '../use-cases/context';
import { sharedPdfPool, type PdfPool } from './pdf-pool';

/** The pool a use case draws its PDF with: the app's, or the process's shared one. */
export const pdfsOf = (ctx: UseCaseContext): PdfPool => ctx.pdfs ?? sharedPdfPool();
