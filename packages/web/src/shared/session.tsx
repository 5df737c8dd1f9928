import type { Session } from '@waymark/contracts';
import type { Verb } from '@waymark/core';
import { createContext, useContext } from 'react';

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in screen');
  return session;
}

/** Display only: the server enforces the same rule book whatever the UI shows. */
export function useCan(): (verb: Verb) => boolean {
  const session = useSession();
  return (verb) => session.abilities.includes(verb);
}
