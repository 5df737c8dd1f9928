import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys';
import { getHousehold, getPerson, listSites } from '../../api/persons';
import { listScreenings } from '../../api/screenings';
import { navigate } from '../../shared/router';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { RiskBadge } from '../../components/RiskBadge';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { ConsentPanel } from '../consent/ConsentPanel';
import { DataSubjectPanel } from '../data-subject/DataSubjectPanel';
import { ProtectionNotesPanel } from '../protection-notes/ProtectionNotesPanel';
import { AssignPerson } from '../cases/AssignPerson';
import { OpenCaseButton } from '../cases/OpenCaseButton';
import { ChildProtectionSection } from '../children/ChildProtectionSection';
import { isChild } from '../children/child-facts';
import { ScreeningHistory } from '../outcome/ScreeningHistory';
import { ScreeningOutcomeView } from '../outcome/ScreeningOutcomeView';
import { displayName } from './display-name';
import { EditPerson } from './EditPerson';
import { HouseholdPanel } from './HouseholdPanel';
import { PersonDetails } from './PersonDetails';

export function PersonPage({ personId, screeningId }: { personId: string; screeningId: string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const person = useQuery({ queryKey: keys.person(personId), queryFn: () => getPerson(personId) });
  const householdId = person.data?.householdId ?? null;
  const household = useQuery({
    queryKey: keys.household(householdId ?? ''),
    queryFn: () => getHousehold(householdId!),
    enabled: householdId !== null && can('household.read'),
  });
  const sites = useQuery({ queryKey: keys.sites, queryFn: listSites, staleTime: 5 * 60_000 });
  const screenings = useQuery({
    queryKey: keys.screenings(personId),
    queryFn: () => listScreenings(personId),
    enabled: can('screening.read'),
  });

  if (person.isPending) return <p role="status">{t('app.loading')}</p>;
  if (person.isError) return <ProblemMessage error={person.error} />;
  const record = person.data;
  const site = sites.data?.items.find((candidate) => candidate.id === record.siteId);
  const history = screenings.data?.items ?? [];
  const shown = screeningId ? history.find((screening) => screening.id === screeningId) : history[0];

  return (
    <article className="person">
      <header className="person-head">
        <h1 tabIndex={-1}>{displayName(record)}</h1>
        {record.originalScriptName && <bdi dir="auto" className="muted">{record.originalScriptName}</bdi>}
        <span className="muted" data-testid="registration-number">
          {t('recordNumbers.registration')} <bdi dir="ltr">{record.registrationNumber}</bdi>
        </span>
      </header>
      {record.anonymisedAt && (
        <p className="notice" role="note" data-testid="anonymised">{t('dataSubject.anonymisedNotice', { date: formatDateTime(record.anonymisedAt, language) })}</p>
      )}

      <section className="card risk-summary" aria-labelledby="current-risk">
        <h2 id="current-risk" className="visually-hidden">{t('person.currentRisk')}</h2>
        <span className="muted" aria-hidden="true">{t('person.currentRisk')}</span>
        <RiskBadge level={record.riskLevel} testId="risk-level" />
        <span className="muted">
          {record.screenedAt ? t('person.lastScreened', { date: formatDateTime(record.screenedAt, language) }) : t('person.neverScreened')}
        </span>
        {can('screening.create') && (
          <button type="button" data-testid="start-screening" onClick={() => navigate({ name: 'screen', personId })}>
            {t('person.startScreening')}
          </button>
        )}
        {can('case.create') && !record.anonymisedAt && <OpenCaseButton personId={personId} latest={history[0]} />}
        {can('person.assign') && !record.anonymisedAt && <AssignPerson person={record} />}
      </section>

      <div className="columns">
        <div>
          {can('screening.read') && (
            <ScreeningOutcomeView
              screening={shown}
              isLatest={shown !== undefined && shown.id === history[0]?.id}
              loading={screenings.isPending}
              error={screenings.error}
              personId={personId}
            />
          )}
          <section className="card" aria-labelledby="details-heading">
            <div className="section-head">
              <h2 id="details-heading">{t('person.details')}</h2>
              {can('person.update') && !editing && (
                <button type="button" className="link-button" data-testid="edit-person" onClick={() => setEditing(true)}>{t('person.editDetails')}</button>
              )}
            </div>
            {editing ? <EditPerson person={record} onDone={() => setEditing(false)} /> : <PersonDetails person={record} site={site} />}
          </section>
          {can('child.read') && isChild(record) && <ChildProtectionSection person={record} />}
        </div>
        <aside>
          <section className="card" aria-labelledby="household-heading">
            <h2 id="household-heading">{t('person.household')}</h2>
            {householdId === null && <p className="muted">{t('person.noHousehold')}</p>}
            {household.isError && <ProblemMessage error={household.error} />}
            {household.data && <HouseholdPanel household={household.data} currentId={personId} />}
          </section>
          {can('consent.read') && <ConsentPanel personId={personId} />}
          {can('protection_note.read') && <ProtectionNotesPanel personId={personId} />}
          <DataSubjectPanel person={record} />
          {can('screening.read') && (
            <ScreeningHistory personId={personId} screenings={history} shownId={shown?.id ?? null} />
          )}
        </aside>
      </div>
    </article>
  );
}
