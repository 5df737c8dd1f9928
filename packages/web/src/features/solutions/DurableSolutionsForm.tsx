import { dayOf, DURABLE_SOLUTIONS, SOLUTION_RISK_LEVELS, SOLUTION_RISK_REASONS, SOLUTION_STATUSES, SOLUTION_WISHES, type DurableSolution } from '@waymark/core';
import type { DurableSolutions, DurableSolutionsUpdate, FieldProblem } from '@waymark/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { decodePointer } from '../../api/json-pointer';
import { caseKey } from '../../api/cases';
import { isApiProblem } from '../../api/problem';
import { durableSolutionsKey, saveDurableSolutions, solutionsKey } from '../../api/solutions';
import { FieldError } from '../../components/FieldError';
import { CheckboxGroup, SelectField, TextField, useVocabulary } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { useLanguage } from '../../i18n/use-language';

type SolutionInput = DurableSolutionsUpdate['solutions'][DurableSolution];

interface SolutionDraft {
  status: SolutionInput['status'];
  wish: SolutionInput['wish'];
  /** '' until someone records it: the server then says the risk is required. */
  riskLevel: string;
  reasons: string[];
  note: string;
}

const REASON_CODES = Object.keys(SOLUTION_RISK_REASONS) as (keyof typeof SOLUTION_RISK_REASONS)[];

function draftOf(saved: SolutionInput | undefined): SolutionDraft {
  return {
    status: saved?.status ?? 'not_assessed',
    wish: saved?.wish ?? 'not_asked',
    riskLevel: saved?.traffickingRisk?.level ?? '',
    reasons: saved?.traffickingRisk?.reasons ?? [],
    note: saved?.traffickingRisk?.note ?? '',
  };
}

function inputOf(draft: SolutionDraft): SolutionInput {
  const level = SOLUTION_RISK_LEVELS.find((candidate) => candidate === draft.riskLevel);
  return {
    status: draft.status,
    wish: draft.wish,
    traffickingRisk: level ? { level, reasons: draft.reasons, note: draft.note.trim() === '' ? null : draft.note.trim() } : null,
  };
}

/** `/solutions/resettlement/traffickingRisk/reasons/0` → the resettlement card; anything else → the form. */
function bySolution(problems: readonly FieldProblem[]): Map<string, FieldProblem[]> {
  const slots = new Map<string, FieldProblem[]>();
  for (const problem of problems) {
    const [head, solution] = decodePointer(problem.path);
    const slot = head === 'solutions' && solution !== undefined ? solution : head === 'assessedOn' ? 'assessedOn' : 'form';
    slots.set(slot, [...(slots.get(slot) ?? []), problem]);
  }
  return slots;
}

/**
 * The three durable solutions, each with its status, the person's own wish and the
 * trafficking risk of taking it (the risk is required for every solution that was
 * assessed). Saving names the version read.
 */
export function DurableSolutionsForm({ caseId, current, onSaved }: { caseId: string; current: DurableSolutions; onSaved: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const saved = current.assessment;
  const [assessedOn, setAssessedOn] = useState(saved?.assessedOn ?? dayOf(new Date()));
  const [drafts, setDrafts] = useState<Record<DurableSolution, SolutionDraft>>(() => ({
    voluntary_repatriation: draftOf(saved?.solutions.voluntary_repatriation),
    local_integration: draftOf(saved?.solutions.local_integration),
    resettlement: draftOf(saved?.solutions.resettlement),
  }));
  const save = useMutation({
    mutationFn: () =>
      saveDurableSolutions(caseId, {
        assessedOn,
        solutions: { voluntary_repatriation: inputOf(drafts.voluntary_repatriation), local_integration: inputOf(drafts.local_integration), resettlement: inputOf(drafts.resettlement) },
        ...(saved ? { version: saved.version } : {}),
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(durableSolutionsKey(caseId), updated);
      onSaved();
      void queryClient.invalidateQueries({ queryKey: solutionsKey(caseId) });
      void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
    },
  });
  const statuses = useVocabulary('solutions.status', SOLUTION_STATUSES);
  const wishes = useVocabulary('solutions.wish', SOLUTION_WISHES);
  const levels = useVocabulary('solutions.riskLevel', SOLUTION_RISK_LEVELS);
  const reasonOptions = REASON_CODES.map((code) => ({ value: code, label: SOLUTION_RISK_REASONS[code][language] }));
  const slots = bySolution(isApiProblem(save.error) ? save.error.fieldErrors : []);
  const change = (solution: DurableSolution, patch: Partial<SolutionDraft>) => setDrafts((all) => ({ ...all, [solution]: { ...all[solution], ...patch } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="stack" onSubmit={submit} data-testid="durable-solutions-form" noValidate>
      <TextField id="ds-assessed-on" type="date" label={t('solutions.assessedOn')} value={assessedOn} onChange={setAssessedOn} problems={slots.get('assessedOn')} />
      {DURABLE_SOLUTIONS.map((solution) => {
        const draft = drafts[solution];
        return (
          <fieldset key={solution} className="card" data-testid={`ds-${solution}`}>
            <legend><strong>{t(`solutions.solution.${solution}`)}</strong></legend>
            <div className="grid">
              <SelectField id={`ds-${solution}-status`} testId={`ds-${solution}-status`} label={t('solutions.statusLabel')} value={draft.status} onChange={(value) => change(solution, { status: value as SolutionDraft['status'] })} options={statuses} />
              <SelectField id={`ds-${solution}-wish`} testId={`ds-${solution}-wish`} label={t('solutions.wishLabel')} value={draft.wish} onChange={(value) => change(solution, { wish: value as SolutionDraft['wish'] })} options={wishes} />
              <SelectField
                id={`ds-${solution}-risk`}
                testId={`ds-${solution}-risk`}
                label={t('solutions.riskLabel')}
                hint={t('solutions.riskHint')}
                value={draft.riskLevel}
                onChange={(value) => change(solution, { riskLevel: value })}
                options={levels}
                empty={t('solutions.riskNotRecorded')}
              />
            </div>
            {draft.riskLevel !== '' && (
              <>
                <CheckboxGroup id={`ds-${solution}-reasons`} testId={`ds-${solution}-reasons`} label={t('solutions.riskReasons')} values={draft.reasons} onChange={(reasons) => change(solution, { reasons })} options={reasonOptions} />
                <TextField id={`ds-${solution}-note`} label={t('solutions.riskNote')} hint={t('solutions.riskNoteHint')} value={draft.note} onChange={(note) => change(solution, { note })} inputProps={{ maxLength: 2000 }} />
              </>
            )}
            <FieldError id={`ds-${solution}-error`} problems={slots.get(solution)} />
          </fieldset>
        );
      })}
      <FieldError id="ds-form-error" problems={slots.get('form')} />
      {save.isError && <ProblemMessage error={save.error} />}
      <div className="button-row">
        <button type="submit" disabled={save.isPending} data-testid="ds-save">{t('solutions.saveAssessment')}</button>
      </div>
    </form>
  );
}
