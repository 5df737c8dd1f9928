import type { AreaGeometry, Position, Ring } from './boundaries';

export interface Projection {
  /** Screen x, y of a longitude/latitude. */
  point(position: Position): [number, number];
  /** An SVG path `d` for an area. */
  path(geometry: AreaGeometry): string;
}

/**
 * Equirectangular projection scaled by the cosine of the middle latitude, fitted to a
 * width × height box. For one country's areas (a few degrees across) it is within a
 * percent or two of Mercator and needs no library; y grows downwards, as on a screen.
 */
export function fitProjection(geometries: readonly AreaGeometry[], width: number, height: number, padding = 8): Projection {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const geometry of geometries) {
    for (const polygon of geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) {
      for (const [x, y] of polygon[0] ?? []) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
  }
  if (!Number.isFinite(minX)) [minX, minY, maxX, maxY] = [0, 0, 1, 1];
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * k, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const point = ([x, y]: Position): [number, number] => [offsetX + (x - minX) * k * scale, offsetY + (maxY - y) * scale];
  const ring = (r: Ring) => r.map((p, i) => `${i === 0 ? 'M' : 'L'}${point(p).map((v) => v.toFixed(1)).join(',')}`).join('') + 'Z';
  return {
    point,
    path: (geometry) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).map((polygon) => polygon.map(ring).join('')).join(''),
  };
}
