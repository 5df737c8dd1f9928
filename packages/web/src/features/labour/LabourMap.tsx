import type { AreaGeometry } from '@waymark/core';
import type { LabourByArea } from '@waymark/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getAdminAreas } from '../../api/population';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { ChoroplethMap } from '../map/ChoroplethMap';
import type { AreaValue, MapArea, MapLayer } from '../map/choropleth-layers';

/**
 * The labour layer on the map: districts coloured by the workplaces recorded there, those
 * where forced-labour indicators were reported outlined. Withheld counts stay hatched.
 */
export function LabourMap({ operationId, layer }: { operationId: string; layer: LabourByArea }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shapes = useQuery({ queryKey: ['population', 'areas', operationId], queryFn: () => getAdminAreas(operationId), staleTime: 10 * 60_000 });
  if (!shapes.data) return null;
  // Workplaces are recorded per district: draw the district level (ADM2), whole country.
  const deepest = Math.max(0, ...shapes.data.areas.map((area) => area.level));
  const areas: MapArea[] = shapes.data.areas
    .filter((area) => area.level === deepest)
    .map((area) => ({ code: area.code, name: area.name, geometry: area.geometry as AreaGeometry }));
  if (areas.length === 0) return <p className="muted">{t('map.noShapes')}</p>;
  const values = new Map<string, AreaValue>();
  for (const area of layer.areas) values.set(area.adminAreaCode, area.workplaces === null ? { kind: 'suppressed' } : { kind: 'count', value: area.workplaces });
  const flagged = new Set(layer.areas.filter((area) => (area.workplacesWithIndicators ?? 0) > 0).map((area) => area.adminAreaCode));
  const layers: MapLayer[] = [
    { type: 'fill', id: 'workplaces', title: t('labour.mapWorkplaces'), values, format: (n) => formatNumber(n, language) },
    { type: 'outline', id: 'labour-indicators', title: t('labour.mapIndicators'), colour: '#b42318', codes: flagged },
  ];
  return (
    <div data-testid="labour-map">
      <ChoroplethMap areas={areas} layers={layers} label={t('labour.mapLabel')} width={480} height={420} />
    </div>
  );
}
