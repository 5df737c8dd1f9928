import type { CaseDetail, DurableSolutions } from '@waymark/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { durableSolutionsKey, getDurableSolutions } from '../../api/solutions';
import { useCan } from '../../app/session';
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
          {open && can('solution.assess') ? (
            <DurableSolutionsForm key={data.assessment?.version ?? 0} caseId={record.id} current={data} />
          ) : (
            data.assessment && <SavedSolutions solutions={data.assessment.solutions} />
          )}
        </>
      )}
      <SolutionSteps caseId={record.id} open={open} />
      <ResettlementPanel caseId={record.id} open={open} />
    </section>
  );
}

function SavedSolutions({ solutions }: { solutions: NonNullable<DurableSolutions['assessment']>['solutions'] }) {
  const { t } = useTranslation();
  return (
    <ul>
      {Object.entries(solutions).map(([solution, value]) => (
        <li key={solution}>
          <strong>{t(`solutions.solution.${solution}`)}</strong>: {t(`solutions.status.${value.status}`)} · {t(`solutions.wish.${value.wish}`)} ·{' '}
          {value.traffickingRisk ? t('solutions.riskIs', { level: t(`solutions.riskLevel.${value.traffickingRisk.level}`) }) : t('solutions.riskNotRecorded')}
        </li>
      ))}
    </ul>
  );
}
