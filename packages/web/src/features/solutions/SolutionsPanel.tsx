import { DURABLE_SOLUTIONS, isSolutionRiskReason, SOLUTION_RISK_REASONS } from '@waymark/core';
import type { CaseDetail, DurableSolutions } from '@waymark/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { durableSolutionsKey, getDurableSolutions } from '../../api/solutions';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { DurableSolutionsForm } from './DurableSolutionsForm';
import { ResettlementPanel } from './ResettlementPanel';
import { SolutionSteps } from './SolutionSteps';

/**
 * Durable solutions on the case page, for those who may weigh them: years in
 * displacement, the three solutions with the trafficking risk of each, the moves planned
 * (no child left behind) and resettlement.
 */
export function SolutionsPanel({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const mayRead = can('solution.read');
  const [editing, setEditing] = useState(false);
  const current = useQuery({ queryKey: durableSolutionsKey(record.id), queryFn: () => getDurableSolutions(record.id), enabled: mayRead });
  if (!mayRead) return null;
  const open = record.status !== 'closed';
  const data = current.data;
  return (
    <section className="card" aria-labelledby="solutions-heading" data-testid="durable-solutions">
      <h2 id="solutions-heading">{t('solutions.title')}</h2>
      {current.isPending && <p role="status">{t('app.loading')}</p>}
      {current.isError && <ProblemMessage error={current.error} />}
      {data && (
        <>
          <p data-testid="displacement" data-protracted={data.protracted === null ? 'unknown' : String(data.protracted)}>
            {data.yearsInDisplacement === null
              ? t('solutions.displacementUnknown')
              : t(data.protracted ? 'solutions.displacementProtracted' : 'solutions.displacement', { count: data.yearsInDisplacement })}
          </p>
          {data.assessment && (
            <p className="muted">{t('solutions.lastAssessed', { date: formatDate(data.assessment.assessedOn, language) })}</p>
          )}
          {data.assessment && data.assessment.warnings.length > 0 && (
            <ul className="notice" data-testid="solutions-warnings">
              {data.assessment.warnings.map((warning, index) => (
                <li key={index}>{t(`solutions.warning.${warning.code}`, { defaultValue: warning.message })}</li>
              ))}
            </ul>
          )}
          {data.assessment && !editing && <SavedSolutions solutions={data.assessment.solutions} />}
          {open && can('solution.assess') && (data.assessment === null || editing) && (
            <DurableSolutionsForm key={data.assessment?.version ?? 0} caseId={record.id} current={data} onSaved={() => setEditing(false)} />
          )}
          {open && can('solution.assess') && data.assessment && !editing && (
            <button type="button" className="secondary" onClick={() => setEditing(true)} data-testid="ds-edit">{t('solutions.editAssessment')}</button>
          )}
        </>
      )}
      <SolutionSteps caseId={record.id} open={open} />
      <ResettlementPanel caseId={record.id} open={open} />
    </section>
  );
}

/** The saved assessment, solution by solution, with the trafficking risk of each and why. */
function SavedSolutions({ solutions }: { solutions: NonNullable<DurableSolutions['assessment']>['solutions'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul data-testid="ds-saved">
      {DURABLE_SOLUTIONS.map((solution) => {
        const value = solutions[solution];
        if (!value) return null;
        const risk = value.traffickingRisk;
        return (
          <li key={solution} data-solution={solution} data-risk={risk?.level ?? 'none'}>
            <strong>{t(`solutions.solution.${solution}`)}</strong>: {t(`solutions.status.${value.status}`)} · {t(`solutions.wish.${value.wish}`)} ·{' '}
            {risk ? t('solutions.riskIs', { level: t(`solutions.riskLevel.${risk.level}`) }) : t('solutions.riskNotRecorded')}
            {risk && risk.reasons.length > 0 && (
              <ul>{risk.reasons.map((reason) => <li key={reason}>{isSolutionRiskReason(reason) ? SOLUTION_RISK_REASONS[reason][language] : reason}</li>)}</ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
