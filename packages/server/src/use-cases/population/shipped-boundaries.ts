import { readFileSync } from 'node:fs';
import { assignParents, readBoundaries, type BoundaryFeature } from '@waymark/core';
import type { DatabaseHandle } from '../../db/connect';
import { hasAdminAreas, replaceAdminAreasOfLevel } from '../../db/admin-areas-repository';

/**
 * Boundary files shipped with Waymark (packages/server/boundaries, geoBoundaries gbOpen,
 * public domain; see its README), by operation code. geoBoundaries carries no pcode for
 * Lebanon's districts, so the key is its shapeID, which the demo population uses.
 */
const SHIPPED: Record<string, Array<{ level: number; file: string; source: string }>> = {
  LBN: [
    { level: 1, file: 'LBN_ADM1.geojson', source: 'geoBoundaries gbOpen LBN ADM1 (2017), public domain; Wikimedia Commons' },
    { level: 2, file: 'LBN_ADM2.geojson', source: 'geoBoundaries gbOpen LBN ADM2 (2021), public domain; Wikimedia Commons user Rarelibra' },
  ],
};

const dataDirectory = new URL('../../../boundaries/', import.meta.url);

export function readShippedBoundaries(operationCode: string): Array<{ level: number; source: string; features: BoundaryFeature[] }> {
  return (SHIPPED[operationCode] ?? []).map(({ level, file, source }) => {
    const read = readBoundaries(JSON.parse(readFileSync(new URL(file, dataDirectory), 'utf8')), 'shapeID');
    if (!read.ok) throw new Error(`shipped boundary file ${file} is invalid: ${JSON.stringify(read.error[0])}`);
    return { level, source, features: read.value };
  });
}

/**
 * Loads the shipped boundaries of each operation that has some and none loaded yet (an
 * operation's own upload is never overwritten). Each district's governorate is the one
 * holding its interior point: the two layers come from different years and do not nest.
 */
export async function loadShippedBoundaries(database: DatabaseHandle, operations: ReadonlyMap<string, string>): Promise<void> {
  for (const [code, operationId] of operations) {
    const levels = readShippedBoundaries(code);
    if (levels.length === 0 || (await hasAdminAreas(database.db, operationId))) continue;
    await database.db.transaction().execute(async (tx) => {
      let above: BoundaryFeature[] = [];
      for (const { level, source, features } of levels.sort((a, b) => a.level - b.level)) {
        const parents = above.length > 0 ? assignParents(features, above) : new Map<string, string | null>();
        await replaceAdminAreasOfLevel(
          tx,
          operationId,
          level,
          features.map((f) => ({ code: f.code, level, name: f.name, parentCode: parents.get(f.code) ?? null, geometry: f.geometry })),
          source,
          null,
        );
        above = features;
      }
    });
  }
}
