import type { BestInterests, CareArrangement, CareArrangementCreated, Person } from '@waymark/contracts';
import type { CareArrangementType } from '@waymark/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addCareArrangement, bestInterestsKey, childDeadlinesKey, childrenOverdueKey, correctCareArrangement, endCareArrangement } from '../../api/children';
import { keys } from '../../api/keys';
import { getPerson } from '../../api/persons';
import { Link } from '../../shared/router';
import { useCan } from '../../shared/session';
import { FieldError } from '../../components/FieldError';
import { TextField } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { displayName } from '../person/display-name';
import { CareArrangementFields, carerOfDraft, draftOf, emptyDraft, useDraft } from './CareArrangementFields';
import { FieldProblems } from './FieldProblems';
import { problemsAt, todayIso } from './child-facts';
import { useCheckedSave } from './use-checked-save';

type Review = CareArrangementCreated['nextReview'];

/**
 * Who has cared for the child, when: the history a child-protection officer keeps. A new
 * arrangement ends the current one; an arrangement can be ended, or corrected with the
 * reason (the mistaken entry stays visible under it). Each change brings the review forward.
 */
export function CareArrangements({ person, record }: { person: Person; record: BestInterests }) {
  const { t } = useTranslation();
  const can = useCan();
  const [moved, setMoved] = useState<Review>(null);
  const editable = can('child.assess') && !person.anonymisedAt;
  const newestFirst = [...record.arrangements].sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0));
  return (
    <section aria-labelledby="care-heading" className="child-block">
      <h3 id="care-heading">{t('children.care.heading')}</h3>
      {newestFirst.length === 0 && <p className="muted">{t('children.care.none')}</p>}
      <ul className="plain-list" data-testid="care-list">
        {newestFirst.map((arrangement) => (
          <CareItem key={arrangement.id} person={person} arrangement={arrangement} current={record.currentArrangement?.id === arrangement.id} editable={editable} onChanged={setMoved} />
        ))}
      </ul>
      {moved && <MovedReview review={moved} />}
      {editable && <AddCareArrangement person={person} hasCurrent={record.currentArrangement !== null} onAdded={setMoved} />}
    </section>
  );
}

function MovedReview({ review }: { review: NonNullable<Review> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <p className="notice" role="status" data-testid="care-review-moved">
      {t('children.care.reviewScheduled', { date: formatDate(review.dueDate, language) })} {t(`children.review.reason.${review.reason}`)}
    </p>
  );
}

/** After any change: the child's record, the overdue list and My work's deadlines are read again. */
function useRefresh(personId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: bestInterestsKey(personId) });
    void queryClient.invalidateQueries({ queryKey: childrenOverdueKey });
    void queryClient.invalidateQueries({ queryKey: childDeadlinesKey });
  };
}

function Period({ arrangement }: { arrangement: Pick<CareArrangement, 'startDate' | 'endDate'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      {arrangement.endDate
        ? t('children.care.between', { from: formatDate(arrangement.startDate, language), to: formatDate(arrangement.endDate, language) })
        : t('children.care.since', { from: formatDate(arrangement.startDate, language) })}
    </>
  );
}

