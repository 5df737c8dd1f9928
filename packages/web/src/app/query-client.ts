import { QueryCache, QueryClient, MutationCache } from '@tanstack/react-query';
import { isApiProblem } from '../api/problem';

export const SESSION_KEY = ['session'] as const;

function onError(error: unknown): void {
  // An expired session anywhere sends the user back to sign in, with nothing left behind.
  if (isApiProblem(error) && error.code === 'unauthenticated') {
    queryClient.clear();
    queryClient.setQueryData(SESSION_KEY, null);
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
