import type { AreaGeometry } from '@waymark/core';
import type { Coverage } from '@waymark/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getAdminAreas } from '../../api/population';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { ChoroplethMap } from '../map/ChoroplethMap';
import type { AreaValue, MapArea, MapLayer } from '../map/choropleth-layers';

/**
 * A programme's coverage on the map: each area coloured by the share of those in need it
 * reached, gaps outlined; withheld numbers stay hatched, never 0.
 */
export function CoverageMap({ operationId, coverage }: { operationId: string; coverage: Coverage }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shapes = useQuery({ queryKey: ['population', 'areas', operationId], queryFn: () => getAdminAreas(operationId), staleTime: 10 * 60_000 });
  if (!shapes.data) return null;
  const named = new Set(coverage.areas.map((area) => area.adminAreaCode).filter((code): code is string => code !== null));
  // Every area of the level the coverage is counted at, so the programme's areas sit in the
  // country around them; areas nobody is counted in read "no data".
  const levels = new Set(shapes.data.areas.filter((area) => named.has(area.code)).map((area) => area.level));
  const areas: MapArea[] = shapes.data.areas
    .filter((area) => levels.has(area.level))
    .map((area) => ({ code: area.code, name: area.name, geometry: area.geometry as AreaGeometry }));
  if (areas.length === 0) return <p className="muted" data-testid="coverage-map-none">{t('map.noShapes')}</p>;
  const values = new Map<string, AreaValue>();
  for (const area of coverage.areas) {
    if (area.adminAreaCode === null) continue;
    values.set(area.adminAreaCode, area.coverage === null ? (area.inNeed === 0 ? { kind: 'none' } : { kind: 'suppressed' }) : { kind: 'count', value: Math.round(area.coverage * 100) });
  }
  const gaps = new Set(coverage.areas.filter((area) => area.gap === true && area.adminAreaCode !== null).map((area) => area.adminAreaCode!));
  const layers: MapLayer[] = [
    { type: 'fill', id: 'coverage', title: t('programmes.mapCoverage'), values, format: (n) => `${formatNumber(n, language)}%` },
    { type: 'outline', id: 'coverage-gap', title: t('programmes.mapGap'), colour: '#b42318', dashed: true, codes: gaps },
  ];
  return (
    <div data-testid="coverage-map">
      <ChoroplethMap areas={areas} layers={layers} label={t('programmes.mapLabel')} width={480} height={480} />
    </div>
  );
}
