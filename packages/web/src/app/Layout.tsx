import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Link, useRoute } from '../shared/router';
import { pathOf } from '../shared/routes';
import { useCan, useSession } from '../shared/session';
import { useSignOut } from '../shared/use-sign-out';
import { DemoBanner } from './DemoBanner';

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

  const leave = useSignOut();

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
          {can('case.read') && (
            <Link to={{ name: 'my-work' }} data-testid="nav-my-work" aria-current={current('my-work')}>
              {t('nav.myWork')}
            </Link>
          )}
          {(can('case.supervise') || can('case.approve_closure')) && (
            <Link to={{ name: 'supervision' }} data-testid="nav-supervision" aria-current={current('supervision')}>
              {t('nav.supervision')}
            </Link>
          )}
          {can('resettlement.queue') && (
            <Link to={{ name: 'resettlement' }} data-testid="nav-resettlement" aria-current={current('resettlement')}>
              {t('nav.resettlement')}
            </Link>
          )}
          {can('programme.read') && (
            <Link to={{ name: 'programmes' }} data-testid="nav-programmes" aria-current={current('programmes') ?? current('programme')}>
              {t('nav.programmes')}
            </Link>
          )}
          {(can('labour.read') || can('aggregate.read')) && (
            <Link to={{ name: 'labour' }} data-testid="nav-labour" aria-current={current('labour')}>
              {t('nav.labour')}
            </Link>
          )}
          {can('aggregate.read') && (
            <Link to={{ name: 'map' }} data-testid="nav-map" aria-current={current('map')}>
              {t('nav.map')}
            </Link>
          )}
          {can('aggregate.read') && (
            <Link to={{ name: 'reports' }} data-testid="nav-reports" aria-current={current('reports')}>
              {t('nav.reports')}
            </Link>
          )}
          {can('audit.read') && (
            <Link to={{ name: 'audit' }} data-testid="nav-audit" aria-current={current('audit')}>
              {t('nav.audit')}
            </Link>
          )}
          {can('retention.manage') && (
            <Link to={{ name: 'retention' }} data-testid="nav-retention" aria-current={current('retention')}>
              {t('nav.retention')}
            </Link>
          )}
          {(can('user.manage') || can('agency.manage')) && (
            <Link to={{ name: 'admin' }} data-testid="nav-admin" aria-current={current('admin')}>
              {t('nav.admin')}
            </Link>
          )}
        </nav>
        <div className="topbar-end">
          <LanguageSwitch />
          <span className="who" title={session.user.email}>{session.user.displayName}</span>
          <Link to={{ name: 'password' }} data-testid="nav-password" aria-current={current('password')}>
            {t('nav.password')}
          </Link>
          <button type="button" className="link-button" data-testid="sign-out" onClick={() => leave.mutate()} disabled={leave.isPending}>
            {t('nav.signOut')}
          </button>
        </div>
      </header>
      {session.mfa.relaxed && (
        // WAYMARK_MFA_REQUIRED=false: nobody should mistake an evaluation install for a protected one.
        <p className="mfa-relaxed-banner" role="note" data-testid="mfa-relaxed">{t('mfa.relaxedBanner')}</p>
      )}
      <DemoBanner />
      <main id="main" ref={main} className="content">
        {children}
      </main>
    </div>
  );
}
