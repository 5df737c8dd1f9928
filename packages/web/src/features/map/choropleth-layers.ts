import type { AreaGeometry } from '@waymark/core';

/** An area the map can draw. */
export interface MapArea {
  code: string;
  name: string;
  geometry: AreaGeometry;
}

/**
 * What a fill layer knows about one area. A suppressed count is its own state, drawn
 * hatched and never as 0; an area counted in its parent says so.
 */
export type AreaValue = { kind: 'count'; value: number } | { kind: 'suppressed' } | { kind: 'rolled_up'; into: string } | { kind: 'none' };

/** Colours areas by a value (one per map: the choropleth itself). */
export interface FillLayer {
  type: 'fill';
  id: string;
  /** Legend title. */
  title: string;
  values: ReadonlyMap<string, AreaValue>;
  /** Words for a value in the legend and in the area's tooltip. */
  format: (value: number) => string;
}

/** Draws a marker per point (sites, workplaces…) over the areas. */
export interface MarkerLayer {
  type: 'markers';
  id: string;
  title: string;
  /** Colour of the markers (a CSS colour). */
  colour: string;
  markers: ReadonlyArray<{ id: string; at: readonly [number, number]; label: string; size?: number; onSelect?: () => void }>;
}

/** Outlines some areas (coverage gaps, a selection) without hiding the fill below. */
export interface OutlineLayer {
  type: 'outline';
  id: string;
  title: string;
  colour: string;
  dashed?: boolean;
  codes: ReadonlySet<string>;
}

export type MapLayer = FillLayer | MarkerLayer | OutlineLayer;

/** Five classes from light to dark; an empty map gets one. */
export const FILL_CLASSES = ['#fde9d9', '#f9c0a0', '#f08a63', '#d8512f', '#a3231a'] as const;

/** Class breaks by equal steps up to the largest shown count (counts under k never appear). */
export function breaksOf(values: Iterable<AreaValue>): number[] {
  let max = 0;
  for (const value of values) if (value.kind === 'count') max = Math.max(max, value.value);
  if (max === 0) return [0];
  const step = max / FILL_CLASSES.length;
  return FILL_CLASSES.map((_, i) => Math.round(step * (i + 1)));
}

export function fillOf(value: AreaValue | undefined, breaks: readonly number[]): string {
  if (!value || value.kind === 'none') return 'var(--map-none, #eef0f2)';
  if (value.kind === 'suppressed') return 'url(#map-suppressed)';
  if (value.kind === 'rolled_up') return 'url(#map-rolled-up)';
  if (value.value === 0) return 'var(--map-zero, #ffffff)';
  const index = breaks.findIndex((b) => value.value <= b);
  return FILL_CLASSES[index === -1 ? FILL_CLASSES.length - 1 : index]!;
}
