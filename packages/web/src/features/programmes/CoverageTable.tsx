import type { Coverage } from '@waymark/contracts';
import { FiguresNote } from '../map/FiguresNote';
import { useTranslation } from 'react-i18next';
import { ExportButtons } from '../../components/ExportButtons';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

/**
 * Coverage by area (reached / targeted / estimated in need, with the gap marked), then by
 * sex and age bracket. Withheld cells read "fewer than k", never a guess.
 */
export function CoverageTable({ coverage, nameOf }: { coverage: Coverage; nameOf: (code: string | null) => string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const k = coverage.suppressionThreshold;
  const cell = (value: number | null) => (value === null ? <span className="muted" title={t('reports.suppressedHint', { k })}>{t('reports.suppressed', { k })}</span> : formatNumber(value, language));
  const percent = (value: number | null) => (value === null ? '—' : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(value));
  return (
    <>
      <FiguresNote figures={coverage.figures} k={k} />
      <ExportButtons view="programme-coverage" params={{ programmeId: coverage.programmeId, by: 'area' }} testId="export-coverage-areas" />
      <table className="people-table" data-testid="coverage-areas">
        <caption>{t('programmes.coverageByArea', { threshold: percent(coverage.gapThreshold) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.area')}</th>
            <th scope="col">{t('programmes.inNeed')}</th>
            <th scope="col">{t('programmes.targeted')}</th>
            <th scope="col">{t('programmes.reached')}</th>
            <th scope="col">{t('programmes.coverage')}</th>
          </tr>
        </thead>
        <tbody>
          {coverage.areas.map((area) => (
            <tr key={area.adminAreaCode ?? '-'} data-testid="coverage-area-row" data-area={area.adminAreaCode ?? ''} data-gap={String(area.gap)} className={area.gap ? 'coverage-gap' : undefined}>
              <th scope="row">{nameOf(area.adminAreaCode) ?? t('reports.noArea')}</th>
              <td data-label={t('programmes.inNeed')} data-testid="coverage-in-need">{cell(area.inNeed)}</td>
              <td data-label={t('programmes.targeted')} data-testid="coverage-targeted">{cell(area.targeted)}</td>
              <td data-label={t('programmes.reached')} data-testid="coverage-reached">{cell(area.reached)}</td>
              <td data-label={t('programmes.coverage')}>
                {percent(area.coverage)} {area.gap === true && <strong className="gap-mark" data-testid="coverage-gap">⚠ {t('programmes.gap')}</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {coverage.rows.length > 0 && (
        <table className="people-table" data-testid="coverage-rows">
          <caption>{t('programmes.coverageBySexAge')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.area')}</th>
              <th scope="col">{t('programmes.sex')}</th>
              <th scope="col">{t('programmes.ageBracket')}</th>
              <th scope="col">{t('programmes.inNeed')}</th>
              <th scope="col">{t('programmes.targeted')}</th>
              <th scope="col">{t('programmes.reached')}</th>
            </tr>
          </thead>
          <tbody>
            {coverage.rows.map((row) => (
              <tr key={`${row.adminAreaCode ?? ''}|${row.sex}|${row.ageBracket}`}>
                <th scope="row">{nameOf(row.adminAreaCode) ?? t('reports.noArea')}</th>
                <td data-label={t('programmes.sex')}>{t(`sex.${row.sex}`)}</td>
                <td data-label={t('programmes.ageBracket')}>{t(`ageBracket.${row.ageBracket}`)}</td>
                <td data-label={t('programmes.inNeed')}>{cell(row.inNeed)}</td>
                <td data-label={t('programmes.targeted')}>{cell(row.targeted)}</td>
                <td data-label={t('programmes.reached')}>{cell(row.reached)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {coverage.rows.length > 0 && <ExportButtons view="programme-coverage" params={{ programmeId: coverage.programmeId }} testId="export-coverage-rows" />}
    </>
  );
}
