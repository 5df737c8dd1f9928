import { ok } from '@waymark/core';
import { IdSchema } from '@waymark/contracts';
import { z } from 'zod';
import { programmeCoverage } from '../../use-cases/programmes/programme-coverage';
import { defineView } from '../aggregate-view';

/**
 * A programme's coverage, by admin area, sex and age bracket: estimated in need (#inneed),
 * enrolled (#targeted) and attended (#reached), as on the programme's coverage screen.
 * An unknown programme, or one outside the reader's operations, is a 404 as on screen.
 */
export const programmeCoverageView = defineView({
  id: 'programme-coverage',
  title: 'Programme coverage: in need, targeted and reached by area, sex and age',
  verb: 'programme.read',
  params: z.strictObject({ programmeId: IdSchema }),
  async produce(ctx, params) {
    const coverage = await programmeCoverage(ctx, params.programmeId);
    return coverage.ok ? ok(coverage.value.table) : coverage;
  },
});
