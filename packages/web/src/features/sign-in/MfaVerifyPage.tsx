import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyMfa } from '../../api/sessions';
import { SESSION_KEY } from '../../shared/query-client';
import { ProblemMessage } from '../../components/ProblemMessage';
import { SignedInCard } from './SignedInCard';

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function MfaVerifyPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const attempt = useMutation({
    mutationFn: verifyMfa,
    onSuccess: (session) => queryClient.setQueryData(SESSION_KEY, session),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt.mutate(useRecovery ? { recoveryCode: value.trim() } : { code: value.replace(/\s/g, '') });
  };
  return (
    <SignedInCard>
      <h1>{t('mfa.verifyHeading')}</h1>
      <p className="hint">{t(useRecovery ? 'mfa.recoveryIntro' : 'mfa.verifyIntro')}</p>
      <form onSubmit={submit} aria-describedby={attempt.isError ? 'mfa-error' : undefined}>
        <div className="field">
          <label htmlFor="mfa-code">{t(useRecovery ? 'mfa.recoveryCode' : 'mfa.code')}</label>
          <input id="mfa-code" data-testid="mfa-code" required autoFocus dir="ltr"
            {...(useRecovery ? { autoComplete: 'off' } : { inputMode: 'numeric' as const, autoComplete: 'one-time-code', pattern: '[0-9 ]{6,7}' })}
            value={value} onChange={(event) => setValue(event.target.value)} />
        </div>
        {attempt.isError && <ProblemMessage id="mfa-error" error={attempt.error} />}
        <button type="submit" data-testid="mfa-submit" disabled={attempt.isPending}>
          {attempt.isPending ? t('mfa.verifying') : t('mfa.verify')}
        </button>
      </form>
      <button type="button" className="link-button" data-testid="mfa-use-recovery" onClick={() => { setUseRecovery(!useRecovery); setValue(''); attempt.reset(); }}>
        {t(useRecovery ? 'mfa.useCode' : 'mfa.useRecovery')}
      </button>
    </SignedInCard>
  );
}
