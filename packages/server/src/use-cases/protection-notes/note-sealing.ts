import { err, ok, type Result } from '@waymark/core';
import type { KeyRing } from '../../crypto/key-ring';
import { open, seal } from '../../crypto/seal';
import type { ProtectionNoteRow } from '../../db/schema';
import { failure, type Failure } from '../../failure';

type NotePlace = Pick<ProtectionNoteRow, 'operation_id' | 'id' | 'person_id' | 'topic'>;

/**
 * A note body is bound to its row, its person and its topic: a ciphertext copied to
 * another row, moved to another person or relabelled to a more widely readable topic
 * no longer opens. Topic and person are therefore fixed for a note's life.
 */
export function noteAad(note: NotePlace): string {
  return `protection_notes:body_sealed:${note.operation_id}:${note.id}:${note.person_id}:${note.topic}`;
}

export function sealNote(ring: KeyRing, note: NotePlace, body: string): { bodySealed: string; keyId: string } {
  return { bodySealed: seal(ring, body, noteAad(note)), keyId: ring.active };
}

export function openNote(ring: KeyRing, note: NotePlace & Pick<ProtectionNoteRow, 'body_sealed'>): Result<string, Failure> {
  const opened = open(ring, note.body_sealed, noteAad(note));
  if (opened.ok) return ok(opened.value);
  return err(failure(opened.error === 'unknown_key' ? 'encryption_unavailable' : 'sealed_value_unreadable'));
}

export function requireKeyRing(ring: KeyRing | undefined): Result<KeyRing, Failure> {
  return ring ? ok(ring) : err(failure('encryption_unavailable', 'this server has no encryption key ring'));
}
