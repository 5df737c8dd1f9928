import { AGE_BRACKETS, CARE_SITUATIONS, heightenedRiskV1, LEGAL_STATUSES, SETTINGS, SEXES, type AreaGeometry } from '@waymark/core';
import type { AggregateDimension, AggregateTable } from '@waymark/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getAdminAreas, getAggregates, type AggregateRequest } from '../../api/population';
import { SelectField } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { navigate } from '../../shared/router';
import { useCan, useSession } from '../../shared/session';
import { formatNumber } from '../../i18n/format';
import { pickText } from '../../i18n/localized';
import { useLanguage } from '../../i18n/use-language';
import { EMPTY_FILTERS } from '../people/filters';
import { usePeopleFilters } from '../people/filter-state';
import { ExportButtons } from '../../components/ExportButtons';
import { AggregateTableView } from './AggregateTableView';
import { BarChart } from './BarChart';
import { ChoroplethMap } from './ChoroplethMap';
import { FiguresNote } from './FiguresNote';
import type { AreaValue, MapArea, MapLayer } from './choropleth-layers';
import { TrendChart } from './TrendChart';
import { useMapOverlays } from './use-map-overlays';

interface Filters {
  sex: string;
  ageBracket: string;
  setting: string;
  legalStatus: string;
  careSituation: string;
  domain: string;
}
const NO_FILTERS: Filters = { sex: '', ageBracket: '', setting: '', legalStatus: '', careSituation: '', domain: '' };
const BREAKDOWNS: AggregateDimension[] = ['sex', 'age_bracket', 'setting', 'legal_status', 'care_situation'];

/** The drill-down path: governorate, then district (whose sites are listed). */
type Drill = Array<{ code: string; name: string }>;

/**
 * The population risk map: where the people at high risk are, drawn from the shipped (or
 * uploaded) boundaries, with every number as core/disclosure published it. Analysts and
 * partners see aggregates only; those who may read people can open the list of an area
 * or a site.
 */
