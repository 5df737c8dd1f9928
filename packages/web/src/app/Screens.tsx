import { useTranslation } from 'react-i18next';
import { AdminPage } from '../features/admin/AdminPage';
import { AuditTrailPage } from '../features/audit/AuditTrailPage';
import { PasswordPage } from '../features/password/PasswordPage';
import { PeopleListPage } from '../features/people/PeopleListPage';
import { PersonPage } from '../features/person/PersonPage';
import { RegisterPage } from '../features/registration/RegisterPage';
import { RetentionPage } from '../features/retention/RetentionPage';
import { RiskByAreaPage } from '../features/reports/RiskByAreaPage';
import { RiskMapPage } from '../features/map/RiskMapPage';
import { CasePage } from '../features/cases/CasePage';
import { MyWorkPage } from '../features/cases/MyWorkPage';
import { SupervisionPage } from '../features/cases/SupervisionPage';
import { ResettlementQueuePage } from '../features/solutions/ResettlementQueuePage';
import { ScreeningPage } from '../features/screening/ScreeningPage';
import { LabourPage } from '../features/labour/LabourPage';
import { ProgrammePage } from '../features/programmes/ProgrammePage';
import { ProgrammesPage } from '../features/programmes/ProgrammesPage';
import { Link, useRoute } from './router';
import { useCan } from './session';

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
  const route = useRoute();
  const can = useCan();
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
