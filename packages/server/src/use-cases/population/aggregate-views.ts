import {
  AGE_BRACKETS,
  ageBracket,
  areaTree,
  bracketRange,
  can,
  canInOperation,
  CARE_SITUATIONS,
  err,
  heightenedRiskV1,
  LEGAL_STATUSES,
  disclosureMethod,
  NOBODY,
  ok,
  publishKeyedTable,
  RISK_LEVELS,
  SETTINGS,
  SEXES,
  addKeyed,
  aggregateSourceFor,
  type KeyedCount,
  type AreaTree,
  type PublishOptions,
  type Result,
} from '@waymark/core';
import type { AggregateQuery, AggregateTable, Figures } from '@waymark/contracts';
import { listAdminAreaTree, listSitesOfOperation, type AdminAreaRecord } from '../../db/admin-areas-repository';
import {
  countPeopleByDomain,
  countPeopleByLevel,
  countScreeningsByMonth,
  type GroupedCount,
  type RollupFilter,
  type RollupGroup,
} from '../../db/population-aggregates-repository';
import { agenciesOfOperation, lastReleaseCut } from '../../db/population-release-repository';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { suppressionThresholdOf } from './disclosure-threshold';

/**
 * The population map's aggregate views. Each is a function from a query to a table that
 * core/disclosure has already published by the cell-key method (k from the operation,
 * default 5): every cell and total is the count of a set of people, perturbed by the sum
 * of their record keys, so the same people show the same number in every view, at every
 * level and in every export. No rows are rolled up: an area's row is always that area's
 * people. Column metadata:
 *
 * - `riskLevelView`: people by the query's dimension × current risk level
 *   (columns `low`, `medium`, `high`, `critical`, `unscreened`; row, column and grand totals);
 * - `riskDomainView`: people at medium or above in each risk domain (columns: domain ids;
 *   column totals only, a person counts in every domain they are at risk in), or, with
 *   `domain`, that domain's people by level (columns `medium`, `high`, `critical`);
 * - `screeningTrendView`: screenings held per month (rows `YYYY-MM`) × the level found.
 *
 * Exports (CSV/XLSX/HXL) build on these same functions, so a file never shows more than the screen.
 */
export const RISK_LEVEL_COLUMNS = [...RISK_LEVELS, 'unscreened'] as const;
export const DOMAIN_LEVEL_COLUMNS = ['medium', 'high', 'critical'] as const;
export const DOMAIN_COLUMNS: readonly string[] = heightenedRiskV1.domains.map((domain) => domain.id);

type Column = AggregateTable['columns'][number];

interface Frame {
  operationId: string;
  k: number;
  tree: AdminAreaRecord[];
  /** The same areas indexed, every walk bounded (a cycle in old data cannot hang a request). */
  areas: AreaTree<AdminAreaRecord>;
  sites: Array<{ id: string; name: string; admin_area_code: string | null }>;
  filter: RollupFilter;
  year: number;
  figures: Figures;
}

export async function riskLevelView(ctx: UseCaseContext, query: AggregateQuery): Promise<Result<AggregateTable, Failure>> {
  const frame = await frameFor(ctx, query);
  if (!frame.ok) return frame;
  const counts = await countPeopleByLevel(ctx.db, frame.value.filter, groupOf(query.by));
  const columns: Column[] = RISK_LEVEL_COLUMNS.map((key) => ({ key, kind: 'risk_level' }));
  return ok(tabulate(frame.value, query, counts.map((c) => ({ ...c, column: c.column ?? 'unscreened' })), columns, { rowTotals: true, columnTotals: true, grandTotal: true }, HIGH_OR_CRITICAL));
}

/** What the map colours by: one set of people, so one cell with its own key, not a sum of two shown cells. */
const HIGH_OR_CRITICAL: readonly string[] = ['high', 'critical'];

export async function riskDomainView(ctx: UseCaseContext, query: AggregateQuery): Promise<Result<AggregateTable, Failure>> {
  if (query.domain !== undefined && !DOMAIN_COLUMNS.includes(query.domain)) {
    return err(failure('validation_failed', undefined, [{ path: '/domain', code: 'unknown_domain', message: 'No such risk domain' }]));
  }
  const frame = await frameFor(ctx, query);
  if (!frame.ok) return frame;
  const counts = await countPeopleByDomain(ctx.db, frame.value.filter, groupOf(query.by), query.domain ?? null);
  if (query.domain !== undefined) {
    const columns: Column[] = DOMAIN_LEVEL_COLUMNS.map((key) => ({ key, kind: 'domain_level' }));
    return ok(tabulate(frame.value, query, counts, columns, { rowTotals: true, columnTotals: true, grandTotal: true }));
  }
  // A person at risk in two domains is in two cells: a row total would count them twice.
  const columns: Column[] = DOMAIN_COLUMNS.map((key) => ({ key, kind: 'domain' }));
  return ok(tabulate(frame.value, query, counts, columns, { rowTotals: false, columnTotals: true, grandTotal: false }));
}

