import { InstrumentSchema } from '@waymark/core';
import { z } from 'zod';
import { listOf } from './common';

const LocalizedTextSchema = z.record(z.string(), z.string());

/** One entry of `GET /instruments`: enough to choose an instrument, without its questions. */
export const InstrumentSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  ruleVersion: z.string(),
  title: LocalizedTextSchema,
  locales: z.array(z.string()),
  /** Number of domains and of items. */
  domains: z.number().int(),
  items: z.number().int(),
});
export type InstrumentSummary = z.infer<typeof InstrumentSummarySchema>;

/** `GET /instruments/:id?version=`: a version of the instrument, the latest when absent. */
export const InstrumentQuerySchema = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

export const InstrumentListSchema = listOf(InstrumentSummarySchema);
export type InstrumentList = z.infer<typeof InstrumentListSchema>;

/**
 * `GET /instruments/:id`: the full definition, weights and rules included, exactly as
 * core scores it. This is core's shape schema; core's validateInstrument adds the
 * cross-checks (references, ordering, translations) that a shape cannot express.
 */
export const InstrumentDefinitionSchema = InstrumentSchema;
