import { useMutation } from '@tanstack/react-query';
import { signOut } from '../api/sessions';
import { forgetSession } from './query-client';
import { navigate } from './router';

/** Signs out and drops every record held in memory, whatever the server answered. */
export function useSignOut() {
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      forgetSession();
      navigate({ name: 'people' }, { replace: true });
    },
  });
}
