import { interiorPoint, type AreaGeometry } from '@waymark/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { labourByArea } from '../../api/labour';
import { getCoverage, listProgrammes, programmeKey } from '../../api/programmes';
import { useCan } from '../../shared/session';
import { SelectField } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import type { MapLayer } from './choropleth-layers';

/** A shape the risk map holds: enough to place a district inside the area drawn above it. */
export interface OverlayShape {
  code: string;
  name: string;
  parentCode: string | null;
  geometry: AreaGeometry;
}

// Dark, so the outline stands out on the risk fill's reds (the labour page's own red would vanish there).
const LABOUR_COLOUR = '#111827';
const GAP_COLOUR = '#7c3aed';

/**
 * Optional layers over the risk map: the labour layer (workplaces per district, districts
 * with forced-labour indicators outlined) for readers with labour.read, and one programme's
 * coverage gaps for readers with programme.read. The data come from the same API clients
 * and query keys as the labour and programme pages, so the caches are shared. An outline
 * names a district; where the map draws governorates, the governorate holding it is
 * outlined instead (the map draws only the areas of the level shown). Every count shown is
 * the one the server published; a withheld count is labelled hidden, never 0.
 */
export function useMapOverlays(operationId: string, shapes: ReadonlyMap<string, OverlayShape>, shown: ReadonlySet<string>): { controls: ReactNode; layers: MapLayer[] } {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const [labourOn, setLabourOn] = useState(false);
  const [programmeId, setProgrammeId] = useState('');
  const mayLabour = can('labour.read');
  const mayProgrammes = can('programme.read');

  const labour = useQuery({ queryKey: ['reports', 'labour-by-area'], queryFn: labourByArea, enabled: mayLabour && labourOn });
  const programmes = useQuery({ queryKey: ['programmes'], queryFn: listProgrammes, enabled: mayProgrammes });
  const ofOperation = (programmes.data?.items ?? []).filter((programme) => programme.operationId === operationId);
  const chosen = ofOperation.some((programme) => programme.id === programmeId) ? programmeId : '';
  const coverage = useQuery({ queryKey: [...programmeKey(chosen), 'coverage'], queryFn: () => getCoverage(chosen), enabled: mayProgrammes && chosen !== '' });

  /** The codes to outline for some areas: each area, and the area above it, whichever is drawn. */
  const outlined = (codes: Iterable<string>) => {
    const all = new Set<string>();
    for (const code of codes) {
      all.add(code);
      const parent = shapes.get(code)?.parentCode;
      if (parent) all.add(parent);
    }
    return all;
  };
  const visible = (code: string) => shown.has(code) || shown.has(shapes.get(code)?.parentCode ?? '');

  const layers: MapLayer[] = [];
  if (labourOn && labour.data) {
    const k = labour.data.suppressionThreshold;
    const markers = labour.data.areas.flatMap((area) => {
      const shape = shapes.get(area.adminAreaCode);
      if (!shape || !visible(area.adminAreaCode) || area.workplaces === 0) return [];
      const label = area.workplaces === null
        ? t('map.overlays.workplacesHidden', { area: shape.name, k })
        : t('map.overlays.workplaces', { area: shape.name, formatted: formatNumber(area.workplaces, language) });
      // Size grows with the published count; a withheld one gets the smallest, never a guess.
      const size = area.workplaces === null ? 4 : Math.min(14, 4 + Math.sqrt(area.workplaces) * 2);
      return [{ id: area.adminAreaCode, at: interiorPoint(shape.geometry), label, size }];
    });
    const flagged = labour.data.areas.filter((area) => (area.workplacesWithIndicators ?? 0) > 0).map((area) => area.adminAreaCode);
    layers.push({ type: 'markers', id: 'overlay-workplaces', title: t('labour.mapWorkplaces'), colour: '#1d4ed8', markers });
    layers.push({ type: 'outline', id: 'overlay-labour-indicators', title: t('map.overlays.indicators'), colour: LABOUR_COLOUR, codes: outlined(flagged) });
  }
  if (chosen !== '' && coverage.data) {
    const gaps = coverage.data.areas.filter((area) => area.gap === true && area.adminAreaCode !== null).map((area) => area.adminAreaCode!);
    const name = ofOperation.find((programme) => programme.id === chosen)?.name ?? '';
    layers.push({ type: 'outline', id: 'overlay-coverage-gaps', title: t('map.overlays.gaps', { programme: name }), colour: GAP_COLOUR, dashed: true, codes: outlined(gaps) });
  }

  if (!mayLabour && !mayProgrammes) return { controls: null, layers };
  const controls = (
    <fieldset className="map-overlays card" data-testid="map-overlays">
      <legend>{t('map.overlays.heading')}</legend>
      {mayLabour && (
        <div className="field checkbox">
          <label>
            <input type="checkbox" data-testid="overlay-labour" checked={labourOn} onChange={(event) => setLabourOn(event.target.checked)} />{' '}
            {t('map.overlays.labour')}
          </label>
          {labourOn && labour.isError && <ProblemMessage error={labour.error} />}
          {labourOn && labour.data && labour.data.areas.length === 0 && <p className="hint">{t('map.overlays.noWorkplaces')}</p>}
        </div>
      )}
      {mayProgrammes && (
        <SelectField id="overlay-programme" testId="overlay-programme" label={t('map.overlays.programme')} hint={t('map.overlays.programmeHint')} value={chosen}
          empty={t('map.overlays.noProgramme')} options={ofOperation.map((programme) => ({ value: programme.id, label: programme.name }))} onChange={setProgrammeId} />
      )}
      {chosen !== '' && coverage.isError && <ProblemMessage error={coverage.error} />}
    </fieldset>
  );
  return { controls, layers };
}
