import { z } from 'zod';
import { IdSchema } from './common';

export const SignInSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  password: z.string().min(1).max(1024),
});
export type SignIn = z.infer<typeof SignInSchema>;

/** `synthetic`: a demo operation of generated people (waymark seed --demo), never real ones. */
export const OperationSummarySchema = z.object({ id: IdSchema, code: z.string(), name: z.string(), synthetic: z.boolean() });

export const SiteSchema = z.object({
  id: IdSchema,
  operationId: IdSchema,
  code: z.string(),
  name: z.string(),
  setting: z.string().nullable(),
  adminAreaCode: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  version: z.number().int(),
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
  /**
   * Send back in `x-csrf-token` with every POST/PATCH/PUT/DELETE. Bound to this session:
   * it is also in the readable `waymark_csrf` cookie, so a reloaded page can find it.
   */
  csrfToken: z.string(),
  mfa: z.object({
    /** The user has confirmed a TOTP authenticator. */
    enrolled: z.boolean(),
    /** This user must enrol before anything else (role or operation requires it). */
    enrolmentRequired: z.boolean(),
    /** Signed in with the password only: the second step is still to come. */
    verificationPending: z.boolean(),
    /** WAYMARK_MFA_REQUIRED=false: this install does not require a second factor; every page says so. */
    relaxed: z.boolean(),
  }),
});
export type Session = z.infer<typeof SessionSchema>;

/** Public: that the server and its database answer, nothing an attacker could match to a vulnerability. */
export const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['embedded', 'server']),
});
export type Health = z.infer<typeof HealthSchema>;

/** `POST /sessions/current/password`: change one's own password (ends the user's other sessions). */
export const PasswordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(12, 'at least 12 characters').max(1024),
});
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;

/** `POST /sessions/current/mfa`: a new TOTP secret to put in an authenticator app. */
export const MfaEnrolmentSchema = z.object({
  /** Base32, for typing into an app by hand. */
  secret: z.string(),
  /** The same as an otpauth:// URI (what a QR code would hold). */
  otpauthUri: z.string(),
});
export type MfaEnrolment = z.infer<typeof MfaEnrolmentSchema>;

const TotpCodeSchema = z.string().trim().regex(/^\d{6}$/, 'six digits');

/** `POST /sessions/current/mfa/confirm`: a code from the new authenticator proves it works. */
export const MfaConfirmSchema = z.strictObject({ code: TotpCodeSchema });
export type MfaConfirm = z.infer<typeof MfaConfirmSchema>;

/** Shown once, never again: each works once in place of a code. */
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodesSchema>;

/** `POST /sessions/current/mfa/verify`: the second step of signing in, a code or a recovery code. */
export const MfaVerifySchema = z.union([
  z.strictObject({ code: TotpCodeSchema }),
  z.strictObject({ recoveryCode: z.string().trim().min(1).max(64) }),
]);
export type MfaVerify = z.infer<typeof MfaVerifySchema>;
