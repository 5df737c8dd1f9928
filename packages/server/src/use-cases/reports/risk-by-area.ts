import { addKeyed, aggregateSourceFor, can, canInOperation, disclosureMethod, err, NOBODY, ok, publishKeyedTable, RISK_LEVELS, type KeyedCount, type Result } from '@waymark/core';
import type { RiskByArea } from '@waymark/contracts';
import { agenciesOfOperation } from '../../db/population-release-repository';
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
  // Each operation's figures as this reader may see them: live or its release (core/policy).
  const sources = await Promise.all(scope.map(async (id) => ({ id, source: aggregateSourceFor(ctx.actor, id, await agenciesOfOperation(ctx.db, id)) })));
  const of = (source: 'live' | 'release') => sources.filter((s) => s.source === source).map((s) => s.id);
  const rows = [...(await countByAreaAndLevel(ctx.db, of('live'), 'live')), ...(await countByAreaAndLevel(ctx.db, of('release'), 'release'))];
  // Below k a count could point at identifiable people: it is withheld (core/disclosure).
  const k = await suppressionThresholdOfAll(ctx.db, scope);
  const areas = new Map<string | null, Record<Level, KeyedCount>>();
  for (const row of rows) {
    const counts = areas.get(row.admin_area_code) ?? { low: NOBODY, medium: NOBODY, high: NOBODY, critical: NOBODY, unscreened: NOBODY };
    const level = (row.risk_level ?? 'unscreened') as Level;
    counts[level] = addKeyed(counts[level], row);
    areas.set(row.admin_area_code, counts);
  }
  // Every aggregate leaves through core/disclosure by the cell-key method: an area's row
  // here is the same people, so the same numbers, as its row on the map and in exports.
  const entries = [...areas];
  const published = publishKeyedTable(
    { cells: entries.map(([, counts]) => LEVELS.map((level) => counts[level])) },
    { k, rowTotals: true, columnTotals: false, grandTotal: false },
  );
  return ok({
    suppressionThreshold: k,
    disclosure: disclosureMethod(k),
    areas: entries.map(([adminAreaCode], index) => ({
      adminAreaCode,
      total: published.rowTotals![index]!,
      byLevel: Object.fromEntries(LEVELS.map((level, j) => [level, published.cells[index]![j]!])),
    })),
  });
}
