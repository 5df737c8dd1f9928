import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getCoverage, getProgramme, programmeKey, updateProgramme } from '../../api/programmes';
import { Link } from '../../shared/router';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { CoverageMap } from './CoverageMap';
import { CoverageTable } from './CoverageTable';
import { describeRule } from './describe-rule';
import { SessionsPanel } from './SessionsPanel';
import { TargetList } from './TargetList';
import { useAreaNames } from './use-area-names';

/** One programme: its rule in words, the target list, enrolment, sessions and coverage. */
export function ProgrammePage({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const programme = useQuery({ queryKey: programmeKey(programmeId), queryFn: () => getProgramme(programmeId) });
  const coverage = useQuery({ queryKey: [...programmeKey(programmeId), 'coverage'], queryFn: () => getCoverage(programmeId) });
  const nameOf = useAreaNames(programme.data?.operationId);
  const queryClient = useQueryClient();
  const status = useMutation({
    mutationFn: (next: 'active' | 'closed') => updateProgramme(programmeId, { status: next, version: programme.data!.version }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programmeKey(programmeId) }),
  });
  if (programme.isPending) return <p role="status">{t('app.loading')}</p>;
  if (programme.isError) return <ProblemMessage error={programme.error} />;
  const p = programme.data;
  return (
    <section aria-labelledby="programme-heading" data-testid="programme-page">
      <p><Link to={{ name: 'programmes' }}>{t('programmes.back')}</Link></p>
      <h1 id="programme-heading" tabIndex={-1}>{p.name}</h1>
      <p>
        {t(`programmes.kind.${p.kind}`)} · {t('programmes.enrolledOf', { enrolled: p.enrolled === null ? t('reports.suppressed') : formatNumber(p.enrolled, language), capacity: formatNumber(p.capacity, language) })}
        {p.adminAreaCodes.length > 0 && <> · {t('programmes.inAreas', { areas: p.adminAreaCodes.map((code) => nameOf(code)).join(language === 'ar' ? '، ' : ', ') })}</>}
      </p>
      {p.status === 'closed' && <p className="problem" data-testid="programme-closed">{t('programmes.closedNote')}</p>}
      {/* What the rule book lets this reader do with this programme (its holder's agency, in scope). */}
      {p.mayManage && (
        <div className="button-row">
          <button type="button" className="secondary" data-testid="programme-status" disabled={status.isPending} onClick={() => status.mutate(p.status === 'closed' ? 'active' : 'closed')}>
            {t(p.status === 'closed' ? 'programmes.reopen' : 'programmes.close')}
          </button>
        </div>
      )}
      {status.isError && <ProblemMessage error={status.error} />}
      <p className="card" data-testid="programme-rule"><strong>{t('programmes.rule.heading')}:</strong> {describeRule(p.rule, t, language)}</p>
      {p.mayWork && <TargetList programmeId={programmeId} nameOf={nameOf} />}
      {!p.mayWork && can('programme.enrol') && <p className="muted" data-testid="programme-held-elsewhere">{t('programmes.heldElsewhere')}</p>}
      <SessionsPanel programmeId={programmeId} mayRecord={p.mayWork} />
      <section className="card" aria-labelledby="coverage-heading">
        <h2 id="coverage-heading">{t('programmes.coverageHeading')}</h2>
        <p className="muted">{t('programmes.coverageIntro', { k: coverage.data?.suppressionThreshold ?? 5 })}</p>
        {coverage.isError && <ProblemMessage error={coverage.error} />}
        {coverage.data && <CoverageMap operationId={p.operationId} coverage={coverage.data} />}
        {coverage.data && <CoverageTable coverage={coverage.data} nameOf={nameOf} />}
      </section>
    </section>
  );
}
