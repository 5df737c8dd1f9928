import { can, err, ok, type Result } from '@waymark/core';
import type { ProtectionNote, ProtectionNoteList, ProtectionNoteTopic } from '@waymark/contracts';
import type { KeyRing } from '../../crypto/key-ring';
import { writeAudit } from '../../db/audit';
import { listProtectionNotesOfPerson } from '../../db/protection-notes-repository';
import { transact } from '../../db/transaction';
import { listCitationsOfNotes } from '../../db/trafficking-repository';
import { failure, type Failure } from '../../failure';
import { presentProtectionNote, presentRestrictedNote } from '../../presenters/protection-note';
import type { UseCaseContext } from '../context';
import { personFor } from '../person-for';
import { recordRef } from '../record-ref';
import { mayReadTopic } from './may-read-topic';
import { openNote, requireKeyRing } from './note-sealing';

/**
 * A person's protection notes: bodies of the topics the reader is cleared for, and for
 * the rest only that the section exists. Every body opened is audited, one row per note.
 */
export async function listProtectionNotes(
  ctx: UseCaseContext,
  keyRing: KeyRing | undefined,
  personId: string,
): Promise<Result<ProtectionNoteList, Failure>> {
  if (!can(ctx.actor, 'protection_note.read')) return err(failure('forbidden'));
  const ring = requireKeyRing(keyRing);
  if (!ring.ok) return ring;
  return transact(ctx.db, async (tx) => {
    const found = await personFor(tx, ctx.actor, personId, 'protection_note.read');
    if (!found.ok) return found;
    const person = found.value;
    const record = recordRef(person);
    const items: ProtectionNote[] = [];
    const rows = await listProtectionNotesOfPerson(tx, person.operation_id, person.id);
    const citations = await listCitationsOfNotes(tx, person.operation_id, rows.map((row) => row.id));
    for (const row of rows) {
      if (!mayReadTopic(ctx.actor, row.topic as ProtectionNoteTopic, record)) {
        items.push(presentRestrictedNote(row));
        continue;
      }
      const body = openNote(ring.value, row);
      if (!body.ok) return body;
      await writeAudit(tx, {
        actorId: ctx.actor.userId,
        operationId: row.operation_id,
        action: 'protection_note.view',
        resourceType: 'protection_note',
        resourceId: row.id,
        details: { personId: row.person_id, topic: row.topic },
      });
      items.push(presentProtectionNote(row, body.value, citations.get(row.id)));
    }
    return ok({ items });
  });
}
