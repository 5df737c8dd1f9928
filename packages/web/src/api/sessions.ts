import { SessionSchema, type Session, type SignIn } from '@waymark/contracts';
import { request } from './client';

export const signIn = (input: SignIn): Promise<Session> => request('POST', '/sessions', { body: input, schema: SessionSchema });

export const currentSession = (): Promise<Session> => request('GET', '/sessions/current', { schema: SessionSchema });

export const signOut = (): Promise<void> => request<void>('DELETE', '/sessions/current');
