import { RISK_LEVELS } from '@waymark/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { riskByArea } from '../../api/reports';
import { ExportButtons } from '../../components/ExportButtons';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

const COLUMNS = [...RISK_LEVELS, 'unscreened'] as const;

/**
 * People by area and risk level, for those who see aggregates only. Cells under the
 * threshold come back empty from the server and are shown as "fewer than k", never guessed.
 */
export function RiskByAreaPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const report = useQuery({ queryKey: ['reports', 'risk-by-area'], queryFn: riskByArea });
  if (report.isPending) return <p role="status">{t('app.loading')}</p>;
  if (report.isError) return <ProblemMessage error={report.error} />;
  const k = report.data.suppressionThreshold;
  const cell = (value: number | null | undefined) =>
    value === null || value === undefined ? <span className="muted" title={t('reports.suppressedHint', { k })}>{t('reports.suppressed', { k })}</span> : formatNumber(value, language);
  return (
    <section aria-labelledby="reports-heading">
      <h1 id="reports-heading" tabIndex={-1}>{t('reports.heading')}</h1>
      <p className="muted">{t('reports.intro', { k })}</p>
      <ExportButtons view="risk-by-area" />
      <table className="people-table" data-testid="risk-by-area">
        <thead>
          <tr>
            <th scope="col">{t('reports.area')}</th>
            <th scope="col">{t('reports.total')}</th>
            {COLUMNS.map((level) => (
              <th scope="col" key={level}>{level === 'unscreened' ? t('risk.none') : t(`risk.${level}`)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.data.areas.map((area) => (
            <tr key={area.adminAreaCode ?? '-'} data-testid="risk-area-row">
              <th scope="row">{area.adminAreaCode ?? t('reports.noArea')}</th>
              <td data-label={t('reports.total')}>{cell(area.total)}</td>
              {COLUMNS.map((level) => (
                <td key={level} data-label={level === 'unscreened' ? t('risk.none') : t(`risk.${level}`)}>{cell(area.byLevel[level])}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
