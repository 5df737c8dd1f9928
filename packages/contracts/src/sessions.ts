import { z } from 'zod';
import { IdSchema } from './common';

export const SignInSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  password: z.string().min(1).max(1024),
});
export type SignIn = z.infer<typeof SignInSchema>;

export const OperationSummarySchema = z.object({ id: IdSchema, code: z.string(), name: z.string() });

export const SiteSchema = z.object({
  id: IdSchema,
  operationId: IdSchema,
  code: z.string(),
  name: z.string(),
  setting: z.string().nullable(),
  adminAreaCode: z.string().nullable(),
});
export type Site = z.infer<typeof SiteSchema>;

export const SessionSchema = z.object({
  user: z.object({
    id: IdSchema,
    email: z.string(),
    displayName: z.string(),
    role: z.string(),
    locale: z.string(),
    /** A one-time password is in use: nothing else is allowed until it is changed. */
    mustChangePassword: z.boolean(),
    /** Which records the user's verbs reach (own/team/agency/operation). */
    scope: z.string(),
    /** The user's agency (null only for a bootstrap administrator without one). */
    agencyId: IdSchema.nullable(),
  }),
  operations: z.array(OperationSummarySchema),
  /** What this user may do, from the same rule book the server enforces. */
  abilities: z.array(z.string()),
});
export type Session = z.infer<typeof SessionSchema>;

export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['embedded', 'server']),
  postgresVersion: z.string(),
  version: z.string(),
});
export type Health = z.infer<typeof HealthSchema>;

/** `POST /sessions/current/password`: change one's own password (ends the user's other sessions). */
export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(12, 'at least 12 characters').max(1024),
});
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;
