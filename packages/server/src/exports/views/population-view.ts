import { ok } from '@waymark/core';
import { AggregateQuerySchema, type AggregateTable } from '@waymark/contracts';
import { aggregateView } from '../../use-cases/population/aggregate-views';
import { defineView, type ExportCell, type ExportColumn } from '../aggregate-view';
import { areaCodeHashtag } from '../hxl';

/** The row dimension's own columns: what the row is, in words and as a code. */
function rowColumns(table: AggregateTable): ExportColumn[] {
  const keys = table.rows.map((row) => row.key);
  switch (table.by) {
    case 'area': {
      // `#adm2+code` when the codes say their level, and the name beside it at that level.
      const code = areaCodeHashtag(keys);
      return [
        { key: 'areaCode', label: 'Admin area code', hxl: code },
        { key: 'areaName', label: 'Admin area', hxl: code.replace('+code', '+name') },
      ];
    }
    case 'site':
      return [
        { key: 'siteId', label: 'Site id', hxl: '#loc+id' },
        { key: 'siteName', label: 'Site', hxl: '#loc+name' },
      ];
    case 'month':
      return [{ key: 'month', label: 'Month screened', hxl: '#date+month' }];
    default:
      // Sex, age bracket, setting, legal status, care situation: a category, by its code.
      return [{ key: table.by, label: table.by.replace('_', ' '), hxl: `#group+${table.by}` }];
  }
}

/** A count column's hashtag: people at a risk level or in a risk domain; screenings in the trend. */
function countColumn(table: AggregateTable, column: AggregateTable['columns'][number]): ExportColumn {
  const screenings = table.view === 'trend';
  const base = screenings ? '#indicator+num+screenings' : column.key === 'unscreened' ? '#population+ind' : '#affected+ind';
  const attribute = column.kind === 'domain' ? `domain_${column.key}` : column.key === 'unscreened' ? 'unscreened' : `risk_${column.key}`;
  const label = column.kind === 'domain' ? `At risk: ${column.key.replaceAll('_', ' ')}` : column.key === 'unscreened' ? 'Not screened' : `${column.key[0]!.toUpperCase()}${column.key.slice(1)} risk`;
  return { key: column.key, label: screenings ? `Screenings: ${label.toLowerCase()}` : label, hxl: `${base}+${attribute.replace(/[^a-z0-9_]/g, '_')}` };
}

/**
 * The population map's tables (risk level, risk domain, screening trend; by area, site,
 * sex, age bracket, setting, legal status or care situation; with its filters): the same
 * query and the same published table as the map and its table, so the file shows exactly
 * what the screen does. Rows rolled into their parent name what they absorbed.
 */
export const populationView = defineView({
  id: 'population',
  title: 'Population at risk: people by risk level or domain, or screenings by month',
  verb: 'aggregate.read',
  params: AggregateQuerySchema,
  operationParam: 'operationId',
  async produce(ctx, params) {
    const result = await aggregateView(ctx, params);
    if (!result.ok) return result;
    const table = result.value;
    const ownColumns = rowColumns(table);
    // Every domain at once has no row total: a person at risk in two domains is in two cells.
    const hasTotal = !(table.view === 'risk_domain' && params.domain === undefined);
    const columns: ExportColumn[] = [
      ...ownColumns,
      ...(hasTotal ? [{ key: 'total', label: table.view === 'trend' ? 'Screenings' : 'People', hxl: table.view === 'trend' ? '#indicator+num+screenings' : '#population+ind+total' }] : []),
      ...table.columns.map((column) => countColumn(table, column)),
      { key: 'rolledUp', label: 'Also counted here (too small to show alone)', hxl: '#meta+rolled_up' },
    ];
    const rows = table.rows.map((row): ExportCell[] => [
      row.key,
      ...(ownColumns.length === 2 ? [row.name] : []),
      ...(hasTotal ? [row.total] : []),
      ...row.cells,
      row.rolledUp.join(' '),
    ]);
    // The "All" row the screen shows under the table, as published (withheld stays withheld).
    const footer: ExportCell[] | undefined = table.columnTotals
      ? ['All', ...(ownColumns.length === 2 ? [''] : []), ...(hasTotal ? [table.grandTotal] : []), ...table.columnTotals, '']
      : undefined;
    return ok({ columns, rows, ...(footer ? { footer } : {}), suppressionThreshold: table.suppressionThreshold, disclosure: table.disclosure, operationId: table.operationId });
  },
});
