import type { AggregateTable } from '@waymark/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

/**
 * A view's table exactly as the server published it: a withheld count reads "<k" (with
 * why), never 0, and a row that holds small areas says which.
 */
export function AggregateTableView({ table, rowLabel, columnLabel, rowTitle, actions, testId }: {
  table: AggregateTable;
  rowLabel: (row: AggregateTable['rows'][number]) => string;
  columnLabel: (key: string) => string;
  rowTitle: string;
  actions?: (row: AggregateTable['rows'][number]) => ReactNode;
  testId: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const k = table.suppressionThreshold;
  const cell = (value: number | null) =>
    value === null ? <span className="muted suppressed" dir="ltr" title={t('reports.suppressedHint', { k })}>{t('reports.suppressed', { k })}</span> : formatNumber(value, language);
  // Every-domain tables have no row total: one person can be at risk in several domains.
  const showTotal = table.columns[0]?.kind !== 'domain';
  return (
    <div className="table-scroll">
      <table className="people-table aggregate-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{rowTitle}</th>
            {showTotal ? <th scope="col">{t('reports.total')}</th> : null}
            {table.columns.map((column) => <th scope="col" key={column.key}>{columnLabel(column.key)}</th>)}
            {actions ? <th scope="col"><span className="visually-hidden">{t('map.actions')}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.key} data-testid={`${testId}-row`} data-key={row.key}>
              <th scope="row">
                {rowLabel(row)}
                {row.rolledUp.length > 0 && <div className="muted small">{t('map.includesSmall', { count: row.rolledUp.length })}</div>}
              </th>
              {showTotal ? <td data-label={t('reports.total')}>{cell(row.total)}</td> : null}
              {row.cells.map((value, j) => <td key={table.columns[j]!.key} data-label={columnLabel(table.columns[j]!.key)}>{cell(value)}</td>)}
              {actions ? <td>{actions(row)}</td> : null}
            </tr>
          ))}
        </tbody>
        {table.columnTotals && (
          <tfoot>
            <tr>
              <th scope="row">{t('reports.total')}</th>
              {showTotal ? <td>{cell(table.grandTotal)}</td> : null}
              {table.columnTotals.map((value, j) => <td key={table.columns[j]!.key}>{cell(value)}</td>)}
              {actions ? <td /> : null}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
