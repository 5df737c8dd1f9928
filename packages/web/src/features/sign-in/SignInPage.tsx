import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { decodePointer } from '../../api/json-pointer';
import { isApiProblem } from '../../api/problem';
import { signIn } from '../../api/sessions';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { SESSION_KEY } from '../../shared/query-client';
import { FieldError } from '../../components/FieldError';
import { ProblemMessage } from '../../components/ProblemMessage';

export function SignInPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const attempt = useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      setPassword('');
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });

  const fieldErrors = isApiProblem(attempt.error) ? attempt.error.fieldErrors : [];
  const errorsAt = (field: string) => fieldErrors.filter((problem) => decodePointer(problem.path)[0] === field);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    attempt.mutate({ email: email.trim(), password });
  };

  return (
    <div className="sign-in-page">
      <div className="sign-in-top">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </div>
      <main id="main" className="sign-in card">
        <h1>{t('signIn.heading')}</h1>
        <p className="hint">{t('signIn.intro')}</p>
        <form onSubmit={submit} aria-describedby={attempt.isError ? 'sign-in-error' : undefined}>
          <div className="field">
            <label htmlFor="email">{t('signIn.email')}</label>
            <input id="email" data-testid="email" type="email" autoComplete="username" required
              value={email} onChange={(event) => setEmail(event.target.value)}
              aria-invalid={errorsAt('email').length > 0 || undefined} aria-describedby={errorsAt('email').length > 0 ? 'email-error' : undefined} />
            <FieldError id="email-error" problems={errorsAt('email')} />
          </div>
          <div className="field">
            <label htmlFor="password">{t('signIn.password')}</label>
            <input id="password" data-testid="password" type="password" autoComplete="current-password" required
              value={password} onChange={(event) => setPassword(event.target.value)}
              aria-invalid={errorsAt('password').length > 0 || undefined} aria-describedby={errorsAt('password').length > 0 ? 'password-error' : undefined} />
            <FieldError id="password-error" problems={errorsAt('password')} />
          </div>
          {attempt.isError && <ProblemMessage id="sign-in-error" error={attempt.error} />}
          <button type="submit" data-testid="sign-in" disabled={attempt.isPending}>
            {attempt.isPending ? t('signIn.signingIn') : t('signIn.submit')}
          </button>
        </form>
      </main>
    </div>
  );
}
