import { z } from 'zod';
import { IdSchema } from './common';

/** Newest first; `cursor` is the `nextCursor` of the page before. */
export const AuditEventQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^[1-9][0-9]{0,17}$/, 'not a cursor from this list').optional(),
  operationId: IdSchema.optional(),
  actorId: IdSchema.optional(),
  /** Matches the start of the action: `person.` finds every person action. */
  action: z.string().trim().min(1).max(100).regex(/^[a-z_.]+$/, 'letters, dots and underscores only').optional(),
  resourceType: z.string().trim().min(1).max(50).regex(/^[a-z_]+$/, 'letters and underscores only').optional(),
  resourceId: IdSchema.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditEventQuery = z.infer<typeof AuditEventQuerySchema>;

export const AUDIT_OUTCOMES = ['allowed', 'refused'] as const;

/** One audit entry as an auditor sees it: ids, codes and counts; never a person's data. */
export const AuditEventSchema = z.object({
  id: z.string(),
  chain: z.string(),
  seq: z.number().int(),
  /** SHA-256 of the entry, hex: what `waymark audit verify` recomputes. */
  hash: z.string(),
  at: z.iso.datetime(),
  operationId: IdSchema.nullable(),
  actorId: IdSchema.nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: IdSchema.nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  reason: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditEventPageSchema = z.object({
  items: z.array(AuditEventSchema),
  /**
   * Display names of the staff the page's entries name (as actor, as the resource, or as an
   * id in the details, e.g. an assignment's from and to), by user id. Staff names only: the
   * entries themselves still hold ids and codes, never a person's data.
   */
  userNames: z.record(z.string(), z.string()),
  nextCursor: z.string().nullable(),
});
export type AuditEventPage = z.infer<typeof AuditEventPageSchema>;
