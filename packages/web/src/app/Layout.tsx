import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { signOut } from '../api/sessions';
import { LanguageSwitch } from './LanguageSwitch';
import { queryClient, SESSION_KEY } from './query-client';
import { Link, navigate, useRoute } from './router';
import { pathOf } from './routes';
import { useCan, useSession } from './session';

/** After a screen change, focus its heading so screen readers announce where they are. */
function useFocusOnNavigate(main: RefObject<HTMLElement | null>, path: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = main.current?.querySelector<HTMLElement>('h1');
    heading?.focus();
  }, [main, path]);
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const session = useSession();
  const can = useCan();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  useFocusOnNavigate(main, pathOf(route));

  const leave = useMutation({
    mutationFn: signOut,
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_KEY, null);
      navigate({ name: 'people' }, { replace: true });
    },
  });

  const current = (name: string) => (route.name === name ? 'page' : undefined);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <nav aria-label={t('nav.label')} className="nav">
          {can('person.read') && (
            <Link to={{ name: 'people' }} data-testid="nav-people" aria-current={current('people')}>
              {t('nav.people')}
            </Link>
          )}
          {can('person.create') && (
            <Link to={{ name: 'register' }} data-testid="nav-register" aria-current={current('register')}>
              {t('nav.register')}
            </Link>
          )}
        </nav>
        <div className="topbar-end">
          <LanguageSwitch />
          <span className="who" title={session.user.email}>{session.user.displayName}</span>
          <button type="button" className="link-button" onClick={() => leave.mutate()} disabled={leave.isPending}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      <main id="main" ref={main} className="content">
        {children}
      </main>
    </div>
  );
}