export function RiskMapPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const session = useSession();
  const can = useCan();
  const people = usePeopleFilters();
  const operations = session.operations;
  const [operationId, setOperationId] = useState(operations[0]?.id ?? '');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [drill, setDrill] = useState<Drill>([]);
  const [breakdown, setBreakdown] = useState<AggregateDimension>('sex');

  const areas = useQuery({ queryKey: ['population', 'areas', operationId], queryFn: () => getAdminAreas(operationId), enabled: operationId !== '', staleTime: 10 * 60_000 });
  const view = filters.domain ? 'risk_domain' : 'risk_level';
  const base: AggregateRequest = {
    operationId,
    view,
    ...(filters.domain ? { domain: filters.domain } : {}),
    ...(filters.sex ? { sex: [filters.sex as (typeof SEXES)[number]] } : {}),
    ...(filters.ageBracket ? { ageBracket: [filters.ageBracket as (typeof AGE_BRACKETS)[number]] } : {}),
    ...(filters.setting ? { setting: [filters.setting as (typeof SETTINGS)[number]] } : {}),
    ...(filters.legalStatus ? { legalStatus: [filters.legalStatus as (typeof LEGAL_STATUSES)[number]] } : {}),
    ...(filters.careSituation ? { careSituation: [filters.careSituation as (typeof CARE_SITUATIONS)[number]] } : {}),
  };
  const here = drill[drill.length - 1];
  const areaRequest: AggregateRequest = drill.length >= 2 ? { ...base, by: 'site', area: here!.code } : here ? { ...base, by: 'area', area: here.code } : { ...base, by: 'area', level: 1 };
  const enabled = operationId !== '';
  const byArea = useQuery({ queryKey: ['population', 'aggregates', areaRequest], queryFn: ({ signal }) => getAggregates(areaRequest, signal), enabled, placeholderData: keepPreviousData });
  const breakdownRequest: AggregateRequest = { ...base, by: breakdown, ...(here ? { area: here.code } : {}) };
  const byDimension = useQuery({ queryKey: ['population', 'aggregates', breakdownRequest], queryFn: ({ signal }) => getAggregates(breakdownRequest, signal), enabled, placeholderData: keepPreviousData });
  const trendRequest: AggregateRequest = { ...base, view: 'trend', ...(here ? { area: here.code } : {}) };
  delete trendRequest.domain;
  const trend = useQuery({ queryKey: ['population', 'aggregates', trendRequest], queryFn: ({ signal }) => getAggregates(trendRequest, signal), enabled, placeholderData: keepPreviousData });

  const shapes = useMemo(() => {
    const all = areas.data?.areas ?? [];
    return new Map(all.map((area) => [area.code, { code: area.code, name: area.name, level: area.level, parentCode: area.parentCode, geometry: area.geometry as AreaGeometry }]));
  }, [areas.data]);
  const siteNames = new Map((areas.data?.sites ?? []).map((site) => [site.id, site.name]));
  const nameOf = (code: string) => shapes.get(code)?.name ?? code;

  const domainLabel = (id: string) => pickText(heightenedRiskV1.domains.find((d) => d.id === id)?.label, language).text || id;
  const columnLabel = (key: string) => (key === 'unscreened' ? t('risk.none') : (['low', 'medium', 'high', 'critical'] as string[]).includes(key) ? t(`risk.${key}`) : domainLabel(key));
  const format = (n: number) => formatNumber(n, language);

  /**
   * What the map colours by: people at high or critical risk, or at medium or above in the
   * chosen domain. High + critical is read from what was published: the two cells, or the
   * row total less the other shown cells (the same number, already given away by the
   * table). A sum from 1 to k − 1 is shown as hidden all the same: the map never points at
   * a handful of people.
   */
  const metricOf = (table: AggregateTable, row: AggregateTable['rows'][number]): number | null => {
    const k = table.suppressionThreshold;
    const guarded = (n: number | null) => (n !== null && n > 0 && n < k ? null : n);
    if (table.view === 'risk_domain') return guarded(row.total);
    // Published by the server as one cell of its own (the cell-key method): use it as it is.
    if (row.highOrCritical !== undefined) return guarded(row.highOrCritical);
    const wanted = table.columns.map((c) => c.key === 'high' || c.key === 'critical');
    const inside = row.cells.filter((_, j) => wanted[j]);
    if (inside.every((cell) => cell !== null)) return guarded(inside.reduce<number>((a, b) => a + (b ?? 0), 0));
    const outside = row.cells.filter((_, j) => !wanted[j]);
    if (row.total === null || outside.some((cell) => cell === null)) return null;
    return guarded(row.total - outside.reduce<number>((a, b) => a + (b ?? 0), 0));
  };

  const mapAreas: MapArea[] = useMemo(() => {
    const all = [...shapes.values()];
    if (drill.length === 0) return all.filter((area) => area.level === 1);
    if (drill.length === 1) return all.filter((area) => area.parentCode === drill[0]!.code);
    const district = shapes.get(drill[1]!.code);
    return district ? [district] : [];
  }, [shapes, drill]);

  // Optional labour and coverage-gap layers, each behind its own read verb.
  const shown = useMemo(() => new Set(mapAreas.map((area) => area.code)), [mapAreas]);
  const overlays = useMapOverlays(operationId, shapes, shown);
  const layers: MapLayer[] = [];
  if (byArea.data) {
    const values = new Map<string, AreaValue>();
    if (byArea.data.by === 'area') {
      for (const row of byArea.data.rows) {
        const metric = metricOf(byArea.data, row);
        values.set(row.key, metric === null ? { kind: 'suppressed' } : { kind: 'count', value: metric });
        for (const small of row.rolledUp) values.set(small, { kind: 'rolled_up', into: nameOf(row.key) });
      }
    } else if (here) {
      // Sites have no shapes: the district is coloured by its sites' published totals.
      const all = { key: here.code, name: here.name, drill: null, rolledUp: [], cells: byArea.data.columnTotals ?? [], total: byArea.data.grandTotal };
      const metric = byArea.data.columnTotals ? metricOf(byArea.data, all) : null;
      values.set(here.code, metric === null ? { kind: 'suppressed' } : { kind: 'count', value: metric });
    }
    layers.push({ type: 'fill', id: 'risk', title: filters.domain ? t('map.metricDomain', { domain: domainLabel(filters.domain) }) : t('map.metricHigh'), values, format });
  }

  const openPeople = (filter: { adminAreaCode?: string; adminAreaName?: string; siteId?: string }) => {
    people.setForm({ ...EMPTY_FILTERS, adminAreaCode: filter.adminAreaCode ?? '', adminAreaName: filter.adminAreaName ?? '', siteId: filter.siteId ?? '' });
    navigate({ name: 'people' });
  };
  const selectArea = (code: string) => {
    const row = byArea.data?.rows.find((r) => r.key === code);
    if (row?.drill === 'area' || row?.drill === 'site') setDrill([...drill, { code, name: nameOf(code) }]);
  };

  if (operations.length === 0) return <p>{t('map.noOperation')}</p>;
  const k = byArea.data?.suppressionThreshold ?? 5;
  const any = t('filters.any');
  const set = (field: keyof Filters) => (value: string) => setFilters({ ...filters, [field]: value });

  return (
    <section className="risk-map" aria-labelledby="map-heading">
      <h1 id="map-heading" tabIndex={-1}>{t('map.heading')}</h1>
      <p className="muted">{t('map.intro', { k })}</p>
      <FiguresNote figures={byArea.data?.figures} k={k} />
      <div className="filters card" role="search" aria-label={t('filters.label')}>
        {operations.length > 1 && (
          <SelectField id="map-operation" testId="map-operation" label={t('map.operation')} value={operationId}
            options={operations.map((o) => ({ value: o.id, label: o.name }))} onChange={(value) => { setOperationId(value); setDrill([]); }} />
        )}
        <SelectField id="map-domain" testId="map-domain" label={t('map.domain')} value={filters.domain} empty={t('map.anyDomain')}
          options={heightenedRiskV1.domains.map((d) => ({ value: d.id, label: domainLabel(d.id) }))} onChange={set('domain')} />
        <SelectField id="map-sex" testId="map-sex" label={t('person.sex')} value={filters.sex} empty={any} options={SEXES.map((v) => ({ value: v, label: t(`sex.${v}`) }))} onChange={set('sex')} />
        <SelectField id="map-age" testId="map-age" label={t('filters.ageBracket')} value={filters.ageBracket} empty={any} options={AGE_BRACKETS.map((v) => ({ value: v, label: t(`ageBracket.${v}`) }))} onChange={set('ageBracket')} />
        <SelectField id="map-setting" testId="map-setting" label={t('map.setting')} value={filters.setting} empty={any} options={SETTINGS.map((v) => ({ value: v, label: t(`setting.${v}`) }))} onChange={set('setting')} />
        <SelectField id="map-legal" testId="map-legal" label={t('map.legalStatus')} value={filters.legalStatus} empty={any} options={LEGAL_STATUSES.map((v) => ({ value: v, label: t(`legalStatus.${v}`) }))} onChange={set('legalStatus')} />
        <SelectField id="map-care" testId="map-care" label={t('map.careSituation')} value={filters.careSituation} empty={any} options={CARE_SITUATIONS.map((v) => ({ value: v, label: t(`careSituation.${v}`) }))} onChange={set('careSituation')} />
        <div className="filters-reset">
          <button type="button" className="link-button" onClick={() => setFilters(NO_FILTERS)}>{t('filters.clear')}</button>
        </div>
      </div>

      <nav aria-label={t('map.where')} className="breadcrumbs" data-testid="map-breadcrumbs">
        <button type="button" className="link-button" onClick={() => setDrill([])} aria-current={drill.length === 0 ? 'page' : undefined}>{t('map.allAreas')}</button>
        {drill.map((step, i) => (
          <span key={step.code}>
            {' › '}
            <button type="button" className="link-button" onClick={() => setDrill(drill.slice(0, i + 1))} aria-current={i === drill.length - 1 ? 'page' : undefined}>{step.name}</button>
          </span>
        ))}
        {here && can('person.read') && (
          <button type="button" className="secondary small-button" data-testid="map-open-area-people" onClick={() => openPeople({ adminAreaCode: here.code, adminAreaName: here.name })}>
            {t('map.peopleInArea', { area: here.name })}
          </button>
        )}
      </nav>

      {overlays.controls}
      {byArea.isError && <ProblemMessage error={byArea.error} />}
      <div className="map-layout">
        {mapAreas.length > 0 ? (
          <ChoroplethMap areas={mapAreas} layers={[...layers, ...overlays.layers]} label={t('map.mapLabel')} onAreaSelect={drill.length < 2 ? selectArea : undefined} />
        ) : (
          areas.isSuccess && <p className="muted" data-testid="map-no-shapes">{t('map.noShapes')}</p>
        )}
        {byArea.data && (
          <div className="map-side">
            <h2>{drill.length >= 2 ? t('map.sitesOf', { area: here!.name }) : t('map.areasTable')}</h2>
            <AggregateTableView
              table={byArea.data}
              testId="map-table"
              rowTitle={drill.length >= 2 ? t('map.site') : t('reports.area')}
              columnLabel={columnLabel}
              rowLabel={(row) => (byArea.data.by === 'site' ? siteNames.get(row.key) ?? row.name ?? nameOf(row.key) : row.name ?? (row.key === 'unknown' ? t('reports.noArea') : row.key))}
              actions={(row) => (
                <>
                  {row.drill && drill.length < 2 && (
                    <button type="button" className="link-button" data-testid="map-drill" onClick={() => selectArea(row.key)}>{t(row.drill === 'site' ? 'map.showSites' : 'map.showAreas')}</button>
                  )}
                  {byArea.data.by === 'site' && can('person.read') && siteNames.has(row.key) && (
                    <button type="button" className="link-button" data-testid="map-open-site-people" onClick={() => openPeople({ siteId: row.key })}>{t('map.people')}</button>
                  )}
                </>
              )}
            />
            <ExportButtons view="population" params={areaRequest} testId="export-map-table" />
            <BarChart k={k} format={format} label={t('map.chartLabel')}
              bars={byArea.data.rows.map((row) => ({ key: row.key, label: byArea.data.by === 'site' ? siteNames.get(row.key) ?? row.key : row.name ?? row.key, value: metricOf(byArea.data, row) }))} />
          </div>
        )}
      </div>
      {areas.data && areas.data.sources.length > 0 && <p className="muted small" data-testid="map-attribution">{t('map.boundaries')}: {areas.data.sources.join('; ')}</p>}

      <section aria-labelledby="breakdown-heading" className="card">
        <h2 id="breakdown-heading">{t('map.breakdown')}</h2>
        <SelectField id="map-breakdown" testId="map-breakdown" label={t('map.breakdownBy')} value={breakdown}
          options={BREAKDOWNS.map((d) => ({ value: d, label: t(`map.dimension.${d}`) }))} onChange={(value) => setBreakdown(value as AggregateDimension)} />
        {byDimension.data && (
          <>
            <BarChart k={k} format={format} label={t('map.chartLabel')} bars={byDimension.data.rows.map((row) => ({ key: row.key, label: dimensionLabel(t, breakdown, row.key), value: metricOf(byDimension.data, row) }))} />
            <AggregateTableView table={byDimension.data} testId="breakdown-table" rowTitle={t(`map.dimension.${breakdown}`)} columnLabel={columnLabel} rowLabel={(row) => dimensionLabel(t, breakdown, row.key)} />
            <ExportButtons view="population" params={breakdownRequest} testId="export-breakdown" />
          </>
        )}
      </section>

      <section aria-labelledby="trend-heading" className="card">
        <h2 id="trend-heading">{t('map.trend')}</h2>
        <p className="muted">{t('map.trendIntro')}</p>
        {trend.data && trend.data.rows.length > 0 ? (
          <>
            <TrendChart table={trend.data} label={t('map.trend')} />
            <AggregateTableView table={trend.data} testId="trend-table" rowTitle={t('map.month')} columnLabel={columnLabel} rowLabel={(row) => row.key} />
            <ExportButtons view="population" params={trendRequest} testId="export-trend" />
          </>
        ) : (
          <p className="muted">{t('map.noScreenings')}</p>
        )}
      </section>
    </section>
  );
}

function dimensionLabel(t: (key: string) => string, dimension: AggregateDimension, key: string): string {
  if (key === 'unknown' && dimension !== 'sex') return t('map.notRecorded');
  switch (dimension) {
    case 'sex':
      return t(`sex.${key}`);
    case 'age_bracket':
      return t(`ageBracket.${key}`);
    case 'setting':
      return t(`setting.${key}`);
    case 'legal_status':
      return t(`legalStatus.${key}`);
    case 'care_situation':
      return t(`careSituation.${key}`);
    default:
      return key;
  }
}
