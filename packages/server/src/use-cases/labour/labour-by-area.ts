import { aggregateSourceFor, can, canInOperation, disclosureMethod, err, INDICATOR_CODES, ok, publishLabour, type Result } from '@waymark/core';
import type { DisclosedTable, Figures, LabourByArea } from '@waymark/contracts';
import { labourRows } from '../../db/labour-repository';
import { agenciesOfOperation, lastReleaseCut } from '../../db/population-release-repository';
import { releasedViewRows } from '../../db/view-release-repository';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { suppressionThresholdOfAll } from '../population/disclosure-threshold';

const hxlAttribute = (code: string) => code.toLowerCase().replace(/[^a-z0-9_]/g, '_');

/**
 * The labour layer: per admin area, workplaces by sector, workplaces where each ILO
 * indicator was reported, and people linked, by the cell-key method from the workplaces'
 * and the linked persons' record keys (core/labour publishLabour). Readers who may not read
 * every person of an operation see its release (use-cases/population/cut-view-releases.ts),
 * so a new workplace or one link shows only with k others in its area. Informants are never
 * read here, so no name can reach an aggregate. Also the export table (column keys, labels,
 * HXL hashtags) for the exports' aggregate views.
 */
export async function labourByArea(ctx: UseCaseContext, operationId: string | undefined): Promise<Result<LabourByArea, Failure>> {
  if (!can(ctx.actor, 'aggregate.read')) return err(failure('forbidden'));
  if (operationId && !canInOperation(ctx.actor, 'aggregate.read', operationId)) return err(failure('forbidden'));
  const scope = operationId ? [operationId] : ctx.actor.operationIds.filter((id) => canInOperation(ctx.actor, 'aggregate.read', id));
  const sources = await Promise.all(scope.map(async (id) => ({ id, source: aggregateSourceFor(ctx.actor, id, await agenciesOfOperation(ctx.db, id)), releasedAt: await lastReleaseCut(ctx.db, id) })));
  const live = sources.filter((s) => s.source === 'live').map((s) => s.id);
  const released = sources.filter((s) => s.source === 'release');
  const rows = [...(await labourRows(ctx.db, live)), ...(await releasedViewRows(ctx.db, released.map((s) => s.id), 'labour-by-area', ''))];
  const k = await suppressionThresholdOfAll(ctx.db, scope);
  const published = publishLabour(rows, k);
  // Several operations: the oldest of their cuts (a release never cut makes it "never").
  const cuts = released.map((s) => s.releasedAt);
  const oldest = cuts.includes(null) ? null : (cuts as Date[]).reduce<Date | null>((a, b) => (a === null || b < a ? b : a), null);
  const figures: Figures = released.length === 0 ? { source: 'live', releasedAt: null } : { source: 'release', releasedAt: oldest?.toISOString() ?? null };

  const table: DisclosedTable = {
    columns: [
      {
        key: 'adminAreaCode',
        label: 'Admin area',
        hxl: published.areas.every((area) => /-ADM2-/.test(area.adminAreaCode)) && published.areas.length > 0 ? '#adm2+code' : '#loc+code',
      },
      { key: 'workplaces', label: 'Workplaces', hxl: '#indicator+num+workplaces' },
      ...published.sectors.map((code) => ({ key: `sector.${code}`, label: `Workplaces: ${code}`, hxl: `#indicator+num+workplaces+sector_${hxlAttribute(code)}` })),
      { key: 'workplacesWithIndicators', label: 'Workplaces with ILO indicators reported', hxl: '#indicator+num+workplaces+exploitation' },
      ...INDICATOR_CODES.map((code) => ({ key: `indicator.${code}`, label: `Workplaces reporting: ${code}`, hxl: `#indicator+num+workplaces+ilo_${hxlAttribute(code)}` })),
      { key: 'peopleLinked', label: 'People linked', hxl: '#affected+num+workers' },
    ],
    rows: published.areas.map((area) => [
      area.adminAreaCode,
      area.workplaces,
      ...published.sectors.map((code) => area.bySector[code] ?? null),
      area.workplacesWithIndicators,
      ...INDICATOR_CODES.map((code) => area.byIndicator[code] ?? null),
      area.peopleLinked,
    ]),
    suppressionThreshold: k,
    disclosure: disclosureMethod(k),
    operationId: scope.length === 1 ? scope[0]! : null,
  };
  return ok({ figures, suppressionThreshold: k, areas: published.areas, table });
}
