import { useTranslation } from 'react-i18next';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Changing one's password, reached from the header. */
export function PasswordPage() {
  const { t } = useTranslation();
  return (
    <section className="password-page">
      <h1 tabIndex={-1}>{t('password.heading')}</h1>
      <div className="card">
        <p>{t('password.intro')}</p>
        <ChangePasswordForm />
      </div>
    </section>
  );
}
