import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { PeopleListPage } from '../features/people/PeopleListPage';
import { titleKeyOf, usePageTitle } from './page-title';
import { Link, useRoute } from '../shared/router';
import { useCan } from '../shared/session';

// Split by route: the people list (the home page) is in the first script; every other
// screen is fetched when first opened, so a field office's slow link carries only what is shown.
const AdminPage = lazy(() => import('../features/admin/AdminPage').then((m) => ({ default: m.AdminPage })));
const AuditTrailPage = lazy(() => import('../features/audit/AuditTrailPage').then((m) => ({ default: m.AuditTrailPage })));
const PasswordPage = lazy(() => import('../features/password/PasswordPage').then((m) => ({ default: m.PasswordPage })));
const PersonPage = lazy(() => import('../features/person/PersonPage').then((m) => ({ default: m.PersonPage })));
const RegisterPage = lazy(() => import('../features/registration/RegisterPage').then((m) => ({ default: m.RegisterPage })));
const RetentionPage = lazy(() => import('../features/retention/RetentionPage').then((m) => ({ default: m.RetentionPage })));
const RiskByAreaPage = lazy(() => import('../features/reports/RiskByAreaPage').then((m) => ({ default: m.RiskByAreaPage })));
const RiskMapPage = lazy(() => import('../features/map/RiskMapPage').then((m) => ({ default: m.RiskMapPage })));
const CasePage = lazy(() => import('../features/cases/CasePage').then((m) => ({ default: m.CasePage })));
const MyWorkPage = lazy(() => import('../features/cases/MyWorkPage').then((m) => ({ default: m.MyWorkPage })));
const SupervisionPage = lazy(() => import('../features/cases/SupervisionPage').then((m) => ({ default: m.SupervisionPage })));
const ResettlementQueuePage = lazy(() => import('../features/solutions/ResettlementQueuePage').then((m) => ({ default: m.ResettlementQueuePage })));
const ScreeningPage = lazy(() => import('../features/screening/ScreeningPage').then((m) => ({ default: m.ScreeningPage })));
const LabourPage = lazy(() => import('../features/labour/LabourPage').then((m) => ({ default: m.LabourPage })));
const ProgrammePage = lazy(() => import('../features/programmes/ProgrammePage').then((m) => ({ default: m.ProgrammePage })));
const ProgrammesPage = lazy(() => import('../features/programmes/ProgrammesPage').then((m) => ({ default: m.ProgrammesPage })));

function NotAllowed() {
  const { t } = useTranslation();
  return (
    <section>
      <h1 tabIndex={-1}>{t('problem.forbidden')}</h1>
      <p>{t('app.notAllowedHint')}</p>
    </section>
  );
}

export function Screens() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p className="page-status" role="status">{t('app.loading')}</p>}>
      <Screen />
    </Suspense>
  );
}

function Screen() {
  const { t } = useTranslation();
  const route = useRoute();
  const can = useCan();
  // Home is the first thing the role may see: its title names that page.
  const home = can('person.read') ? 'nav.people' : can('aggregate.read') ? 'nav.reports' : can('audit.read') ? 'nav.audit' : 'nav.people';
  usePageTitle(route.name === 'people' ? home : titleKeyOf(route));
  switch (route.name) {
    case 'people':
      // Home: people for those who work with people; otherwise the first thing the role may see.
      if (can('person.read')) return <PeopleListPage />;
      if (can('aggregate.read')) return <RiskByAreaPage />;
      if (can('audit.read')) return <AuditTrailPage />;
      return <NotAllowed />;
    case 'my-work':
      return can('case.read') ? <MyWorkPage /> : <NotAllowed />;
    case 'resettlement':
      return can('resettlement.queue') ? <ResettlementQueuePage /> : <NotAllowed />;
    case 'programmes':
      return can('programme.read') ? <ProgrammesPage /> : <NotAllowed />;
    case 'programme':
      return can('programme.read') ? <ProgrammePage key={route.programmeId} programmeId={route.programmeId} /> : <NotAllowed />;
    case 'labour':
      return can('labour.read') || can('aggregate.read') ? <LabourPage /> : <NotAllowed />;
    case 'supervision':
      return can('case.supervise') || can('case.approve_closure') ? <SupervisionPage /> : <NotAllowed />;
    case 'case':
      return can('case.read') ? <CasePage key={route.caseId} caseId={route.caseId} /> : <NotAllowed />;
    case 'reports':
      return can('aggregate.read') ? <RiskByAreaPage /> : <NotAllowed />;
    case 'map':
      return can('aggregate.read') ? <RiskMapPage /> : <NotAllowed />;
    case 'register':
      return can('person.create') ? <RegisterPage /> : <NotAllowed />;
    case 'password':
      return <PasswordPage />;
    case 'audit':
      return can('audit.read') ? <AuditTrailPage /> : <NotAllowed />;
    case 'admin':
      return can('user.manage') || can('agency.manage') ? <AdminPage /> : <NotAllowed />;
    case 'retention':
      return can('retention.manage') ? <RetentionPage /> : <NotAllowed />;
    case 'person':
      return can('person.read') ? <PersonPage key={route.personId} personId={route.personId} screeningId={route.screeningId} /> : <NotAllowed />;
    case 'screen':
      return can('screening.create') ? <ScreeningPage key={route.personId} personId={route.personId} /> : <NotAllowed />;
    case 'not-found':
      return (
        <section>
          <h1 tabIndex={-1}>{t('problem.not_found')}</h1>
          <Link to={{ name: 'people' }}>{t('nav.people')}</Link>
        </section>
      );
  }
}
