import type { ColumnRotator } from './column-pass';
import { rotateAssessments, rotateBiaContent, rotateBidViews, rotateTopicTaskTitles } from './rotate-case-work';
import { rotateDocumentNumbers } from './rotate-identity-documents';
import { rotateInformants } from './rotate-informants';
import { rotateProtectionNotes } from './rotate-protection-notes';
import { rotateScreeningAnswers } from './rotate-screening-answers';
import { rotateTotpSecrets } from './rotate-totp-secrets';

/**
 * How each sealed column is re-sealed, by `table.column`. The columns themselves come from
 * the schema (a comment beginning "sealed", migration 0031): a sealed column with no entry
 * here is reported by `waymark keys rotate` as not covered (exit 1, no key called
 * removable), and sealed-columns.test.ts fails until it has one. Each needs its own entry
 * because each value is bound to its place (the AAD names the row's own ids).
 */
export const SEALED_COLUMN_ROTATIONS: Readonly<Record<string, { rotate: ColumnRotator; minBatch: number }>> = {
  'protection_notes.body_sealed': { rotate: rotateProtectionNotes, minBatch: 1 },
  'users.totp_secret_sealed': { rotate: rotateTotpSecrets, minBatch: 1 },
  // Many more rows than notes: larger batches, still one short transaction each.
  'screenings.sealed_answers': { rotate: rotateScreeningAnswers, minBatch: 1_000 },
  'best_interests_determinations.child_views_text': { rotate: rotateBidViews, minBatch: 500 },
  'best_interests_assessments.content_sealed': { rotate: rotateBiaContent, minBatch: 500 },
  'trafficking_assessments.sealed': { rotate: rotateAssessments, minBatch: 500 },
  'workplace_reports.informant_name_sealed': { rotate: rotateInformants, minBatch: 200 },
  'case_tasks.title': { rotate: rotateTopicTaskTitles, minBatch: 500 },
  'person_identity_documents.number_sealed': { rotate: rotateDocumentNumbers, minBatch: 500 },
};
