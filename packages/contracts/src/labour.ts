import { ILO_FORCED_LABOUR_INDICATORS, LABOUR_SECTOR_CODES, LABOUR_SOURCE_TYPE_CODES, WORKING_CONDITION_CODES } from '@waymark/core';
import { z } from 'zod';
import { areaCode, freeText, IdSchema, IsoDateSchema, text } from './common';
import { DisclosureMethodSchema, FiguresSchema } from './population';

const Version = z.number().int().min(1);
const SectorSchema = z.enum(LABOUR_SECTOR_CODES as [string, ...string[]]);
const AreaCode = areaCode(80).min(1);
const ILO_CODES = ILO_FORCED_LABOUR_INDICATORS.map((indicator) => indicator.code) as [string, ...string[]];
const unique = <T>(items: readonly T[]) => new Set(items).size === items.length;

export const WorkplaceCreateSchema = z.strictObject({
  operationId: IdSchema.optional(),
  name: text(200).min(1),
  sector: SectorSchema,
  adminAreaCode: AreaCode,
  siteId: IdSchema.nullable().optional(),
  description: freeText(1000).nullable().optional(),
});
export type WorkplaceCreate = z.infer<typeof WorkplaceCreateSchema>;

export const WorkplaceUpdateSchema = z.strictObject({
  name: text(200).min(1).optional(),
  sector: SectorSchema.optional(),
  adminAreaCode: AreaCode.optional(),
  siteId: IdSchema.nullable().optional(),
  description: freeText(1000).nullable().optional(),
  version: Version,
});
export type WorkplaceUpdate = z.infer<typeof WorkplaceUpdateSchema>;

export const WorkplaceListQuerySchema = z.strictObject({
  operationId: IdSchema.optional(),
  adminAreaCode: AreaCode.optional(),
  sector: SectorSchema.optional(),
});
export type WorkplaceListQuery = z.infer<typeof WorkplaceListQuerySchema>;

/** A report from one source. The informant's name is optional, sealed at rest. */
export const WorkplaceReportCreateSchema = z.strictObject({
  sourceType: z.enum(LABOUR_SOURCE_TYPE_CODES as [string, ...string[]]),
  reportedOn: IsoDateSchema,
  informantName: text(200).min(1).nullable().optional(),
  conditions: z.array(z.enum(WORKING_CONDITION_CODES as [string, ...string[]])).max(20).refine(unique, 'each condition once').default([]),
  indicators: z.array(z.enum(ILO_CODES)).max(11).refine(unique, 'each indicator once').default([]),
  hoursPerWeek: z.number().int().min(0).max(168).nullable().optional(),
  dailyPay: z.number().min(0).max(1_000_000).nullable().optional(),
  payCurrency: z.string().regex(/^[A-Z]{3}$/).nullable().optional(),
  workersEstimate: z.number().int().min(0).max(100_000).nullable().optional(),
});
export type WorkplaceReportCreate = z.infer<typeof WorkplaceReportCreateSchema>;

export const WorkplaceReportSchema = z.object({
  id: IdSchema,
  workplaceId: IdSchema,
  sourceType: z.string(),
  reportedOn: z.string(),
  /** Opened only on need to know (core/policy mayOpenInformant); otherwise only whether there is one. */
  informantName: z.string().nullable(),
  hasInformant: z.boolean(),
  conditions: z.array(z.string()),
  indicators: z.array(z.string()),
  hoursPerWeek: z.number().nullable(),
  dailyPay: z.number().nullable(),
  payCurrency: z.string().nullable(),
  workersEstimate: z.number().nullable(),
  recordedAt: z.string(),
});
export type WorkplaceReport = z.infer<typeof WorkplaceReportSchema>;

export const WorkplaceSchema = z.object({
  id: IdSchema,
  operationId: IdSchema,
  /** The agency that holds it (recorded it): only its staff, in their scope, change or archive it. */
  agencyId: IdSchema,
  name: z.string(),
  sector: z.string(),
  adminAreaCode: z.string(),
  siteId: IdSchema.nullable(),
  description: z.string().nullable(),
  version: z.number().int(),
  reportCount: z.number().int(),
  /** Distinct ILO indicators reported over all reports. */
  indicators: z.array(z.string()),
  lastReportedOn: z.string().nullable(),
  /** Linked people this reader's scope reaches (other agencies' links are counted per area, through core/disclosure). */
  peopleLinked: z.number().int(),
  /** May this reader change or archive it (core/policy mayChangeWorkplace)? Display only. */
  mayChange: z.boolean(),
});
export type Workplace = z.infer<typeof WorkplaceSchema>;

export const WorkplaceListSchema = z.object({ items: z.array(WorkplaceSchema), total: z.number().int() });
export type WorkplaceList = z.infer<typeof WorkplaceListSchema>;

/** A linked person as this reader may see them: only people in the reader's scope. */
export const WorkplacePersonSchema = z.object({
  personId: IdSchema,
  givenName: z.string(),
  familyName: z.string(),
  riskLevel: z.string().nullable(),
  linkedAt: z.string(),
});

export const WorkplaceDetailSchema = WorkplaceSchema.extend({
  reports: z.array(WorkplaceReportSchema),
  people: z.array(WorkplacePersonSchema),
});
export type WorkplaceDetail = z.infer<typeof WorkplaceDetailSchema>;

export const WorkplacePersonLinkSchema = z.strictObject({ personId: IdSchema });
export type WorkplacePersonLink = z.infer<typeof WorkplacePersonLinkSchema>;

export const LabourByAreaQuerySchema = z.strictObject({ operationId: IdSchema.optional() });

/** A disclosure-protected table with its column keys (null: withheld by core/disclosure). */
export const DisclosedTableSchema = z.object({
  columns: z.array(z.object({ key: z.string(), label: z.string(), hxl: z.string() })),
  rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))),
  suppressionThreshold: z.number().int(),
  /** The cell-key method and its parameters, where the table was published by it. */
  disclosure: DisclosureMethodSchema.optional(),
  operationId: IdSchema.nullable(),
});
export type DisclosedTable = z.infer<typeof DisclosedTableSchema>;

export const LabourByAreaSchema = z.object({
  /** Live for readers who may read every person of every operation counted; else the release. */
  figures: FiguresSchema,
  suppressionThreshold: z.number().int(),
  areas: z.array(
    z.object({
      adminAreaCode: z.string(),
      workplaces: z.number().int().nullable(),
      bySector: z.record(z.string(), z.number().int().nullable()),
      /** Workplaces where each ILO indicator was reported at least once. */
      byIndicator: z.record(z.string(), z.number().int().nullable()),
      workplacesWithIndicators: z.number().int().nullable(),
      peopleLinked: z.number().int().nullable(),
    }),
  ),
  table: DisclosedTableSchema,
});
export type LabourByArea = z.infer<typeof LabourByAreaSchema>;
