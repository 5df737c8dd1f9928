import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useSession } from '../../shared/session';
import { useSignOut } from '../../shared/use-sign-out';
import { ChangePasswordForm } from './ChangePasswordForm';

/** All a user signed in with a one-time password can see until they choose their own. */
export function OneTimePasswordPage() {
  const { t } = useTranslation();
  const session = useSession();
  const leave = useSignOut();
  return (
    <div className="sign-in-page">
      <div className="sign-in-top">
        <span className="brand">{t('app.name')}</span>
        <div className="topbar-end">
          <LanguageSwitch />
          <button type="button" className="link-button" data-testid="sign-out" onClick={() => leave.mutate()} disabled={leave.isPending}>
            {t('nav.signOut')}
          </button>
        </div>
      </div>
      <main id="main" className="sign-in card">
        <h1>{t('password.oneTimeHeading')}</h1>
        <p className="hint">{t('password.signedInAs', { email: session.user.email })}</p>
        <p>{t('password.oneTimeIntro')}</p>
        <ChangePasswordForm oneTime />
      </main>
    </div>
  );
}
