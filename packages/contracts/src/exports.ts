import { z } from 'zod';

/** The three ways an aggregate view leaves Waymark as a file. */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'hxl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportFormatSchema = z.enum(EXPORT_FORMATS);

/**
 * The part of an export's query every view shares; each view adds its own parameters
 * (GET /api/v1/exports/{view}?format=hxl&operationId=…). Unknown parameters are refused,
 * so a typo cannot silently export something other than what was asked for.
 */
export const ExportQuerySchema = z.strictObject({
  format: ExportFormatSchema.default('csv'),
});

/** Sent before the body, so a client can show "n of N rows" while the file streams in. */
export const EXPORT_ROWS_HEADER = 'x-waymark-export-rows';
