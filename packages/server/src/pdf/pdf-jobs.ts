import type { PersonExport } from '@waymark/contracts';
import type { CaseSummary } from '../use-cases/cases/case-summary';
import type { ReferralForm } from '../use-cases/cases/referral-form';
import type { PrintOptions } from './words';

/** The documents a PDF worker draws, each from what the presenters gave its reader. */
export interface PdfInputs {
  case_summary: CaseSummary;
  referral_form: ReferralForm;
  /** The export, the reader's language and clock, and the display names of the staff it names. */
  person_export: { document: PersonExport; print: PrintOptions; names: ReadonlyMap<string, string>; synthetic: boolean };
}
export type PdfKind = keyof PdfInputs;

export type PdfRequest = { [K in PdfKind]: { kind: K; input: PdfInputs[K] } }[PdfKind];

/** The worker's answer: the document's bytes (transferred, not copied), or why it could not draw it. */
export type PdfAnswer = { ok: true; pdf: Uint8Array } | { ok: false; error: string };
