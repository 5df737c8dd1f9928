import type { IloIndicatorCitation, ProtectionNoteTopic } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { KeyRing } from '../../crypto/key-ring';
import { writeAudit } from '../../db/audit';
import { findNotesOfPerson, insertProtectionNote } from '../../db/protection-notes-repository';
import type { PersonRow } from '../../db/schema';
import type { Tx } from '../../db/transaction';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';
import { mayReadTopic } from '../protection-notes/may-read-topic';
import { sealNote } from '../protection-notes/note-sealing';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stand-in for evidence not yet filed, so core can judge the rest before anything is written. */
export const INLINE_EVIDENCE_PLACEHOLDER = 'inline-evidence';

type Problem = { code: string; path: (string | number)[]; message: string };

/** The indicators as core reads them: inline evidence stands in as a placeholder until filed. */
export function indicatorsForCore(indicators: readonly IloIndicatorCitation[]): Array<{ code: string; evidenceNoteId: string }> {
  return indicators.map((indicator) => ({ code: indicator.code, evidenceNoteId: indicator.evidenceText !== undefined ? INLINE_EVIDENCE_PLACEHOLDER : (indicator.evidenceNoteId ?? '') }));
}

/**
 * A cited note must be one of this person's protection notes that the assessor may read:
 * a note they cannot read, another person's, or a made-up reference are all
 * `unknown_evidence_note`, in the same words, so the answer tells nothing about notes out
 * of reach. `already` holds the paths core has refused (an id that is not even an id).
 */
export async function checkCitedNotes(tx: Tx, ctx: UseCaseContext, person: PersonRow, indicators: readonly IloIndicatorCitation[], already: ReadonlySet<string>): Promise<Problem[]> {
  const named = indicators.flatMap((indicator) => (indicator.evidenceNoteId !== undefined && UUID.test(indicator.evidenceNoteId) ? [indicator.evidenceNoteId.toLowerCase()] : []));
  const record = recordRef(person);
  const readable = new Set(
    (await findNotesOfPerson(tx, person.operation_id, person.id, [...new Set(named)]))
      .filter((note) => mayReadTopic(ctx.actor, note.topic as ProtectionNoteTopic, record))
      .map((note) => note.id),
  );
  return indicators.flatMap((indicator, index) => {
    const id = indicator.evidenceNoteId;
    if (id === undefined || readable.has(id.toLowerCase()) || already.has(`/iloIndicators/${index}/evidenceNoteId`)) return [];
    return [{ code: 'unknown_evidence_note', path: ['iloIndicators', index, 'evidenceNoteId'], message: "cite one of this person's protection notes that you can read" }];
  });
}

/**
 * Evidence written inline becomes a sealed trafficking note of the person, audited like any
 * note (without saying which indicator: the audit trail is not sealed), and is cited by id.
 */
export async function fileInlineEvidence(tx: Tx, ctx: UseCaseContext, ring: KeyRing, person: PersonRow, indicators: readonly IloIndicatorCitation[]): Promise<Array<{ code: string; evidenceNoteId: string }>> {
  const cited: Array<{ code: string; evidenceNoteId: string }> = [];
  for (const indicator of indicators) {
    if (indicator.evidenceText === undefined) {
      cited.push({ code: indicator.code, evidenceNoteId: (indicator.evidenceNoteId ?? '').toLowerCase() });
      continue;
    }
    const place = { operation_id: person.operation_id, id: uuidv7(), person_id: person.id, topic: 'trafficking' };
    const note = await insertProtectionNote(tx, { operationId: place.operation_id, id: place.id, personId: place.person_id, topic: place.topic, ...sealNote(ring, place, indicator.evidenceText), actorId: ctx.actor.userId });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: note.operation_id,
      action: 'protection_note.create',
      resourceType: 'protection_note',
      resourceId: note.id,
      details: { personId: note.person_id, topic: note.topic, keyId: note.key_id, chars: indicator.evidenceText.length, asEvidence: true },
    });
    cited.push({ code: indicator.code, evidenceNoteId: note.id });
  }
  return cited;
}
