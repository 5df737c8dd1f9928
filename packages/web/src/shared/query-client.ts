import { QueryCache, QueryClient, MutationCache } from '@tanstack/react-query';
import { isApiProblem } from '../api/problem';

export const SESSION_KEY = ['session'] as const;

/**
 * Back to sign in, with no record left in memory. The session query itself is kept and
 * set to null: clearing it away would leave the session gate watching a query that is
 * no longer in the cache, so it would never see the sign-out (nor the next sign-in).
 */
export function forgetSession(): void {
  queryClient.setQueryData(SESSION_KEY, null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  queryClient.getMutationCache().clear();
}

function onError(error: unknown): void {
  // An expired session anywhere sends the user back to sign in, with nothing left behind.
  if (isApiProblem(error) && error.code === 'unauthenticated') forgetSession();
  // The account now has a one-time password (reset elsewhere), or now needs a second factor
  // (its operation began to require one): the session says so, and the app shows that step.
  if (isApiProblem(error) && (error.code === 'password_change_required' || error.code === 'mfa_enrolment_required')) {
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }
}

/**
 * Server state lives in memory only: nothing here is persisted, and everything is
 * dropped on sign-out. Short gcTime keeps people's records from lingering unseen.
 */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      gcTime: 2 * 60_000,
      retry: (count, error) => !isApiProblem(error) || (error.code === 'network_error' && count < 2),
      refetchOnWindowFocus: false,
    },
  },
});
