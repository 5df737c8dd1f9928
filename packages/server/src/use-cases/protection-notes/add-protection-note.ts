import { can, err, ok, type Result } from '@waymark/core';
import type { ProtectionNote, ProtectionNoteCreate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { KeyRing } from '../../crypto/key-ring';
import { writeAudit } from '../../db/audit';
import { insertProtectionNote } from '../../db/protection-notes-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentProtectionNote, presentRestrictedNote } from '../../presenters/protection-note';
import type { UseCaseContext } from '../context';
import { personFor } from '../person-for';
import { recordRef } from '../record-ref';
import { mayReadTopic } from './may-read-topic';
import { requireKeyRing, sealNote } from './note-sealing';
import { refuseIfAnonymised } from '../persons/refuse-if-anonymised';

/**
 * Records a note, sealed before it reaches the database. Whoever may write notes on the person
 * may record a disclosure, even on a topic they are not cleared to read back: then the
 * answer is the restricted view, as anywhere else.
 */
export async function addProtectionNote(
  ctx: UseCaseContext,
  keyRing: KeyRing | undefined,
  personId: string,
  input: ProtectionNoteCreate,
): Promise<Result<ProtectionNote, Failure>> {
  if (!can(ctx.actor, 'protection_note.write')) return err(failure('forbidden'));
  const ring = requireKeyRing(keyRing);
  if (!ring.ok) return ring;
  return transact(ctx.db, async (tx) => {
    const found = await personFor(tx, ctx.actor, personId, 'protection_note.write');
    if (!found.ok) return found;
    const person = found.value;
    const record = recordRef(person);
    const live = refuseIfAnonymised(person);
    if (!live.ok) return live;
    const place = { operation_id: person.operation_id, id: uuidv7(), person_id: person.id, topic: input.topic };
    const sealed = sealNote(ring.value, place, input.body);
    const row = await insertProtectionNote(tx, {
      operationId: place.operation_id,
      id: place.id,
      personId: place.person_id,
      topic: place.topic,
      ...sealed,
      actorId: ctx.actor.userId,
    });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: row.operation_id,
      action: 'protection_note.create',
      resourceType: 'protection_note',
      resourceId: row.id,
      details: { personId: row.person_id, topic: row.topic, keyId: row.key_id, chars: input.body.length },
    });
    return ok(mayReadTopic(ctx.actor, input.topic, record) ? presentProtectionNote(row, input.body) : presentRestrictedNote(row));
  });
}
