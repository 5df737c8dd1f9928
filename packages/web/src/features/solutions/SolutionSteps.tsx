import { MOVE_STEP_KINDS, type MoveStepKind } from '@waymark/core';
import type { FieldProblem, SolutionStep } from '@waymark/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseKey } from '../../api/cases';
import { keys } from '../../api/keys';
import { getPerson } from '../../api/persons';
import { isApiProblem } from '../../api/problem';
import { getSolutionSteps, planSolutionStep, solutionStepsKey, updateSolutionStep } from '../../api/solutions';
import { Link } from '../../shared/router';
import { useCan } from '../../shared/session';
import { FieldError } from '../../components/FieldError';
import { SelectField, useVocabulary } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { ChildDecisionOnMove } from '../children/ChildDecisionOnMove';
import { displayName } from '../person/display-name';

type NextStatus = 'in_progress' | 'completed' | 'cancelled';
const NEXT: Record<string, readonly NextStatus[]> = { planned: ['in_progress', 'completed', 'cancelled'], in_progress: ['completed', 'cancelled'] };

/**
 * Resettlement, repatriation and relocation steps of the case. Every child in a moving
 * carer's care who is not on the case is flagged with why; completing the step waits for
 * each such child's own best-interests determination on it (the server refuses it before).
 */
export function SolutionSteps({ caseId, open }: { caseId: string; open: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<MoveStepKind>('resettlement');
  const steps = useQuery({ queryKey: solutionStepsKey(caseId), queryFn: () => getSolutionSteps(caseId) });
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: solutionStepsKey(caseId) });
    // The case's timeline records each move.
    void queryClient.invalidateQueries({ queryKey: caseKey(caseId) });
  };
  const plan = useMutation({ mutationFn: () => planSolutionStep(caseId, { kind }), onSuccess: refresh });
  const kinds = useVocabulary('solutions.stepKind', MOVE_STEP_KINDS);
  return (
    <section aria-labelledby="steps-heading" data-testid="solution-steps">
      <h3 id="steps-heading">{t('solutions.stepsHeading')}</h3>
      <p className="hint">{t('solutions.stepsIntro')}</p>
      {steps.isPending && <p role="status">{t('app.loading')}</p>}
      {steps.isError && <ProblemMessage error={steps.error} />}
      {steps.data && steps.data.items.length === 0 && <p className="muted">{t('solutions.noSteps')}</p>}
      <ol className="plain-list">
        {steps.data?.items.map((step) => <StepItem key={step.id} step={step} editable={open && can('solution.assess')} onChanged={refresh} />)}
      </ol>
      {open && can('solution.assess') && (
        <div className="grid">
          <SelectField id="step-kind" testId="step-kind" label={t('solutions.stepKindLabel')} value={kind} onChange={(value) => setKind(value as MoveStepKind)} options={kinds} />
          <div className="inline-check">
            <button type="button" onClick={() => plan.mutate()} disabled={plan.isPending} data-testid="step-plan">{t('solutions.planStep')}</button>
          </div>
        </div>
      )}
      {plan.isError && <ProblemMessage error={plan.error} />}
    </section>
  );
}

function StepItem({ step, editable, onChanged }: { step: SolutionStep; editable: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  // The flagged child whose decision is being recorded here, on this move.
  const [deciding, setDeciding] = useState<string | null>(null);
  const open = step.status === 'planned' || step.status === 'in_progress';
  const change = useMutation({ mutationFn: (status: NextStatus) => updateSolutionStep(step.id, { status, version: step.version }), onSuccess: onChanged });
  const refusals: readonly FieldProblem[] = isApiProblem(change.error) ? change.error.fieldErrors : [];
  const waiting = step.childrenLeftBehind.filter((child) => !child.decisionRecorded).length;
  return (
    <li className="card" data-testid="solution-step" data-kind={step.kind} data-status={step.status} data-step-id={step.id}>
      <div className="section-head">
        <strong>{t(`solutions.stepKind.${step.kind}`)}</strong>
        <span data-testid="step-status">{t(`solutions.stepStatus.${step.status}`, { defaultValue: step.status })}</span>
      </div>
      {step.completedAt && <p className="muted">{t('solutions.completedAt', { date: formatDateTime(step.completedAt, language) })}</p>}
      {step.childrenLeftBehind.length > 0 && (
        <div className={waiting > 0 ? 'override' : 'notice'} data-testid="left-behind" data-waiting={waiting}>
          <strong>{t('solutions.leftBehindHeading', { count: step.childrenLeftBehind.length })}</strong>
          <ul>
            {step.childrenLeftBehind.map((child) => {
              const refused = refusals.filter((problem) => problem.path === `/children/${child.childId}`);
              return (
                <li key={child.childId} data-testid="left-behind-child" data-child-id={child.childId} data-decided={child.decisionRecorded ? 'true' : 'false'} data-refused={refused.length > 0 ? 'true' : 'false'}>
                  <ChildName childId={child.childId} />{' '}
                  {t('solutions.leftBehindWhy', { arrangement: t(`solutions.arrangement.${child.arrangementType}`, { defaultValue: child.arrangementType }) })}{' '}
                  <strong>{child.decisionRecorded ? t('solutions.decisionRecorded') : t('solutions.decisionMissing')}</strong>
                  <FieldError id={`refused-${step.id}-${child.childId}`} problems={refused} />
                  {!child.decisionRecorded && open && can('child.determine') && deciding !== child.childId && (
                    <button type="button" className="secondary" onClick={() => setDeciding(child.childId)} data-testid="record-child-decision">
                      {t('solutions.recordChildDecision')}
                    </button>
                  )}
                  {deciding === child.childId && (
                    <ChildDecisionOnMove
                      childId={child.childId}
                      move={{ stepId: step.id, kind: step.kind }}
                      onDone={() => {
                        setDeciding(null);
                        onChanged();
                      }}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      {editable && (NEXT[step.status] ?? []).length > 0 && (
        <div className="button-row">
          {(NEXT[step.status] ?? []).map((status) => (
            <button key={status} type="button" className={status === 'cancelled' ? 'secondary' : undefined} disabled={change.isPending} onClick={() => change.mutate(status)} data-testid={`step-${status}`}>
              {t(`solutions.stepAction.${status}`)}
            </button>
          ))}
        </div>
      )}
      {change.isError && <ProblemMessage error={change.error} />}
    </li>
  );
}

/** The child's name where the reader may see the record, a neutral reference where not. */
function ChildName({ childId }: { childId: string }) {
  const { t } = useTranslation();
  const person = useQuery({ queryKey: keys.person(childId), queryFn: () => getPerson(childId), retry: false });
  if (!person.data) return <strong>{t('solutions.aChild')}</strong>;
  return (
    <Link to={{ name: 'person', personId: childId, screeningId: null }}>
      <strong>{displayName(person.data)}</strong>
    </Link>
  );
}
