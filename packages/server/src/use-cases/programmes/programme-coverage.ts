import {
  ageBracket,
  aggregateSourceFor,
  mayWorkProgramme,
  coverageCountsOf,
  coverageRows,
  disclosureMethod,
  ok,
  publishCoverage,
  type AgeBracket,
  type CoverageCount,
  type KeyedRow,
  type Result,
  type Sex,
} from '@waymark/core';
import type { DisclosedTable, Coverage, Figures } from '@waymark/contracts';
import { agenciesOfOperation, lastReleaseCut } from '../../db/population-release-repository';
import type { ProgrammeRow } from '../../db/programme-tables';
import { countCoverage } from '../../db/programmes-repository';
import type { Db, Tx } from '../../db/transaction';
import { releasedViewRows } from '../../db/view-release-repository';
import type { Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { suppressionThresholdOf } from '../population/disclosure-threshold';
import { recordRef } from '../record-ref';
import { programmeFor } from './programme-operations';

/** Coverage under half of those in need is a gap. */
export const COVERAGE_GAP_THRESHOLD = 0.5;

/**
 * A programme's coverage: estimated in need (the rule selects them in its areas, in the
 * whole operation), targeted (enrolled), reached (attended at least once), by admin area,
 * sex and age bracket, through core/disclosure (publishCoverage). Areas where reached is
 * under half of those in need are gaps. Also the export table (column keys, labels and HXL
 * hashtags) for the exports' aggregate views.
 */
/**
 * A programme's coverage counts as keyed rows, live: merged from birth ages into brackets
 * (core/programmes coverageRows). What a release keeps and what live readers see.
 */
export async function liveCoverageRows(db: Db | Tx, programme: ProgrammeRow, now: Date): Promise<KeyedRow[]> {
  const rows = await countCoverage(db, programme, now);
  const merged = new Map<string, CoverageCount>();
  for (const row of rows) {
    const bracket: AgeBracket = ageBracket(Math.max(0, row.age));
    const key = `${row.admin_area_code ?? ''}|${row.sex}|${bracket}`;
    const count = merged.get(key) ?? {
      adminAreaCode: row.admin_area_code,
      sex: row.sex as Sex,
      ageBracket: bracket,
      inNeed: 0,
      targeted: 0,
      reached: 0,
      keys: { inNeed: 0, targeted: 0, reached: 0 },
    };
    count.inNeed += row.in_need;
    count.targeted += row.targeted;
    count.reached += row.reached;
    count.keys.inNeed += row.in_need_keys;
    count.keys.targeted += row.targeted_keys;
    count.keys.reached += row.reached_keys;
    merged.set(key, count);
  }
  return coverageRows([...merged.values()]);
}

/**
 * A programme's coverage: estimated in need (the rule selects them in its areas, in the
 * whole operation), targeted (enrolled), reached (attended at least once), by admin area,
 * sex and age bracket, through core/disclosure (publishCoverage). Areas where reached is
 * under half of those in need are gaps. Readers who may not read every person of the
 * operation see the programme's release (use-cases/population/cut-view-releases.ts), so an
 * enrolment shows only with k others; the running agency's agency-wide staff see their own
 * targeted and reached live (they list those people anyway), in need as released. Also the export table (column keys, labels and HXL
 * hashtags) for the exports' aggregate views.
 */
export async function programmeCoverage(ctx: UseCaseContext, programmeId: string): Promise<Result<Coverage, Failure>> {
  const found = await programmeFor(ctx.db, ctx, 'programme.read', programmeId);
  if (!found.ok) return found;
  const operationId = found.value.operation_id;
  const [agencies, releasedAt] = await Promise.all([agenciesOfOperation(ctx.db, operationId), lastReleaseCut(ctx.db, operationId)]);
  const source = aggregateSourceFor(ctx.actor, operationId, agencies);
  // The running agency's staff with agency-wide scope list every enrolment and attendance
  // anyway (need to know): their targeted and reached are live, so they see their work move.
  // In need is people of the whole operation, and stays with the reader's source.
  const runsIt = mayWorkProgramme(ctx.actor, recordRef(found.value)) && (ctx.actor.scope === 'agency' || ctx.actor.scope === 'operation');
  const live = source === 'live' || runsIt ? await liveCoverageRows(ctx.db, found.value, ctx.now()) : [];
  const rows =
    source === 'live'
      ? live
      : [
          ...(await releasedViewRows(ctx.db, [operationId], 'programme-coverage', found.value.id)).filter((row) => !runsIt || row.family === 'inNeed'),
          ...live.filter((row) => row.family !== 'inNeed'),
        ];
  const figures: Figures = { source, releasedAt: releasedAt?.toISOString() ?? null };
  const published = publishCoverage(coverageCountsOf(rows), await suppressionThresholdOf(ctx.db, operationId), COVERAGE_GAP_THRESHOLD);
  const areaTag = published.rows.every((row) => row.adminAreaCode !== null && /-ADM2-/.test(row.adminAreaCode)) && published.rows.length > 0 ? '#adm2+code' : '#loc+code';
  const table: DisclosedTable = {
    columns: [
      { key: 'adminAreaCode', label: 'Admin area', hxl: areaTag },
      { key: 'sex', label: 'Sex', hxl: '#group+sex' },
      { key: 'ageBracket', label: 'Age bracket', hxl: '#group+age_bracket' },
      { key: 'inNeed', label: 'Estimated in need', hxl: '#inneed' },
      { key: 'targeted', label: 'Targeted (enrolled)', hxl: '#targeted' },
      { key: 'reached', label: 'Reached (attended)', hxl: '#reached' },
    ],
    rows: published.rows.map((row) => [row.adminAreaCode, row.sex, row.ageBracket, row.inNeed, row.targeted, row.reached]),
    suppressionThreshold: published.k,
    disclosure: disclosureMethod(published.k),
    operationId: found.value.operation_id,
  };
  return ok({
    programmeId,
    figures,
    suppressionThreshold: published.k,
    gapThreshold: published.gapThreshold,
    totals: published.totals,
    areas: published.areas,
    rows: published.rows,
    table,
  });
}
