import { AGE_BRACKETS, CARE_SITUATIONS, LEGAL_STATUSES, SETTINGS, SEXES } from '@waymark/core';
import { z } from 'zod';
import { areaCode, IdSchema, text } from './common';

/** The aggregate views of the population map (server: use-cases/population/aggregate-views.ts). */
export const AGGREGATE_VIEW_KEYS = ['risk_level', 'risk_domain', 'trend'] as const;
export type AggregateViewKey = (typeof AGGREGATE_VIEW_KEYS)[number];

/** What the rows of a view are. `area` is admin areas at `level` (within `area` when given). */
export const AGGREGATE_DIMENSIONS = ['area', 'site', 'setting', 'sex', 'age_bracket', 'legal_status', 'care_situation'] as const;
export type AggregateDimension = (typeof AGGREGATE_DIMENSIONS)[number];

const plain = (max: number) => text(max).min(1);

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value), z.array(z.enum(values)).min(1));

export const AggregateQuerySchema = z.strictObject({
  operationId: IdSchema,
  view: z.enum(AGGREGATE_VIEW_KEYS).default('risk_level'),
  by: z.enum(AGGREGATE_DIMENSIONS).default('area'),
  /** Admin level of the area rows (1 = governorate…). */
  level: z.coerce.number().int().min(1).max(5).default(1),
  /** Only people in this admin area (any level) … */
  area: areaCode(120).min(1).optional(),
  /** … or at this site. */
  siteId: IdSchema.optional(),
  sex: csv(SEXES).optional(),
  ageBracket: csv(AGE_BRACKETS).optional(),
  setting: csv(SETTINGS).optional(),
  legalStatus: csv(LEGAL_STATUSES).optional(),
  careSituation: csv(CARE_SITUATIONS).optional(),
  /** risk_domain: one domain's people by level instead of every domain at medium or above. */
  domain: plain(80).optional(),
});
export type AggregateQuery = z.infer<typeof AggregateQuerySchema>;

const Count = z.number().int().nullable();

/**
 * How an aggregate was published (core/disclosure/cell-key.ts): the method and its
 * parameters travel with every table and every export (About sheet).
 */
export const DisclosureMethodSchema = z.object({
  method: z.literal('cell-key'),
  threshold: z.number().int(),
  maxPerturbation: z.number().int(),
  distribution: z.literal('uniform'),
  bias: z.literal(0),
});

/**
 * A table as core/disclosure published it by the cell-key method: every number is within
 * `disclosure.maxPerturbation` of the truth, the same for the same people wherever shown;
 * null is "fewer than k" (after perturbation; nobody included), never 0. Totals are
 * perturbed as counts of their own, so a table need not add up exactly. `rolledUp` stays
 * empty (no row is merged into another any more).
 */
/**
 * Which figures a table holds (issue 12 §2, time differencing): `live` for readers who may read
 * every person of the operation; otherwise the `release` cut on a schedule, in which an area
 * moves only with at least k people's changes. `releasedAt`: when it was last cut (null: never,
 * so nothing is released yet).
 */
export const FiguresSchema = z.object({
  source: z.enum(['live', 'release']),
  releasedAt: z.string().nullable(),
});
export type Figures = z.infer<typeof FiguresSchema>;

export const AggregateTableSchema = z.object({
  view: z.enum(AGGREGATE_VIEW_KEYS),
  figures: FiguresSchema,
  by: z.union([z.enum(AGGREGATE_DIMENSIONS), z.literal('month')]),
  operationId: IdSchema,
  suppressionThreshold: z.number().int(),
  disclosure: DisclosureMethodSchema,
  columns: z.array(z.object({ key: z.string(), kind: z.enum(['risk_level', 'domain', 'domain_level']) })),
  rows: z.array(
    z.object({
      key: z.string(),
      /** A name to show where the key is an id or code (areas, sites). */
      name: z.string().nullable(),
      /** Rows below this one exist (areas with children, an area with sites). */
      drill: z.enum(['area', 'site']).nullable(),
      rolledUp: z.array(z.string()),
      cells: z.array(Count),
      total: Count,
      /**
       * risk_level only: people at high or critical risk, published as a cell of its own (the
       * same people give the same number), so the map need not add two perturbed cells.
       */
      highOrCritical: Count.optional(),
    }),
  ),
  columnTotals: z.array(Count).nullable(),
  grandTotal: Count,
  suppressed: z.object({ primary: z.number().int(), secondary: z.number().int() }),
});
export type AggregateTable = z.infer<typeof AggregateTableSchema>;

export const AdminAreasQuerySchema = z.strictObject({ operationId: IdSchema });
export const AdminAreaSchema = z.object({
  code: z.string(),
  level: z.number().int(),
  name: z.string(),
  parentCode: z.string().nullable(),
  geometry: z.unknown(),
});
export type AdminArea = z.infer<typeof AdminAreaSchema>;
export const AdminAreasSchema = z.object({
  operationId: IdSchema,
  areas: z.array(AdminAreaSchema),
  /** Where the shapes came from, one line per source file, to show on the map. */
  sources: z.array(z.string()),
  sites: z.array(z.object({ id: IdSchema, code: z.string(), name: z.string(), setting: z.string().nullable(), adminAreaCode: z.string().nullable() })),
});
export type AdminAreas = z.infer<typeof AdminAreasSchema>;

/** An operation's own boundary file for one admin level. */
export const BoundaryUploadSchema = z.strictObject({
  level: z.number().int().min(1).max(5),
  /** The feature property holding each area's code (a pcode, or geoBoundaries' shapeID). */
  codeProperty: plain(80),
  nameProperty: plain(80).default('shapeName'),
  /** A name for attribution, e.g. the file and its licence. */
  source: plain(300),
  geojson: z.unknown(),
});
export type BoundaryUpload = z.infer<typeof BoundaryUploadSchema>;

export const BoundaryUploadResultSchema = z.object({
  level: z.number().int(),
  areas: z.number().int(),
  /** Codes that match a site's or a person's area. */
  matched: z.number().int(),
  /** Areas one level down whose parent this upload decided. */
  reparented: z.number().int(),
});
export type BoundaryUploadResult = z.infer<typeof BoundaryUploadResultSchema>;

export const DisclosureSettingSchema = z.strictObject({ minCellCount: z.number().int().min(2).max(100) });
export type DisclosureSetting = z.infer<typeof DisclosureSettingSchema>;
