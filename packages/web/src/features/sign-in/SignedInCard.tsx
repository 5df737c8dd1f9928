import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useSignOut } from '../../shared/use-sign-out';

/** The bare frame of the steps between password and work: brand, language, sign out. */
export function SignedInCard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
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
        {children}
      </main>
    </div>
  );
}
