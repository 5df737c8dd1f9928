import { SessionSchema, type PasswordChange, type Session, type SignIn } from '@waymark/contracts';
import { request } from './client';

export const signIn = (input: SignIn): Promise<Session> => request('POST', '/sessions', { body: input, schema: SessionSchema });

export const currentSession = (): Promise<Session> => request('GET', '/sessions/current', { schema: SessionSchema });

export const signOut = (): Promise<void> => request<void>('DELETE', '/sessions/current');

/** Changes one's own password; the server ends every other session of the account. */
export const changePassword = (input: PasswordChange): Promise<void> =>
  request<void>('POST', '/sessions/current/password', { body: input });
