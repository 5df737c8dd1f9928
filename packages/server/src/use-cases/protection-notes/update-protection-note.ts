import { can, err, ok, type Result } from '@waymark/core';
import type { ProtectionNote, ProtectionNoteTopic, ProtectionNoteUpdate } from '@waymark/contracts';
import type { KeyRing } from '../../crypto/key-ring';
import { writeAudit } from '../../db/audit';
import { findPerson } from '../../db/persons-repository';
import { findProtectionNoteForUpdate, updateProtectionNoteAtVersion } from '../../db/protection-notes-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentProtectionNote } from '../../presenters/protection-note';
import { listCitationsOfNotes } from '../../db/trafficking-repository';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';
import { mayReadTopic } from './may-read-topic';
import { requireKeyRing, sealNote } from './note-sealing';

/**
 * Replaces a note's body at the version the writer read (409 if stale). Editing needs
 * clearance for the topic: nobody rewrites a section they cannot read.
 */
export async function updateProtectionNote(
  ctx: UseCaseContext,
  keyRing: KeyRing | undefined,
  id: string,
  input: ProtectionNoteUpdate,
): Promise<Result<ProtectionNote, Failure>> {
  if (!can(ctx.actor, 'protection_note.write')) return err(failure('forbidden'));
  const ring = requireKeyRing(keyRing);
  if (!ring.ok) return ring;
  return transact(ctx.db, async (tx) => {
    const current = await findProtectionNoteForUpdate(tx, ctx.actor.operationIds, id);
    if (!current) return err(failure('not_found'));
    // The person decides reach (scope), as for every other read of their file.
    const person = await findPerson(tx, ctx.actor, current.person_id);
    if (!person || person.operation_id !== current.operation_id) return err(failure('not_found'));
    const record = recordRef(person);
    if (!can(ctx.actor, 'protection_note.write', record)) return err(failure('forbidden'));
    if (!mayReadTopic(ctx.actor, current.topic as ProtectionNoteTopic, record)) return err(failure('forbidden'));
    if (current.version !== input.version) {
      return err(failure('version_conflict', `the note is at version ${current.version}; reload and reapply your change`));
    }
    const updated = await updateProtectionNoteAtVersion(
      tx,
      { operationId: current.operation_id, id, version: input.version },
      { ...sealNote(ring.value, current, input.body), actorId: ctx.actor.userId },
    );
    if (!updated) return err(failure('version_conflict'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: updated.operation_id,
      action: 'protection_note.update',
      resourceType: 'protection_note',
      resourceId: updated.id,
      details: { personId: updated.person_id, topic: updated.topic, keyId: updated.key_id, version: updated.version },
    });
    // An edited note keeps its citations: the assessments still point at it.
    return ok(presentProtectionNote(updated, input.body, (await listCitationsOfNotes(tx, updated.operation_id, [updated.id])).get(updated.id)));
  });
}
