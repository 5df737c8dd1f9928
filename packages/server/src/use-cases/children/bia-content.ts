import { FIELD_REGISTRY, mayReadField, ok, type Actor, type RecordRef, type Result } from '@waymark/core';
import { BIA_PROTECTED_SECTIONS, type Bia } from '@waymark/contracts';
import { openBiaContent } from '../../crypto/bia-content-sealing';
import type { KeyRing } from '../../crypto/key-ring';
import type { BestInterestsAssessmentRow } from '../../db/schema';
import type { Failure } from '../../failure';
import { presentBia } from '../../presenters/children';

/**
 * A BIA as this reader may see it: the sealed sections are opened only for a reader of the
 * content, and the protection concerns and the child's views only for one cleared for
 * child protection (or the child's own worker); for anyone else they are null and named
 * as withheld, so the page can say so. Nothing is opened for a reader who sees nothing.
 */
export function presentBiaFor(ring: KeyRing | undefined, row: BestInterestsAssessmentRow, reader: { actor: Actor; child: RecordRef }): Result<Bia, Failure> {
  if (row.content_sealed === null) return ok(presentBia(row));
  const mayReadContent = mayReadField(reader.actor, FIELD_REGISTRY['child.bia.content'], reader.child);
  const mayReadProtected = mayReadField(reader.actor, FIELD_REGISTRY['child.bia.protectedContent'], reader.child);
  if (!mayReadContent) return ok(presentBia(row, { content: null, withheldSections: ['situationAndCare', 'protectionConcerns', 'childViews', 'needs', 'recommendedActions'] }));
  const opened = openBiaContent(ring, row);
  if (!opened.ok) return opened;
  const content = opened.value;
  if (content === null || mayReadProtected) return ok(presentBia(row, { content, withheldSections: [] }));
  const withheld = BIA_PROTECTED_SECTIONS.filter((section) => content[section] !== null);
  return ok(presentBia(row, { content: { ...content, protectionConcerns: null, childViews: null }, withheldSections: withheld }));
}

export function presentBiasFor(ring: KeyRing | undefined, rows: readonly BestInterestsAssessmentRow[], reader: { actor: Actor; child: RecordRef }): Result<Bia[], Failure> {
  const bias: Bia[] = [];
  for (const row of rows) {
    const one = presentBiaFor(ring, row, reader);
    if (!one.ok) return one;
    bias.push(one.value);
  }
  return ok(bias);
}
