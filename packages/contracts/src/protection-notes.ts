import { z } from 'zod';
import { freeText, IdSchema } from './common';

/** The highly sensitive sections of a person's file; each is sealed at rest. */
export const PROTECTION_NOTE_TOPICS = ['sgbv', 'trafficking', 'health', 'child_protection'] as const;
export type ProtectionNoteTopic = (typeof PROTECTION_NOTE_TOPICS)[number];

export const PROTECTION_NOTE_MAX_CHARS = 20_000;

const BodySchema = freeText(PROTECTION_NOTE_MAX_CHARS).min(1);

/** `POST /persons/:id/protection-notes`. */
export const ProtectionNoteCreateSchema = z.strictObject({
  topic: z.enum(PROTECTION_NOTE_TOPICS),
  body: BodySchema,
});
export type ProtectionNoteCreate = z.infer<typeof ProtectionNoteCreateSchema>;

/** `PATCH /protection-notes/:id`: names the version read; a stale one is a 409. */
export const ProtectionNoteUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  body: BodySchema,
});
export type ProtectionNoteUpdate = z.infer<typeof ProtectionNoteUpdateSchema>;

const NoteHead = {
  id: IdSchema,
  topic: z.enum(PROTECTION_NOTE_TOPICS),
  updatedAt: z.string(),
};

/**
 * A note the reader is cleared for, or only the fact that the section exists
 * (`restricted: true`): never its body, author or history.
 */
export const ProtectionNoteSchema = z.union([
  z.object({
    ...NoteHead,
    restricted: z.literal(false),
    personId: IdSchema,
    body: z.string(),
    version: z.number().int(),
    createdAt: z.string(),
    createdBy: IdSchema.nullable(),
    updatedBy: IdSchema.nullable(),
    /** The trafficking assessments that cite this note as evidence (the back-reference). */
    citedBy: z.array(z.object({ assessmentId: IdSchema, caseId: IdSchema })),
  }),
  z.object({ ...NoteHead, restricted: z.literal(true) }),
]);
export type ProtectionNote = z.infer<typeof ProtectionNoteSchema>;

export const ProtectionNoteListSchema = z.object({ items: z.array(ProtectionNoteSchema) });
export type ProtectionNoteList = z.infer<typeof ProtectionNoteListSchema>;