export async function screeningTrendView(ctx: UseCaseContext, query: AggregateQuery): Promise<Result<AggregateTable, Failure>> {
  const frame = await frameFor(ctx, query);
  if (!frame.ok) return frame;
  const counts = await countScreeningsByMonth(ctx.db, frame.value.filter);
  const columns: Column[] = RISK_LEVELS.map((key) => ({ key, kind: 'risk_level' }));
  const months = [...new Set(counts.map((c) => c.key ?? ''))].sort();
  const cells = months.map((month) => columns.map((column) => sumOf(counts, (c) => c.key === month && c.column === column.key)));
  const published = publishKeyedTable({ cells }, { k: frame.value.k, rowTotals: true, columnTotals: false, grandTotal: false });
  return ok({
    view: 'trend',
    figures: frame.value.figures,
    by: 'month',
    operationId: frame.value.operationId,
    suppressionThreshold: frame.value.k,
    disclosure: disclosureMethod(frame.value.k),
    columns,
    rows: months.map((month, i) => ({ key: month, name: null, drill: null, rolledUp: [], cells: published.cells[i]!, total: published.rowTotals![i]! })),
    columnTotals: null,
    grandTotal: null,
    suppressed: published.suppressed,
  });
}

/** The view a query names. */
export function aggregateView(ctx: UseCaseContext, query: AggregateQuery): Promise<Result<AggregateTable, Failure>> {
  switch (query.view) {
    case 'risk_domain':
      return riskDomainView(ctx, query);
    case 'trend':
      return screeningTrendView(ctx, query);
    default:
      return riskLevelView(ctx, query);
  }
}

async function frameFor(ctx: UseCaseContext, query: AggregateQuery): Promise<Result<Frame, Failure>> {
  if (!can(ctx.actor, 'aggregate.read')) return err(failure('forbidden'));
  if (!canInOperation(ctx.actor, 'aggregate.read', query.operationId)) return err(failure('forbidden'));
  const [k, tree, sites, agencies, releasedAt] = await Promise.all([
    suppressionThresholdOf(ctx.db, query.operationId),
    listAdminAreaTree(ctx.db, query.operationId),
    listSitesOfOperation(ctx.db, query.operationId),
    agenciesOfOperation(ctx.db, query.operationId),
    lastReleaseCut(ctx.db, query.operationId),
  ]);
  // Live figures only for readers who may read every person of the operation anyway.
  const source = aggregateSourceFor(ctx.actor, query.operationId, agencies);
  const year = ctx.now().getUTCFullYear();
  const filter: RollupFilter = {
    operationId: query.operationId,
    source,
    siteId: query.siteId,
    sex: query.sex,
    setting: query.setting,
    legalStatus: query.legalStatus,
    careSituation: query.careSituation,
    // Age is the age reached this year (year − birth year): the rollup keeps birth years,
    // so a bracket is exact for that definition whatever the day.
    birthYears: query.ageBracket?.map((bracket) => {
      const range = bracketRange(bracket);
      return { from: range.max === null ? null : year - range.max, to: year - range.min };
    }),
  };
  const areas = areaTree(tree);
  if (query.area !== undefined) filter.areaCodes = [query.area, ...areas.descendantsOf(query.area)];
  const figures: Figures = { source, releasedAt: releasedAt?.toISOString() ?? null };
  return ok({ operationId: query.operationId, k, tree, areas, sites, filter, year, figures });
}

const groupOf = (by: AggregateQuery['by']): RollupGroup =>
  (({ area: 'admin_area_code', site: 'site_id', age_bracket: 'birth_year', setting: 'setting', sex: 'sex', legal_status: 'legal_status', care_situation: 'care_situation' }) as const)[by];

const sumOf = (counts: readonly GroupedCount[], match: (c: GroupedCount) => boolean): KeyedCount =>
  counts.reduce((sum, c) => (match(c) ? addKeyed(sum, c) : sum), NOBODY);

const UNKNOWN = 'unknown';

interface RowPlan {
  key: string;
  name: string | null;
  parent: string | null;
  drill: 'area' | 'site' | null;
}

