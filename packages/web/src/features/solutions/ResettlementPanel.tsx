import { RESETTLEMENT_PRIORITIES, SUBMISSION_CATEGORIES, SUBMISSION_CATEGORY_CODES, type ResettlementPriority, type SubmissionCategory } from '@waymark/core';
import type { ResettlementSubmission } from '@waymark/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { caseKey } from '../../api/cases';
import { isApiProblem } from '../../api/problem';
import { confirmResettlement, getResettlement, getResettlementSuggestions, resettlementKey, resettlementSuggestionsKey, solutionsKey } from '../../api/solutions';
import { useCan } from '../../shared/session';
import { SelectField } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { SuggestionReason } from './SuggestionReason';

const isCategory = (value: string): value is SubmissionCategory => (SUBMISSION_CATEGORY_CODES as readonly string[]).includes(value);

/**
 * Resettlement: the UNHCR submission categories suggested from what is recorded, each
 * with its reasons, and the choice a named person confirms with a priority. Nothing is
 * put forward until a person confirms it.
 */
export function ResettlementPanel({ caseId, open }: { caseId: string; open: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const state = useQuery({ queryKey: resettlementKey(caseId), queryFn: () => getResettlement(caseId) });
  const suggestions = useQuery({ queryKey: resettlementSuggestionsKey(caseId), queryFn: () => getResettlementSuggestions(caseId) });
  const submission = state.data?.submission ?? null;
  return (
    <section aria-labelledby="resettlement-heading" data-testid="resettlement">
      <h3 id="resettlement-heading">{t('solutions.resettlementHeading')}</h3>
      {submission && <Confirmed submission={submission} />}
      {suggestions.isError && <ProblemMessage error={suggestions.error} />}
      {suggestions.data && (
        <div data-testid="resettlement-suggestions">
          <strong>{t('solutions.suggested')}</strong>
          <p className="hint">{t('solutions.suggestedHint')}</p>
          {suggestions.data.suggestions.length === 0 && <p className="muted">{t('solutions.noSuggestions')}</p>}
          <ul>
            {suggestions.data.suggestions.map((suggestion) => (
              <li key={suggestion.category} data-testid="suggestion" data-category={suggestion.category} data-role={suggestion.usualRole}>
                <strong>{SUBMISSION_CATEGORIES[suggestion.category][language]}</strong> · {t(`solutions.usualRole.${suggestion.usualRole}`)}
                <ul>
                  {suggestion.reasons.map((reason, index) => <SuggestionReason key={index} reason={reason} />)}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
      {open && can('resettlement.submit') && state.data && (
        <ConfirmForm
          key={submission?.version ?? 0}
          caseId={caseId}
          submission={submission}
          suggestedPrimary={suggestions.data?.suggestions.find((suggestion) => suggestion.usualRole === 'primary')?.category ?? null}
        />
      )}
    </section>
  );
}

/** The choice a person confirms; opens with what was confirmed last, so a change starts from it. */
function ConfirmForm({ caseId, submission, suggestedPrimary }: { caseId: string; submission: ResettlementSubmission | null; suggestedPrimary: SubmissionCategory | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [primary, setPrimary] = useState<string>(submission?.primary.category ?? '');
  const [secondary, setSecondary] = useState<string>(submission?.secondary?.category ?? '');
  const [priority, setPriority] = useState<ResettlementPriority>(submission?.priority ?? 'normal');
  // Left empty, the primary is the category suggested as primary (the person still confirms it).
  const effectivePrimary = primary || suggestedPrimary || '';
  const confirm = useMutation({
    mutationFn: (chosen: SubmissionCategory) =>
      confirmResettlement(caseId, { primary: chosen, secondary: isCategory(secondary) ? secondary : null, priority, ...(submission ? { version: submission.version } : {}) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: solutionsKey(caseId) });
      void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
    },
  });
  const categoryOptions = SUBMISSION_CATEGORY_CODES.map((code) => ({ value: code, label: SUBMISSION_CATEGORIES[code][language] }));
  const fieldProblems = (path: string) => (isApiProblem(confirm.error) ? confirm.error.fieldErrors.filter((p) => p.path === path) : []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (isCategory(effectivePrimary)) confirm.mutate(effectivePrimary);
  };
  return (
    <form className="stack" onSubmit={submit} data-testid="resettlement-form">
      <div className="grid">
        <SelectField id="rs-primary" testId="rs-primary" label={t('solutions.primary')} value={primary} onChange={setPrimary} options={categoryOptions} empty={t('solutions.primarySuggested')} problems={fieldProblems('/primary')} />
        <SelectField id="rs-secondary" testId="rs-secondary" label={t('solutions.secondary')} value={secondary} onChange={setSecondary} options={categoryOptions} empty={t('solutions.none')} problems={fieldProblems('/secondary')} />
        <SelectField
          id="rs-priority"
          testId="rs-priority"
          label={t('solutions.priorityLabel')}
          hint={t('solutions.priorityHint')}
          value={priority}
          onChange={(value) => setPriority(RESETTLEMENT_PRIORITIES.find((p) => p === value) ?? 'normal')}
          options={RESETTLEMENT_PRIORITIES.map((value) => ({ value, label: t(`solutions.priority.${value}`) }))}
          problems={fieldProblems('/priority')}
        />
      </div>
      {confirm.isError && <ProblemMessage error={confirm.error} />}
      <div className="button-row">
        <button type="submit" disabled={confirm.isPending || !isCategory(effectivePrimary)} data-testid="rs-confirm">{t('solutions.confirm')}</button>
      </div>
    </form>
  );
}

function Confirmed({ submission }: { submission: ResettlementSubmission }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const line = (confirmed: ResettlementSubmission['primary'], role: 'primary' | 'secondary') => (
    <li data-testid={`confirmed-${role}`} data-category={confirmed.category}>
      {t(`solutions.usualRole.${role}`)}: <strong>{SUBMISSION_CATEGORIES[confirmed.category][language]}</strong> · {t(`solutions.source.${confirmed.source}`)}
      {confirmed.reasons.length > 0 && <ul>{confirmed.reasons.map((reason, index) => <SuggestionReason key={index} reason={reason} />)}</ul>}
    </li>
  );
  return (
    <div className="notice" data-testid="resettlement-confirmed" data-priority={submission.priority}>
      <p>
        <strong>{t('solutions.confirmedHeading', { priority: t(`solutions.priority.${submission.priority}`) })}</strong>{' '}
        {t('solutions.confirmedAt', { date: formatDateTime(submission.confirmedAt, language), since: formatDate(submission.waitingSince, language) })}
      </p>
      <ul>
        {line(submission.primary, 'primary')}
        {submission.secondary && line(submission.secondary, 'secondary')}
      </ul>
      {submission.warnings.length > 0 && (
        <ul data-testid="resettlement-warnings">
          {submission.warnings.map((warning, index) => <li key={index}>{t(`solutions.warning.${warning.code}`, { defaultValue: warning.message })}</li>)}
        </ul>
      )}
    </div>
  );
}
