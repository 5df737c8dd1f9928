import { TRAFFICKING_OUTCOMES } from '@waymark/core';
import type { CaseDetail, TraffickingAssessmentRecord } from '@waymark/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseKey, myWorkKey } from '../../api/cases';
import { listTraffickingAssessments, traffickingKey } from '../../api/trafficking';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { AssessmentForm } from './AssessmentForm';
import { FindingsView } from './Findings';
import { ProtectionFollowUp } from './ProtectionFollowUp';
import { labelFor } from './draft';

/**
 * Trafficking assessments on a case about one person: the latest outcome with its
 * reasons, the protection a presumed victim needs now, earlier assessments, and the form.
 * What the reader may not see is said plainly, never left blank.
 */
export function TraffickingPanel({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [assessing, setAssessing] = useState(false);
  const list = useQuery({ queryKey: traffickingKey(record.id), queryFn: () => listTraffickingAssessments(record.id), enabled: record.personId !== null });
  if (record.personId === null) return null;
  const personId = record.personId;
  const saved = (assessment: TraffickingAssessmentRecord) => {
    setAssessing(false);
    queryClient.setQueryData(traffickingKey(record.id), (current: { items: TraffickingAssessmentRecord[]; total: number } | undefined) =>
      current ? { items: [assessment, ...current.items], total: current.total + 1 } : current,
    );
    void queryClient.invalidateQueries({ queryKey: traffickingKey(record.id) });
    // A presumed victim's tasks were added with the assessment.
    void queryClient.invalidateQueries({ queryKey: caseKey(record.id) });
    void queryClient.invalidateQueries({ queryKey: myWorkKey });
  };
  const latest = list.data?.items[0];
  const earlier = list.data?.items.slice(1) ?? [];
  const open = record.status !== 'closed';
  return (
    <section className="card" aria-labelledby="trafficking-heading" data-testid="trafficking">
      <div className="section-head">
        <h2 id="trafficking-heading">{t('trafficking.title')}</h2>
        {open && can('trafficking.assess') && !assessing && (
          <button type="button" className="secondary" onClick={() => setAssessing(true)} data-testid="tr-start">{t('trafficking.start')}</button>
        )}
      </div>
      <p className="hint">{t('trafficking.notLegal')}</p>
      {list.isPending && <p role="status">{t('app.loading')}</p>}
      {list.isError && <ProblemMessage error={list.error} />}
      {list.data && list.data.items.length === 0 && !assessing && <p className="muted">{t('trafficking.none')}</p>}
      {assessing && (
        <>
          <AssessmentForm caseId={record.id} personId={personId} onSaved={saved} />
          <button type="button" className="link-button" onClick={() => setAssessing(false)}>{t('trafficking.cancel')}</button>
        </>
      )}
      {latest && (
        <>
          <AssessmentItem assessment={latest} latest />
          {latest.outcome === 'presumed_victim' && <ProtectionFollowUp record={record} personId={personId} assessmentId={latest.id} child={latest.findings?.age.childRuleApplies ?? false} />}
        </>
      )}
      {earlier.length > 0 && (
        <details data-testid="tr-earlier">
          <summary>{t('trafficking.earlier', { count: earlier.length })}</summary>
          {earlier.map((assessment) => <AssessmentItem key={assessment.id} assessment={assessment} latest={false} />)}
        </details>
      )}
    </section>
  );
}

function AssessmentItem({ assessment, latest }: { assessment: TraffickingAssessmentRecord; latest: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <article className="stack" data-testid={latest ? 'tr-latest' : 'tr-assessment'} data-outcome={assessment.outcome} data-restricted={assessment.restricted ? 'true' : 'false'}>
      <h3 className={`outcome-${assessment.outcome}`} data-testid="tr-outcome">
        {labelFor(TRAFFICKING_OUTCOMES, assessment.outcome, language)}
      </h3>
      <span className="muted">{t('trafficking.assessedAt', { date: formatDateTime(assessment.assessedAt, language) })}</span>
      {assessment.findings ? (
        <FindingsView findings={assessment.findings} />
      ) : (
        <p className="notice" data-testid="tr-withheld">{t('trafficking.withheld')}</p>
      )}
    </article>
  );
}
