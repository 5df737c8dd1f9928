import { can, canInOperation, err, ok, protectTable, RISK_LEVELS, type Result } from '@waymark/core';
import type { RiskByArea } from '@waymark/contracts';
import { countByAreaAndLevel } from '../../db/reports-repository';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { suppressionThresholdOfAll } from '../population/disclosure-threshold';


type Level = (typeof RISK_LEVELS)[number] | 'unscreened';
const LEVELS: Level[] = [...RISK_LEVELS, 'unscreened'];

export async function riskByArea(ctx: UseCaseContext, operationId: string | undefined): Promise<Result<RiskByArea, Failure>> {
  if (!can(ctx.actor, 'aggregate.read')) return err(failure('forbidden'));
  if (operationId && !canInOperation(ctx.actor, 'aggregate.read', operationId)) return err(failure('forbidden'));
  const scope = operationId ? [operationId] : ctx.actor.operationIds;
  const rows = await countByAreaAndLevel(ctx.db, scope);
  // Below k a count could point at identifiable people: it is withheld (core/disclosure).
  const k = await suppressionThresholdOfAll(ctx.db, scope);
  const areas = new Map<string | null, Record<Level, number>>();
  for (const row of rows) {
    const counts = areas.get(row.admin_area_code) ?? { low: 0, medium: 0, high: 0, critical: 0, unscreened: 0 };
    counts[(row.risk_level ?? 'unscreened') as Level] += row.n;
    areas.set(row.admin_area_code, counts);
  }
  // Every aggregate leaves through core/disclosure: small cells hidden, and enough others
  // that no hidden one can be worked out from an area's shown total.
  const entries = [...areas];
  const published = protectTable(
    { cells: entries.map(([, counts]) => LEVELS.map((level) => counts[level])) },
    { k, rowTotals: true, columnTotals: false, grandTotal: false },
  );
  return ok({
    suppressionThreshold: k,
    areas: entries.map(([adminAreaCode], index) => ({
      adminAreaCode,
      total: published.rowTotals![index]!,
      byLevel: Object.fromEntries(LEVELS.map((level, j) => [level, published.cells[index]![j]!])),
    })),
  });
}
