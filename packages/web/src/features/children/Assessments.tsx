import type { BestInterests, Bia, FieldProblem } from '@waymark/contracts';
import { BIA_URGENCIES, biaDueInDays, type BiaUrgency } from '@waymark/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bestInterestsKey, childrenOverdueKey, completeBia, openBia } from '../../api/children';
import { isApiProblem } from '../../api/problem';
import { useCan } from '../../shared/session';
import { SelectField, TextField } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { BiaSections } from './BiaSections';
import { FieldProblems } from './FieldProblems';
import { addDays, isIsoDay, isOverdue, problemsAt, todayIso } from './child-facts';

/** The child's Best Interests Assessments, newest first, and opening a new one. */
export function Assessments({ personId, record, required, anonymised }: { personId: string; record: BestInterests; required: boolean; anonymised: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const open = record.assessments.find((bia) => bia.completedAt === null);
  return (
    <section aria-labelledby="bia-heading" className="child-block">
      <h3 id="bia-heading">{t('children.bia.heading')}</h3>
      {record.assessments.length === 0 && (
        <p className="muted" data-testid="no-bia">{required ? t('children.bia.requiredNone') : t('children.bia.none')}</p>
      )}
      <ul className="plain-list" data-testid="bia-list">
        {record.assessments.map((bia) => (
          <AssessmentItem key={bia.id} bia={bia} personId={personId} anonymised={anonymised} />
        ))}
      </ul>
      {!open && !anonymised && can('child.assess') && (
        // The first assessment's form is open at once; a further one (a re-assessment) on request.
        <OpenBia key={record.suggestedUrgency.urgency} personId={personId} suggestion={record.suggestedUrgency} required={required} folded={record.assessments.length > 0} />
      )}
    </section>
  );
}

function AssessmentItem({ bia, personId, anonymised }: { bia: Bia; personId: string; anonymised: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const late = bia.completedAt === null && isOverdue(bia.dueDate);
  return (
    <li className="child-item" data-testid="bia" data-status={bia.completedAt ? 'completed' : 'open'} data-overdue={late ? 'true' : 'false'}>
      <p>
        <strong>{t(`children.urgency.${bia.urgency}`)}</strong>
        {' · '}
        <span data-testid="bia-due">{t('children.bia.dueOn', { date: formatDate(bia.dueDate, language) })}</span>
        {late && <strong className="overdue-mark"> · {t('children.overdue')}</strong>}
      </p>
      <p className="muted">
        {t('children.bia.identifiedOn', { date: formatDate(bia.identifiedAt, language) })}
        {' · '}
        {bia.required ? t('children.bia.required') : t('children.bia.optional')}
      </p>
      <p className="muted" data-testid="bia-suggestion">
        {t('children.bia.suggested', { urgency: t(`children.urgency.${bia.suggestedUrgency}`) })}{' '}
        {t(`children.because.${bia.suggestedBecause}`, { defaultValue: t('children.because.unknown') })}
        {bia.suggestedUrgency !== bia.urgency && <> {t('children.bia.choseOtherwise')}</>}
      </p>
      <BiaSections bia={bia} personId={personId} editable={can('child.assess') && !anonymised} />
      {bia.completedAt ? (
        <p data-testid="bia-completed">{t('children.bia.completedOn', { date: formatDate(bia.completedAt, language) })}</p>
      ) : (
        can('child.assess') && !anonymised && <CompleteBia bia={bia} personId={personId} />
      )}
    </li>
  );
}

function CompleteBia({ bia, personId }: { bia: Bia; personId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [completedAt, setCompletedAt] = useState(todayIso);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const save = useMutation({
    mutationFn: () => completeBia(bia.id, { completedAt, version: bia.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: bestInterestsKey(personId) });
      void queryClient.invalidateQueries({ queryKey: childrenOverdueKey });
    },
    onError: (error) => setProblems(isApiProblem(error) ? [...error.fieldErrors] : []),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    save.mutate();
  };
  return (
    <form className="inline-form" onSubmit={submit} data-testid="complete-bia">
      <TextField id={`bia-completed-${bia.id}`} type="date" label={t('children.bia.completedAt')} value={completedAt} onChange={setCompletedAt} problems={problemsAt(problems, 'completedAt')} testId="bia-completed-at" />
      <button type="submit" disabled={save.isPending || completedAt === ''} data-testid="bia-complete">{t('children.bia.complete')}</button>
      {save.isError && problems.length === 0 && <ProblemMessage error={save.error} />}
    </form>
  );
}

function OpenBia({ personId, suggestion, required, folded }: { personId: string; suggestion: BestInterests['suggestedUrgency']; required: boolean; folded: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState(!folded);
  const [identifiedAt, setIdentifiedAt] = useState(todayIso);
  // The rules' suggestion is the starting point; the officer confirms or changes it.
  const [urgency, setUrgency] = useState<BiaUrgency>(suggestion.urgency);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const save = useMutation({
    mutationFn: () => openBia(personId, { urgency, identifiedAt }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: bestInterestsKey(personId) });
      void queryClient.invalidateQueries({ queryKey: childrenOverdueKey });
    },
    onError: (error) => setProblems(isApiProblem(error) ? [...error.fieldErrors] : []),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    save.mutate();
  };
  const options = BIA_URGENCIES.map((value) => ({ value, label: t(`children.urgency.${value}`) }));
  if (!shown) {
    return (
      <button type="button" className="secondary" onClick={() => setShown(true)} data-testid="bia-reopen">{t('children.bia.openAnother')}</button>
    );
  }
  // The non-urgent period is the operation's setting, known to the server only.
  const due = urgency === 'non_urgent' || !isIsoDay(identifiedAt) ? null : addDays(identifiedAt, biaDueInDays(urgency));
  return (
    <form className="stack" onSubmit={submit} data-testid="open-bia">
      <h4>{t('children.bia.open')}</h4>
      {required && <p className="notice">{t('children.bia.requiredBecause')}</p>}
      <p data-testid="urgency-suggestion">
        <strong>{t('children.bia.suggested', { urgency: t(`children.urgency.${suggestion.urgency}`) })}</strong>{' '}
        {t(`children.because.${suggestion.because}`, { defaultValue: t('children.because.unknown') })}
      </p>
      <div className="grid">
        <TextField id="bia-identified" type="date" label={t('children.bia.identifiedAt')} value={identifiedAt} onChange={setIdentifiedAt} problems={problemsAt(problems, 'identifiedAt')} testId="bia-identified-at" />
        <SelectField id="bia-urgency" label={t('children.bia.urgency')} hint={t('children.bia.urgencyHint')} value={urgency} onChange={(value) => setUrgency(value as BiaUrgency)} options={options} problems={problemsAt(problems, 'urgency')} testId="bia-urgency" />
      </div>
      <p data-testid="bia-due-preview">
        {due ? t('children.bia.willBeDue', { date: formatDate(due, language) }) : t('children.bia.dueByOperation')}
      </p>
      <FieldProblems problems={problems} testId="open-bia-problems" />
      {save.isError && problems.length === 0 && <ProblemMessage error={save.error} />}
      <button type="submit" disabled={save.isPending || identifiedAt === ''} data-testid="bia-open">{t('children.bia.openButton')}</button>
    </form>
  );
}
