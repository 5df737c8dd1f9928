import { useMutation } from '@tanstack/react-query';
import { signOut } from '../api/sessions';
import { forgetSession } from './query-client';
import { pathOf } from './routes';

/** Signs out and drops every record held in memory, whatever the server answered. */
export function useSignOut() {
  return useMutation({
    mutationFn: signOut,
    onSettled: () => {
      forgetSession();
      // The next person to sign in starts from the list, not from this user's last record.
      // Quietly: telling the router now would open the list, and fetch it, before the
      // sign-in screen replaces the app.
      window.history.replaceState(null, '', pathOf({ name: 'people' }));
    },
  });
}
