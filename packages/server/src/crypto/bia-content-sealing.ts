import { err, ok, type Result } from '@waymark/core';
import type { BiaContent } from '@waymark/contracts';
import type { BestInterestsAssessmentRow } from '../db/schema';
import { failure, type Failure } from '../failure';
import type { KeyRing } from './key-ring';
import { open, seal } from './seal';

// A BIA's sections (migration 0043), sealed together and bound to the row and the child
// (the AAD), as a BID's child views are: a ciphertext copied to another row does not open.

type BiaPlace = Pick<BestInterestsAssessmentRow, 'operation_id' | 'id' | 'person_id'>;

export function biaContentAad(row: BiaPlace): string {
  return `best_interests_assessments:content_sealed:${row.operation_id}:${row.id}:${row.person_id}`;
}

export function sealBiaContent(ring: KeyRing, row: BiaPlace, content: BiaContent): string {
  return seal(ring, JSON.stringify(content), biaContentAad(row));
}

/** The sections in clear, or null when none were written. */
export function openBiaContent(ring: KeyRing | undefined, row: Pick<BestInterestsAssessmentRow, 'operation_id' | 'id' | 'person_id' | 'content_sealed'>): Result<BiaContent | null, Failure> {
  if (row.content_sealed === null) return ok(null);
  if (!ring) return err(failure('encryption_unavailable', 'this server has no encryption key ring'));
  const opened = open(ring, row.content_sealed, biaContentAad(row));
  if (!opened.ok) return err(failure(opened.error === 'unknown_key' ? 'encryption_unavailable' : 'sealed_value_unreadable'));
  return ok(JSON.parse(opened.value) as BiaContent);
}
