import { RISK_LEVELS } from '@waymark/core';
import { z } from 'zod';
import { DisclosureMethodSchema } from './population';
import { IdSchema } from './common';

export const RiskByAreaQuerySchema = z.strictObject({
  operationId: IdSchema.optional(),
});

/**
 * People by admin area and current risk level. Counts under the suppression threshold are
 * null (shown as "fewer than N"), so a small cell cannot single anyone out.
 */
export const RiskByAreaSchema = z.object({
  suppressionThreshold: z.number().int(),
  /** The cell-key method and its parameters (the same as the map's). */
  disclosure: DisclosureMethodSchema,
  areas: z.array(
    z.object({
      adminAreaCode: z.string().nullable(),
      total: z.number().int().nullable(),
      byLevel: z.object(Object.fromEntries([...RISK_LEVELS, 'unscreened'].map((level) => [level, z.number().int().nullable()]))),
    }),
  ),
});
export type RiskByArea = z.infer<typeof RiskByAreaSchema>;
