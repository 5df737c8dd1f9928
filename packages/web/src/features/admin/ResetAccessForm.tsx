import type { SecondFactorResetDone, User } from '@waymark/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { TextField } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { adminKeys, resetAccess } from './admin-api';

/**
 * Getting someone back in who lost their phone and recovery codes, or whom someone keeps
 * locked out: the server forgets the second factor, lifts every lock, ends the sessions and
 * replaces the password (whoever locked them out may hold it) with a one-time password
 * shown here once, to be handed over in person.
 */
export function ResetAccessForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<SecondFactorResetDone | null>(null);
  const reset = useMutation({
    mutationFn: () => resetAccess(user.id, reason),
    onSuccess: (result) => {
      setDone(result);
      setReason('');
      void client.invalidateQueries({ queryKey: adminKeys.users });
    },
  });
  const problems = isApiProblem(reset.error) ? reset.error.fieldErrors.filter((problem) => problem.path === '/reason') : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.mutate();
  };

  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby="access-reset-heading" data-testid="access-reset">
      <h3 id="access-reset-heading">{t('accessReset.heading', { name: user.displayName })}</h3>
      <p>{t('accessReset.intro')}</p>
      {done ? (
        <div className="notice" role="status" data-testid="access-reset-done">
          <p>{t('accessReset.done', { email: done.user.email })}</p>
          <p>
            {t('admin.users.oneTimePassword')} <code data-testid="access-reset-password">{done.oneTimePassword}</code>
          </p>
          <p>{t('accessReset.handOver')}</p>
        </div>
      ) : (
        <>
          <TextField id="access-reset-reason" label={t('accessReset.reason')} hint={t('accessReset.reasonHint')} value={reason} onChange={setReason} problems={problems} testId="access-reset-reason" />
          {reset.isError && <ProblemMessage error={reset.error} />}
          <button type="submit" disabled={reset.isPending} data-testid="access-reset-submit">
            {t('accessReset.submit')}
          </button>
        </>
      )}
      <button type="button" className="secondary" onClick={onClose} data-testid="access-reset-close">
        {t(done ? 'accessReset.close' : 'accessReset.cancel')}
      </button>
    </form>
  );
}
