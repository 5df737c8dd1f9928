import type { FieldProblem } from '@waymark/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { getEnrolments, getSessions, programmeKey, recordSession } from '../../api/programmes';
import { FieldError } from '../../components/FieldError';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate, formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

const today = () => new Date().toISOString().slice(0, 10);

/** The people enrolled (in my scope), a session with who attended, and the sessions held. */
export function SessionsPanel({ programmeId, mayRecord }: { programmeId: string; mayRecord: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const enrolments = useQuery({ queryKey: [...programmeKey(programmeId), 'enrolments'], queryFn: () => getEnrolments(programmeId), enabled: mayRecord });
  const sessions = useQuery({ queryKey: [...programmeKey(programmeId), 'sessions'], queryFn: () => getSessions(programmeId) });
  const [heldOn, setHeldOn] = useState(today);
  const [topic, setTopic] = useState('');
  const [attendees, setAttendees] = useState<string[]>([]);
  const record = useMutation({
    mutationFn: () => recordSession(programmeId, { heldOn, topic, attendees }),
    onSuccess: async () => {
      setTopic('');
      setAttendees([]);
      await queryClient.invalidateQueries({ queryKey: programmeKey(programmeId) });
    },
  });
  const problems: readonly FieldProblem[] = isApiProblem(record.error) ? record.error.fieldErrors : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate();
  };
  return (
    <section className="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('programmes.sessionsHeading')}</h2>
      {mayRecord && enrolments.data && (
        <form onSubmit={submit} noValidate data-testid="session-form">
          <div className="field">
            <label htmlFor="session-date">{t('programmes.heldOn')}</label>
            <input id="session-date" type="date" data-testid="session-date" value={heldOn} max={today()} onChange={(e) => setHeldOn(e.target.value)} aria-describedby="session-date-error" />
            <FieldError id="session-date-error" problems={problems.filter((p) => p.path === '/heldOn')} />
          </div>
          <div className="field">
            <label htmlFor="session-topic">{t('programmes.topic')}</label>
            <input id="session-topic" data-testid="session-topic" value={topic} onChange={(e) => setTopic(e.target.value)} aria-describedby="session-topic-error" />
            <FieldError id="session-topic-error" problems={problems.filter((p) => p.path === '/topic')} />
          </div>
          <fieldset className="field">
            <legend>{t('programmes.attendance')}</legend>
            {enrolments.data.items.length === 0 && <p className="muted">{t('programmes.noneEnrolled')}</p>}
            {enrolments.data.items.map((enrolment) => (
              <label key={enrolment.personId} className="choice" data-testid="attendee">
                <input
                  type="checkbox"
                  data-testid={`attended-${enrolment.personId}`}
                  checked={attendees.includes(enrolment.personId)}
                  onChange={(e) => setAttendees(e.target.checked ? [...attendees, enrolment.personId] : attendees.filter((id) => id !== enrolment.personId))}
                />{' '}
                {enrolment.givenName} {enrolment.familyName}{' '}
                <span className="muted">{t('programmes.attendedCount', { n: formatNumber(enrolment.sessionsAttended, language) })}</span>
              </label>
            ))}
            <FieldError id="session-attendees-error" problems={problems.filter((p) => p.path.startsWith('/attendees'))} />
          </fieldset>
          {record.isError && <ProblemMessage error={record.error} />}
          <button type="submit" data-testid="record-session" disabled={record.isPending}>{t('programmes.recordSession')}</button>
        </form>
      )}
      {sessions.isError && <ProblemMessage error={sessions.error} />}
      {sessions.data && sessions.data.items.length > 0 && (
        <ul className="plain-list" data-testid="session-list">
          {sessions.data.items.map((session) => (
            <li key={session.id} data-testid="session-row">
              {formatDate(session.heldOn, language)}: {session.topic} — {t('programmes.attendedBy', { n: session.attendance === null ? t('reports.suppressed') : formatNumber(session.attendance, language) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
