import { ok } from '@waymark/core';
import { IdSchema, type Coverage } from '@waymark/contracts';
import { z } from 'zod';
import { programmeCoverage } from '../../use-cases/programmes/programme-coverage';
import { defineView, type ExportTable } from '../aggregate-view';
import { areaCodeHashtag } from '../hxl';

/**
 * The coverage screen's table by area: in need, targeted, reached, coverage (a whole
 * percentage, as shown) and whether the area is a gap. Coverage and gap are only ever
 * computed by core from counts that are shown, so they reveal nothing withheld.
 */
function byArea(coverage: Coverage): ExportTable {
  const yesNo = (gap: boolean | null) => (gap === null ? null : gap ? 'yes' : 'no');
  return {
    columns: [
      { key: 'adminAreaCode', label: 'Admin area', hxl: areaCodeHashtag(coverage.areas.map((area) => area.adminAreaCode)) },
      { key: 'inNeed', label: 'Estimated in need', hxl: '#inneed' },
      { key: 'targeted', label: 'Targeted (enrolled)', hxl: '#targeted' },
      { key: 'reached', label: 'Reached (attended)', hxl: '#reached' },
      { key: 'coverage', label: 'Coverage (% of those in need reached)', hxl: '#reached+pct' },
      { key: 'gap', label: `Gap (coverage under ${Math.round(coverage.gapThreshold * 100)}%)`, hxl: '#meta+gap' },
    ],
    rows: coverage.areas.map((area) => [area.adminAreaCode, area.inNeed, area.targeted, area.reached, area.coverage === null ? null : Math.round(area.coverage * 100), yesNo(area.gap)]),
    suppressionThreshold: coverage.suppressionThreshold,
    ...(coverage.table.disclosure ? { disclosure: coverage.table.disclosure } : {}),
    operationId: coverage.table.operationId,
  };
}

/**
 * A programme's coverage: by area as on the coverage table (`by=area`), or by area, sex
 * and age bracket (the default): estimated in need (#inneed), enrolled (#targeted) and
 * attended (#reached). An unknown programme, or one outside the reader's operations, is
 * a 404 as on screen.
 */
export const programmeCoverageView = defineView({
  id: 'programme-coverage',
  title: 'Programme coverage: in need, targeted and reached',
  verb: 'programme.read',
  params: z.strictObject({ programmeId: IdSchema, by: z.enum(['area_sex_age', 'area']).default('area_sex_age') }),
  async produce(ctx, params) {
    const coverage = await programmeCoverage(ctx, params.programmeId);
    if (!coverage.ok) return coverage;
    return ok(params.by === 'area' ? byArea(coverage.value) : coverage.value.table);
  },
});
