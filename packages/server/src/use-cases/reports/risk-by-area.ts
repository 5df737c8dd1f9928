import { can, canInOperation, err, ok, RISK_LEVELS, type Result } from '@waymark/core';
import type { RiskByArea } from '@waymark/contracts';
import { countByAreaAndLevel } from '../../db/reports-repository';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';

/** Below this, a count could point at identifiable people: it is withheld. */
export const SUPPRESSION_THRESHOLD = 5;

type Level = (typeof RISK_LEVELS)[number] | 'unscreened';

export async function riskByArea(ctx: UseCaseContext, operationId: string | undefined): Promise<Result<RiskByArea, Failure>> {
  if (!can(ctx.actor, 'aggregate.read')) return err(failure('forbidden'));
  if (operationId && !canInOperation(ctx.actor, 'aggregate.read', operationId)) return err(failure('forbidden'));
  const scope = operationId ? [operationId] : ctx.actor.operationIds;
  const rows = await countByAreaAndLevel(ctx.db, scope);
  const areas = new Map<string | null, Record<Level, number>>();
  for (const row of rows) {
    const counts = areas.get(row.admin_area_code) ?? { low: 0, medium: 0, high: 0, critical: 0, unscreened: 0 };
    counts[(row.risk_level ?? 'unscreened') as Level] += row.n;
    areas.set(row.admin_area_code, counts);
  }
  const shown = (n: number) => (n < SUPPRESSION_THRESHOLD ? null : n);
  return ok({
    suppressionThreshold: SUPPRESSION_THRESHOLD,
    areas: [...areas].map(([adminAreaCode, counts]) => ({
      adminAreaCode,
      total: shown(Object.values(counts).reduce((a, b) => a + b, 0)),
      byLevel: Object.fromEntries(Object.entries(counts).map(([level, n]) => [level, shown(n)])),
    })),
  });
}
