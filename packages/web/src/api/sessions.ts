import {
  MfaEnrolmentSchema,
  RecoveryCodesSchema,
  SessionSchema,
  type MfaEnrolment,
  type MfaVerify,
  type PasswordChange,
  type RecoveryCodes,
  type Session,
  type SignIn,
} from '@waymark/contracts';
import { request } from './client';

export const signIn = (input: SignIn): Promise<Session> => request('POST', '/sessions', { body: input, schema: SessionSchema });

export const currentSession = (): Promise<Session> => request('GET', '/sessions/current', { schema: SessionSchema });

export const signOut = (): Promise<void> => request<void>('DELETE', '/sessions/current');

/** Changes one's own password; the server ends every other session of the account. */
export const changePassword = (input: PasswordChange): Promise<void> =>
  request<void>('POST', '/sessions/current/password', { body: input });

/** A new TOTP secret for an authenticator app (not in force until confirmed). */
export const beginMfaEnrolment = (): Promise<MfaEnrolment> => request('POST', '/sessions/current/mfa', { schema: MfaEnrolmentSchema });

/** A code from the app puts it in force; the recovery codes come back this once. */
export const confirmMfaEnrolment = (code: string): Promise<RecoveryCodes> =>
  request('POST', '/sessions/current/mfa/confirm', { body: { code }, schema: RecoveryCodesSchema });

/** The second step of signing in. */
export const verifyMfa = (input: MfaVerify): Promise<Session> => request('POST', '/sessions/current/mfa/verify', { body: input, schema: SessionSchema });
