import type { FieldProblem, Household, Person } from '@waymark/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { subjectFromRegistration, type Instrument } from '@waymark/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys';
import { getHousehold, getPerson } from '../../api/persons';
import { isApiProblem } from '../../api/problem';
import { ConsentRequiredNotice } from '../consent/ConsentRequiredNotice';
import { createScreening, getInstrument } from '../../api/screenings';
import { Link, navigate } from '../../shared/router';
import { ProblemMessage } from '../../components/ProblemMessage';
import { fieldErrorText } from '../../i18n/field-error-text';
import { pickText } from '../../i18n/localized';
import { useLanguage } from '../../i18n/use-language';
import { displayName } from '../person/display-name';
import { answer, applicable, type Draft } from './applicable';
import { DomainQuestions } from './DomainQuestions';
import { groupByItem } from './response-errors';
import { ScreeningIntro } from './ScreeningIntro';

/** The instrument every person is screened with today. */
export const SCREENING_INSTRUMENT = 'heightened-risk';

export function ScreeningPage({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const person = useQuery({ queryKey: keys.person(personId), queryFn: () => getPerson(personId) });
  const householdId = person.data?.householdId ?? null;
  const household = useQuery({
    queryKey: keys.household(householdId ?? ''),
    queryFn: () => getHousehold(householdId!),
    enabled: householdId !== null,
  });
  const instrument = useQuery({
    queryKey: keys.instrument(SCREENING_INSTRUMENT, undefined),
    queryFn: () => getInstrument(SCREENING_INSTRUMENT),
    staleTime: Infinity,
  });

  const failed = person.error ?? household.error ?? instrument.error;
  if (failed) return <ProblemMessage error={failed} />;
  if (!person.data || !instrument.data || (householdId !== null && !household.data)) {
    return <p role="status">{t('app.loading')}</p>;
  }
  return <ScreeningForm person={person.data} household={household.data ?? null} instrument={instrument.data} />;
}

function ScreeningForm({ person, household, instrument }: { person: Person; household: Household | null; instrument: Instrument }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>({});
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [overrideReason, setOverrideReason] = useState('');
  const summary = useRef<HTMLDivElement>(null);
  // The same facts the server derives, so show-if rules on age or household hold here too.
  const subject = subjectFromRegistration(
    person,
    household && { members: household.members.map((member) => ({ age: member.age, relationshipToHead: member.relationshipToHead })) },
    new Date(),
  );
  const { visible, responses } = applicable(instrument.items, draft, subject);

  const save = useMutation({
    mutationFn: () => createScreening(person.id, {
        instrument: instrument.id,
        instrumentVersion: instrument.version,
        responses,
        ...(overrideReason.trim() ? { consentOverride: { reason: overrideReason.trim() } } : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.persons });
      void queryClient.invalidateQueries({ queryKey: keys.households });
      navigate({ name: 'person', personId: person.id, screeningId: null }, { replace: true });
    },
    onError: (error) => {
      // A consent refusal is about the person, not a field: shown by ConsentRequiredNotice.
      setProblems(isApiProblem(error) && error.code !== 'consent_required' ? [...error.fieldErrors] : []);
      requestAnimationFrame(() => summary.current?.focus());
    },
  });

  const { byItem, general } = groupByItem(problems);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    save.mutate();
  };
  const title = pickText(instrument.title, language);
  return (
    <section>
      <h1 tabIndex={-1} lang={title.lang}>{title.text}</h1>
      <p className="muted">{t('screening.for', { name: displayName(person) })}</p>
      <ScreeningIntro />
      <form onSubmit={submit} noValidate>
        {instrument.domains.map((domain) => (
          <DomainQuestions
            key={domain.id}
            domain={domain}
            items={instrument.items.filter((item) => item.domain === domain.id && visible.has(item.id))}
            draft={draft}
            problems={byItem}
            onAnswer={(itemId, value) => setDraft((current) => answer(instrument.items, current, itemId, value, subject))}
          />
        ))}
        <div ref={summary} tabIndex={-1} className="summary-anchor">
          {save.isError && isApiProblem(save.error) && save.error.code === 'consent_required' ? (
            <ConsentRequiredNotice reason={overrideReason} onReason={setOverrideReason} />
          ) : save.isError && (
            problems.length > 0 ? (
              <div className="problem-summary" role="alert">
                <p>{t('screening.problemCount', { count: problems.length })}</p>
                {general.length > 0 && <ul>{general.map((p, i) => <li key={i}>{fieldErrorText(t, p)}</li>)}</ul>}
              </div>
            ) : (
              <ProblemMessage error={save.error} />
            )
          )}
        </div>
        <div className="actions sticky-actions">
          <span className="muted" role="status">
            {t('screening.answeredCount', { answered: Object.keys(responses).length, shown: visible.size })}
          </span>
          <Link to={{ name: 'person', personId: person.id, screeningId: null }}>{t('screening.cancel')}</Link>
          <button type="submit" data-testid="submit-screening" disabled={save.isPending}>
            {save.isPending ? t('screening.submitting') : t('screening.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
