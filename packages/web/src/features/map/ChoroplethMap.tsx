import { fitProjection } from '@waymark/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { breaksOf, FILL_CLASSES, fillOf, type AreaValue, type FillLayer, type MapArea, type MapLayer } from './choropleth-layers';

export interface ChoroplethMapProps {
  areas: readonly MapArea[];
  /** Drawn in order: normally one fill layer, then outlines and markers over it. */
  layers: readonly MapLayer[];
  /** An accessible name for the whole map. */
  label: string;
  onAreaSelect?: (code: string) => void;
  /** Areas drawn but dimmed (the rest of the country around a drill-down). */
  context?: readonly MapArea[];
  width?: number;
  height?: number;
}

/**
 * A choropleth in plain SVG from shipped GeoJSON: no tiles, no network, works offline.
 * Reusable: a page passes its areas and layers (fill, outline, markers; see
 * choropleth-layers.ts). Each area is a focusable button with its name and value, so the
 * map works from the keyboard and with a screen reader; the table beside it says the same.
 */
export function ChoroplethMap({ areas, layers, label, onAreaSelect, context = [], width = 640, height = 520 }: ChoroplethMapProps) {
  const { t } = useTranslation();
  const projection = useMemo(() => fitProjection(areas.map((a) => a.geometry), width, height), [areas, width, height]);
  const fill = layers.find((layer): layer is FillLayer => layer.type === 'fill');
  const breaks = useMemo(() => (fill ? breaksOf(fill.values.values()) : [0]), [fill]);
  const describe = (value: AreaValue | undefined): string => {
    if (!fill || !value || value.kind === 'none') return t('map.noData');
    if (value.kind === 'suppressed') return t('map.suppressed');
    if (value.kind === 'rolled_up') return t('map.rolledUp', { into: value.into });
    return fill.format(value.value);
  };
  return (
    <figure className="choropleth">
      <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-label={label} data-testid="choropleth" className="choropleth-svg">
        <defs>
          <pattern id="map-suppressed" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="#f3f4f6" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#6b7280" strokeWidth="2" />
          </pattern>
          <pattern id="map-rolled-up" patternUnits="userSpaceOnUse" width="6" height="6">
            <rect width="6" height="6" fill="#f3f4f6" />
            <circle cx="3" cy="3" r="1.2" fill="#6b7280" />
          </pattern>
        </defs>
        {context.map((area) => (
          <path key={`context-${area.code}`} d={projection.path(area.geometry)} className="choropleth-context" aria-hidden="true" />
        ))}
        {areas.map((area) => {
          const value = fill?.values.get(area.code);
          const text = `${area.name}: ${describe(value)}`;
          const select = onAreaSelect ? () => onAreaSelect(area.code) : undefined;
          return (
            <path
              key={area.code}
              d={projection.path(area.geometry)}
              fill={fillOf(value, breaks)}
              className={`choropleth-area${select ? ' selectable' : ''}`}
              data-testid="map-area"
              data-code={area.code}
              data-state={value?.kind ?? 'none'}
              role={select ? 'button' : 'img'}
              tabIndex={select ? 0 : undefined}
              aria-label={text}
              onClick={select}
              onKeyDown={select ? (event) => (event.key === 'Enter' || event.key === ' ') && (event.preventDefault(), select()) : undefined}
            >
              <title>{text}</title>
            </path>
          );
        })}
        {layers.map((layer) => {
          if (layer.type === 'outline') {
            return (
              <g key={layer.id} data-layer={layer.id} aria-hidden="true">
                {areas.filter((a) => layer.codes.has(a.code)).map((area) => (
                  <path key={area.code} d={projection.path(area.geometry)} fill="none" stroke={layer.colour} strokeWidth={3} strokeDasharray={layer.dashed ? '6 4' : undefined} />
                ))}
              </g>
            );
          }
          if (layer.type === 'markers') {
            return (
              <g key={layer.id} data-layer={layer.id}>
                {layer.markers.map((marker) => {
                  const [x, y] = projection.point(marker.at);
                  return (
                    <circle key={marker.id} cx={x} cy={y} r={marker.size ?? 5} fill={layer.colour} stroke="#fff" strokeWidth={1.5} data-testid={`marker-${layer.id}`}
                      role={marker.onSelect ? 'button' : 'img'} tabIndex={marker.onSelect ? 0 : undefined} aria-label={marker.label} onClick={marker.onSelect}
                      onKeyDown={marker.onSelect ? (event) => event.key === 'Enter' && marker.onSelect!() : undefined}>
                      <title>{marker.label}</title>
                    </circle>
                  );
                })}
              </g>
            );
          }
          return null;
        })}
      </svg>
      <figcaption className="choropleth-legend" data-testid="map-legend">
        {fill && (
          <div>
            <strong>{fill.title}</strong>
            <ul className="legend-items">
              {breaks.length > 1 || breaks[0]! > 0
                ? breaks.map((upper, i) => (
                    <li key={upper}>
                      <span className="swatch" style={{ background: FILL_CLASSES[i] }} />
                      {i === 0 ? `≤ ${fill.format(upper)}` : `${fill.format(breaks[i - 1]! + 1)}–${fill.format(upper)}`}
                    </li>
                  ))
                : null}
              <li><span className="swatch swatch-zero" />{fill.format(0)}</li>
              <li><span className="swatch swatch-suppressed" />{t('map.suppressed')}</li>
              <li><span className="swatch swatch-none" />{t('map.noData')}</li>
            </ul>
          </div>
        )}
        {layers.filter((layer) => layer.type !== 'fill').map((layer) => (
          <div key={layer.id} className="legend-layer">
            <span className="swatch" style={{ background: layer.type === 'markers' ? layer.colour : 'transparent', borderColor: layer.type === 'outline' ? layer.colour : undefined }} />
            {layer.title}
          </div>
        ))}
      </figcaption>
    </figure>
  );
}
