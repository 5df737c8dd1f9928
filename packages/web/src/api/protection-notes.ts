import { ProtectionNoteListSchema, ProtectionNoteSchema, type ProtectionNote, type ProtectionNoteCreate } from '@waymark/contracts';
import { request } from './client';

export const protectionNotesKey = (personId: string) => ['persons', 'one', personId, 'protection-notes'] as const;

export const getProtectionNotes = (personId: string): Promise<{ items: ProtectionNote[] }> =>
  request('GET', `/persons/${encodeURIComponent(personId)}/protection-notes`, { schema: ProtectionNoteListSchema });

export const addProtectionNote = (personId: string, input: ProtectionNoteCreate): Promise<ProtectionNote> =>
  request('POST', `/persons/${encodeURIComponent(personId)}/protection-notes`, { body: input, schema: ProtectionNoteSchema });
