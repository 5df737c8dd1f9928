import { can, canInOperation, err, ILO_FORCED_LABOUR_INDICATORS, LABOUR_SECTOR_CODES, ok, protectTable, type Result } from '@waymark/core';
import type { DisclosedTable, LabourByArea } from '@waymark/contracts';
import { countLabourByArea } from '../../db/labour-repository';
import { failure, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { suppressionThresholdOfAll } from '../population/disclosure-threshold';

const INDICATOR_CODES = ILO_FORCED_LABOUR_INDICATORS.map((indicator) => indicator.code);
const hxlAttribute = (code: string) => code.toLowerCase().replace(/[^a-z0-9_]/g, '_');

/**
 * The labour layer: per admin area, workplaces by sector, workplaces where each ILO
 * indicator was reported, and people linked. Every table leaves through core/disclosure
 * (small counts withheld, with enough others that none can be worked out); informants are
 * never read here, so no name can reach an aggregate. Also the export table (column keys,
 * labels, HXL hashtags) for the exports' aggregate views.
 */
export async function labourByArea(ctx: UseCaseContext, operationId: string | undefined): Promise<Result<LabourByArea, Failure>> {
  if (!can(ctx.actor, 'aggregate.read')) return err(failure('forbidden'));
  if (operationId && !canInOperation(ctx.actor, 'aggregate.read', operationId)) return err(failure('forbidden'));
  const scope = operationId ? [operationId] : ctx.actor.operationIds.filter((id) => canInOperation(ctx.actor, 'aggregate.read', id));
  const counts = await countLabourByArea(ctx.db, scope);
  const k = await suppressionThresholdOfAll(ctx.db, scope);
  const areas = [...new Set([...counts.sectors, ...counts.people].map((row) => row.admin_area_code))].sort();
  const index = new Map(areas.map((code, i) => [code, i]));
  const matrix = (width: number) => areas.map(() => new Array<number>(width).fill(0));

  const sectorCells = matrix(LABOUR_SECTOR_CODES.length);
  for (const row of counts.sectors) sectorCells[index.get(row.admin_area_code)!]![LABOUR_SECTOR_CODES.indexOf(row.sector as never)]! += row.n;
  const sectors = protectTable({ cells: sectorCells }, { k, rowTotals: true, columnTotals: true, grandTotal: true });

  // A workplace can show several indicators: no margins here (they would not add up).
  const indicatorCells = matrix(INDICATOR_CODES.length);
  for (const row of counts.indicators) indicatorCells[index.get(row.admin_area_code)!]![INDICATOR_CODES.indexOf(row.indicator as never)]! += row.n;
  const indicators = protectTable({ cells: indicatorCells }, { k, rowTotals: false, columnTotals: false, grandTotal: false });

  const single = (rows: { admin_area_code: string; n: number }[]) => {
    const cells = matrix(1);
    for (const row of rows) cells[index.get(row.admin_area_code)!]![0] = row.n;
    return protectTable({ cells }, { k, rowTotals: false, columnTotals: true, grandTotal: false });
  };
  const withIndicators = single(counts.withIndicators);
  const people = single(counts.people);

  const usedSectors = LABOUR_SECTOR_CODES.map((code, j) => ({ code, j })).filter(({ j }) => sectorCells.some((row) => row[j]! > 0));
  const table: DisclosedTable = {
    columns: [
      { key: 'adminAreaCode', label: 'Admin area', hxl: areas.every((code) => /-ADM2-/.test(code)) && areas.length > 0 ? '#adm2+code' : '#loc+code' },
      { key: 'workplaces', label: 'Workplaces', hxl: '#indicator+num+workplaces' },
      ...usedSectors.map(({ code }) => ({ key: `sector.${code}`, label: `Workplaces: ${code}`, hxl: `#indicator+num+workplaces+sector_${hxlAttribute(code)}` })),
      { key: 'workplacesWithIndicators', label: 'Workplaces with ILO indicators reported', hxl: '#indicator+num+workplaces+exploitation' },
      ...INDICATOR_CODES.map((code) => ({ key: `indicator.${code}`, label: `Workplaces reporting: ${code}`, hxl: `#indicator+num+workplaces+ilo_${hxlAttribute(code)}` })),
      { key: 'peopleLinked', label: 'People linked', hxl: '#affected+num+workers' },
    ],
    rows: areas.map((code, i) => [
      code,
      sectors.rowTotals![i] ?? null,
      ...usedSectors.map(({ j }) => sectors.cells[i]![j] ?? null),
      withIndicators.cells[i]![0] ?? null,
      ...INDICATOR_CODES.map((_, j) => indicators.cells[i]![j] ?? null),
      people.cells[i]![0] ?? null,
    ]),
    suppressionThreshold: k,
    operationId: scope.length === 1 ? scope[0]! : null,
  };
  return ok({
    suppressionThreshold: k,
    areas: areas.map((adminAreaCode, i) => ({
      adminAreaCode,
      workplaces: sectors.rowTotals![i] ?? null,
      bySector: Object.fromEntries(usedSectors.map(({ code, j }) => [code, sectors.cells[i]![j] ?? null])),
      byIndicator: Object.fromEntries(INDICATOR_CODES.map((code, j) => [code, indicators.cells[i]![j] ?? null])),
      workplacesWithIndicators: withIndicators.cells[i]![0] ?? null,
      peopleLinked: people.cells[i]![0] ?? null,
    })),
    table,
  });
}
