import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { beginMfaEnrolment, confirmMfaEnrolment } from '../../api/sessions';
import { SESSION_KEY } from '../../shared/query-client';
import { useSession } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { QrCode } from './QrCode';
import { SignedInCard } from './SignedInCard';

/**
 * Setting up the second factor. The otpauth:// URI is shown as a QR code drawn in the
 * browser (the secret is never sent to anything but this page), with the key as text for
 * an app or phone that cannot scan, and the URI itself. The recovery codes are shown once,
 * after the first code is confirmed. This screen is its own chunk (`React.lazy` in
 * `app/App.tsx`), so the QR encoder is fetched only by someone setting up a second factor.
 */
export function MfaEnrolmentPage() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const begin = useMutation({ mutationFn: beginMfaEnrolment });
  const confirm = useMutation({ mutationFn: confirmMfaEnrolment });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate(code.replace(/\s/g, ''));
  };
  // Only after the codes are written down does the app move on (the session now says enrolled).
  const done = () => void queryClient.invalidateQueries({ queryKey: SESSION_KEY });

  if (confirm.data) {
    return (
      <SignedInCard>
        <h1>{t('mfa.recoveryHeading')}</h1>
        <p>{t('mfa.recoveryCodesIntro')}</p>
        <ol className="recovery-codes" dir="ltr" data-testid="recovery-codes">
          {confirm.data.recoveryCodes.map((recovery) => (
            <li key={recovery}><code>{recovery}</code></li>
          ))}
        </ol>
        <button type="button" data-testid="mfa-done" onClick={done}>{t('mfa.savedCodes')}</button>
      </SignedInCard>
    );
  }
  return (
    <SignedInCard>
      <h1>{t('mfa.enrolHeading')}</h1>
      <p className="hint">{t('password.signedInAs', { email: session.user.email })}</p>
      <p>{t(session.mfa.enrolmentRequired ? 'mfa.enrolRequired' : 'mfa.enrolIntro')}</p>
      {!begin.data ? (
        <>
          {begin.isError && <ProblemMessage error={begin.error} />}
          <button type="button" data-testid="mfa-begin" onClick={() => begin.mutate()} disabled={begin.isPending}>{t('mfa.begin')}</button>
        </>
      ) : (
        <form onSubmit={submit} aria-describedby={confirm.isError ? 'mfa-error' : undefined}>
          <p>{t('mfa.scanIntro')}</p>
          <div className="mfa-qr">
            <QrCode text={begin.data.otpauthUri} label={t('mfa.qrLabel')} testId="mfa-qr" />
          </div>
          <p>{t('mfa.secretIntro')}</p>
          <p className="mfa-secret" dir="ltr"><code data-testid="mfa-secret">{begin.data.secret.match(/.{1,4}/g)!.join(' ')}</code></p>
          <details>
            <summary>{t('mfa.uri')}</summary>
            <p dir="ltr"><code className="mfa-uri" data-testid="mfa-uri">{begin.data.otpauthUri}</code></p>
          </details>
          <div className="field">
            <label htmlFor="mfa-confirm-code">{t('mfa.code')}</label>
            <input id="mfa-confirm-code" data-testid="mfa-confirm-code" required inputMode="numeric" autoComplete="one-time-code" dir="ltr"
              value={code} onChange={(event) => setCode(event.target.value)} />
          </div>
          {confirm.isError && <ProblemMessage id="mfa-error" error={confirm.error} />}
          <button type="submit" data-testid="mfa-confirm" disabled={confirm.isPending}>{t('mfa.confirm')}</button>
        </form>
      )}
    </SignedInCard>
  );
}