/** Rows of a table in display order, each count's row key, and what each row rolls up into. */
function planRows(frame: Frame, query: AggregateQuery, counts: readonly GroupedCount[]): { rows: RowPlan[]; rowOf: (key: string | null) => string } {
  const { areas } = frame;
  const hasSites = (code: string) => {
    const codes = new Set([code, ...areas.descendantsOf(code)]);
    return frame.sites.some((site) => site.admin_area_code !== null && codes.has(site.admin_area_code));
  };
  const vocabulary = (values: readonly string[], rowOf: (key: string | null) => string = (key) => key ?? UNKNOWN) => {
    const present = new Set(counts.map((c) => rowOf(c.key)));
    const keys = [...new Set([...values, UNKNOWN])].filter((value) => values.includes(value) || present.has(value));
    return { rows: keys.map((key) => ({ key, name: null, parent: null, drill: null })), rowOf };
  };
  switch (query.by) {
    case 'sex':
      return vocabulary(SEXES);
    case 'setting':
      return vocabulary(SETTINGS);
    case 'legal_status':
      return vocabulary(LEGAL_STATUSES);
    case 'care_situation':
      return vocabulary(CARE_SITUATIONS);
    case 'age_bracket':
      return vocabulary(AGE_BRACKETS, (key) => (key === null ? UNKNOWN : ageBracket(Math.max(0, frame.year - Number(key)))));
    case 'site': {
      const sites = new Map(frame.sites.map((site) => [site.id, site]));
      const keys = new Set(counts.map((c) => c.key ?? UNKNOWN));
      // The sites of the asked area are rows even with nobody counted (or nobody released yet):
      // withheld, not missing, as areas are.
      const inArea = frame.filter.areaCodes ? new Set(frame.filter.areaCodes) : null;
      if (inArea) for (const site of frame.sites) if (site.admin_area_code !== null && inArea.has(site.admin_area_code)) keys.add(site.id);
      const rows = [...keys]
        .map((key) => {
          const site = sites.get(key);
          return { key, name: site?.name ?? null, parent: site?.admin_area_code ?? null, drill: null };
        })
        .sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'));
      return { rows, rowOf: (key) => key ?? UNKNOWN };
    }
    case 'area': {
      const level = query.area !== undefined ? (areas.area(query.area)?.level ?? query.level - 1) + 1 : query.level;
      // A person's area (usually the finest level) counts under its ancestor at `level`.
      const ancestorAt = (code: string | null): string => (code === null ? UNKNOWN : areas.ancestorAt(code, level));
      const keys = new Set(counts.map((c) => ancestorAt(c.key)));
      // Areas of the level with nobody are rows too: a map shows them as 0, not as unknown.
      for (const area of frame.tree) if (area.level === level && (query.area === undefined || area.parentCode === query.area)) keys.add(area.code);
      const rows = [...keys]
        .map((key) => {
          const area = areas.area(key);
          const children = areas.childrenOf(key).length > 0;
          return {
            key,
            name: area?.name ?? null,
            parent: area?.parentCode ?? null,
            drill: area === undefined ? null : children ? ('area' as const) : hasSites(key) ? ('site' as const) : null,
          };
        })
        .sort((a, b) => (a.name ?? '\uffff').localeCompare(b.name ?? '\uffff'));
      return { rows, rowOf: ancestorAt };
    }
  }
}

function tabulate(
  frame: Frame,
  query: AggregateQuery,
  counts: readonly GroupedCount[],
  columns: Column[],
  margins: Omit<PublishOptions, 'k'>,
  highOrCritical?: readonly string[],
): AggregateTable {
  const plan = planRows(frame, query, counts);
  const index = new Map(plan.rows.map((row, i) => [row.key, i]));
  const columnIndex = new Map(columns.map((column, j) => [column.key, j]));
  const cells: KeyedCount[][] = plan.rows.map(() => columns.map(() => NOBODY));
  for (const count of counts) {
    const i = index.get(plan.rowOf(count.key));
    const j = columnIndex.get(count.column ?? '');
    if (i !== undefined && j !== undefined) cells[i]![j] = addKeyed(cells[i]![j]!, count);
  }
  const names = new Map(frame.tree.map((area) => [area.code, area.name]));
  const published = publishKeyedTable({ cells }, { k: frame.k, ...margins });
  const combined = highOrCritical
    ? publishKeyedTable(
        { cells: cells.map((row) => [columns.reduce((sum, column, j) => (highOrCritical.includes(column.key) ? addKeyed(sum, row[j]!) : sum), NOBODY)]) },
        { k: frame.k, rowTotals: false, columnTotals: false, grandTotal: false },
      ).cells.map((row) => row[0] ?? null)
    : undefined;
  return {
    view: query.view,
    figures: frame.figures,
    by: query.by,
    operationId: frame.operationId,
    suppressionThreshold: frame.k,
    disclosure: disclosureMethod(frame.k),
    columns,
    rows: plan.rows.map((row, i) => ({
      key: row.key,
      name: row.name ?? names.get(row.key) ?? null,
      drill: row.drill,
      rolledUp: [],
      cells: published.cells[i]!,
      total: published.rowTotals ? published.rowTotals[i]! : null,
      ...(combined ? { highOrCritical: combined[i]! } : {}),
    })),
    columnTotals: published.columnTotals,
    grandTotal: published.grandTotal ?? null,
    suppressed: published.suppressed,
  };
}
