import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Route } from '../shared/routes';

/**
 * The catalogue key naming each screen in the browser's title bar, tab and history. Never a
 * person's name or number: titles are kept in the browser's history and shown in tab
 * previews and screen shares, where the people a record is about must not appear.
 */
export function titleKeyOf(route: Route): string {
  switch (route.name) {
    case 'people':
      return 'nav.people';
    case 'register':
      return 'nav.register';
    case 'password':
      return 'nav.password';
    case 'audit':
      return 'nav.audit';
    case 'admin':
      return 'nav.admin';
    case 'retention':
      return 'nav.retention';
    case 'reports':
      return 'nav.reports';
    case 'map':
      return 'nav.map';
    case 'my-work':
      return 'nav.myWork';
    case 'supervision':
      return 'nav.supervision';
    case 'resettlement':
      return 'nav.resettlement';
    case 'programmes':
      return 'nav.programmes';
    case 'programme':
      return 'pageTitle.programme';
    case 'labour':
      return 'nav.labour';
    case 'case':
      return 'pageTitle.case';
    case 'person':
      return 'pageTitle.person';
    case 'screen':
      return 'pageTitle.screen';
    case 'not-found':
      return 'pageTitle.notFound';
  }
}

/**
 * Keeps `document.title` at "<page> · Waymark" in the reader's language, following both;
 * null leaves it to the screen shown below.
 */
export function usePageTitle(key: string | null): void {
  const { t } = useTranslation();
  // The middle dot reads the same in both directions: "الأشخاص · وايمارك".
  const title = key === null ? null : `${t(key)} · ${t('app.name')}`;
  useEffect(() => {
    if (title !== null) document.title = title;
  }, [title]);
}

/** Before the app proper: signing in, the second factor, a one-time password to replace. */
export function gateTitleKeyOf(session: { mfa: { verificationPending: boolean; enrolmentRequired: boolean }; user: { mustChangePassword: boolean } } | null | undefined): string | null {
  if (session === undefined) return null;
  if (session === null) return 'signIn.heading';
  if (session.mfa.verificationPending) return 'mfa.verifyHeading';
  if (session.mfa.enrolmentRequired && !session.user.mustChangePassword) return 'mfa.enrolHeading';
  if (session.user.mustChangePassword) return 'password.oneTimeHeading';
  return null;
}