function CareItem({ person, arrangement, current, editable, onChanged }: { person: Person; arrangement: CareArrangement; current: boolean; editable: boolean; onChanged: (review: Review) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [mode, setMode] = useState<'view' | 'end' | 'correct'>('view');
  const done = (review: Review) => {
    onChanged(review);
    setMode('view');
  };
  return (
    <li className="child-item" data-testid="care-arrangement" data-kind={arrangement.kind} data-current={current ? 'true' : 'false'} data-ended={arrangement.endDate ? 'true' : 'false'}>
      <p>
        <strong>{t(`children.careType.${arrangement.kind}`)}</strong>
        {current && <> · <span className="current-mark">{t('children.care.current')}</span></>}
      </p>
      <p>
        {t('children.care.carer')}: <Carer carer={arrangement.carer} />
      </p>
      <p className="muted">
        <Period arrangement={arrangement} />
      </p>
      {arrangement.corrections.length > 0 && (
        <ul className="reason-list" data-testid="care-corrections">
          {arrangement.corrections.map((correction) => (
            <li key={correction.id} data-testid="care-correction">
              {t('children.care.correctedOn', { date: formatDateTime(correction.correctedAt, language) })}{' '}
              {t('children.care.wasRecordedAs', { kind: t(`children.careType.${correction.previous.kind}`) })} (<Carer carer={correction.previous.carer} />, <Period arrangement={correction.previous} />).{' '}
              {t('children.care.because')}: <bdi className="note-body">{correction.reason}</bdi>
            </li>
          ))}
        </ul>
      )}
      {editable && mode === 'view' && (
        <div className="button-row">
          {arrangement.endDate === null && (
            <button type="button" className="secondary" onClick={() => setMode('end')} data-testid="care-end-start">{t('children.care.end')}</button>
          )}
          <button type="button" className="link-button" onClick={() => setMode('correct')} data-testid="care-correct-start">{t('children.care.correct')}</button>
        </div>
      )}
      {mode === 'end' && <EndArrangement person={person} arrangement={arrangement} onDone={done} onCancel={() => setMode('view')} />}
      {mode === 'correct' && <CorrectArrangement person={person} arrangement={arrangement} onDone={done} onCancel={() => setMode('view')} />}
    </li>
  );
}

/** The carer's identity: a registered person by name (if the reader may see them), or the carer record's reference. */
function Carer({ carer }: { carer: CareArrangement['carer'] }) {
  const { t } = useTranslation();
  const personId = carer.kind === 'person' ? carer.personId : null;
  const found = useQuery({ queryKey: keys.person(personId ?? ''), queryFn: () => getPerson(personId!), enabled: personId !== null, retry: false });
  if (carer.kind === 'carer_record') return <span data-testid="carer">{t('children.care.carerRecord', { id: carer.carerId })}</span>;
  if (found.data) {
    return (
      <Link to={{ name: 'person', personId: carer.personId, screeningId: null }} data-testid="carer">
        <bdi>{displayName(found.data)}</bdi>
      </Link>
    );
  }
  return <span data-testid="carer" className="muted">{found.isError ? t('children.care.carerNotVisible') : t('app.loading')}</span>;
}

function EndArrangement({ person, arrangement, onDone, onCancel }: { person: Person; arrangement: CareArrangement; onDone: (review: Review) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh(person.id);
  const [endDate, setEndDate] = useState(todayIso);
  const { save, problems, submit } = useCheckedSave(
    () => endCareArrangement(arrangement.id, { endDate, version: arrangement.version }),
    (changed) => {
      refresh();
      onDone(changed.nextReview);
    },
  );
  return (
    <form className="inline-form" onSubmit={submit} data-testid="care-end-form" noValidate>
      <TextField id={`care-end-${arrangement.id}`} type="date" label={t('children.care.endedOn')} hint={t('children.care.endedOnHint')} value={endDate} onChange={setEndDate} problems={problemsAt(problems, 'endDate')} testId="care-end-on" />
      <button type="submit" disabled={save.isPending} data-testid="care-end-submit">{t('children.care.endSave')}</button>
      <button type="button" className="link-button" onClick={onCancel}>{t('form.cancel')}</button>
      {save.isError && problems.length === 0 && <ProblemMessage error={save.error} />}
    </form>
  );
}

function CorrectArrangement({ person, arrangement, onDone, onCancel }: { person: Person; arrangement: CareArrangement; onDone: (review: Review) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh(person.id);
  const [draft, change] = useDraft(() => draftOf(arrangement));
  const [reason, setReason] = useState('');
  const { save, problems, submit } = useCheckedSave(
    () =>
      correctCareArrangement(arrangement.id, {
        kind: draft.kind as CareArrangementType,
        carer: carerOfDraft(draft),
        startDate: draft.startDate,
        endDate: draft.endDate === '' ? null : draft.endDate,
        reason,
        version: arrangement.version,
      }),
    (changed) => {
      refresh();
      onDone(changed.nextReview);
    },
  );
  return (
    <form className="stack" onSubmit={submit} data-testid="care-correct-form" noValidate>
      <p className="hint">{t('children.care.correctHint')}</p>
      <CareArrangementFields person={person} draft={draft} change={change} problems={problems} prefix="care-fix" />
      <label className="field">
        {t('children.care.reason')}
        <textarea value={reason} onChange={(event) => setReason(event.target.value)} maxLength={1000} rows={2} data-testid="care-fix-reason" aria-describedby="care-fix-reason-error" />
        <FieldError id="care-fix-reason-error" problems={problemsAt(problems, 'reason')} />
      </label>
      <FieldProblems problems={problems} testId="care-fix-problems" />
      {save.isError && problems.length === 0 && <ProblemMessage error={save.error} />}
      <div className="button-row">
        <button type="submit" disabled={save.isPending} data-testid="care-fix-submit">{t('children.care.correctSave')}</button>
        <button type="button" className="link-button" onClick={onCancel}>{t('form.cancel')}</button>
      </div>
    </form>
  );
}

function AddCareArrangement({ person, hasCurrent, onAdded }: { person: Person; hasCurrent: boolean; onAdded: (review: Review) => void }) {
  const { t } = useTranslation();
  const refresh = useRefresh(person.id);
  const [open, setOpen] = useState(false);
  const [draft, change, reset] = useDraft(emptyDraft);
  const { save, problems, submit } = useCheckedSave(
    () =>
      addCareArrangement(person.id, {
        kind: draft.kind as CareArrangementType,
        carer: carerOfDraft(draft),
        startDate: draft.startDate,
        ...(draft.endDate === '' ? {} : { endDate: draft.endDate }),
      }),
    (created) => {
      onAdded(created.nextReview);
      setOpen(false);
      reset();
      refresh();
    },
  );
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid="care-start">{t('children.care.add')}</button>
    );
  }
  return (
    <form className="stack" onSubmit={submit} data-testid="care-form" noValidate>
      <p className="hint">{t('children.care.addHint')}</p>
      {hasCurrent && <p className="hint" data-testid="care-ends-current">{t('children.care.endsCurrent')}</p>}
      <CareArrangementFields person={person} draft={draft} change={change} problems={problems} prefix="care" />
      <FieldProblems problems={problems} testId="care-problems" />
      {save.isError && problems.length === 0 && <ProblemMessage error={save.error} />}
      <div className="button-row">
        <button type="submit" disabled={save.isPending} data-testid="care-submit">{t('children.care.save')}</button>
        <button type="button" className="link-button" onClick={() => setOpen(false)}>{t('form.cancel')}</button>
      </div>
    </form>
  );
}
