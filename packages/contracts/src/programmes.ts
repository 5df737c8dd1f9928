import { PROGRAMME_KINDS } from '@waymark/core';
import { z } from 'zod';
import { areaCode, freeText, IdSchema, IsoDateSchema, PageQuerySchema, text } from './common';
import { DisclosedTableSchema } from './labour';
import { FiguresSchema } from './population';

/**
 * The rule is checked by core/targeting (validateRule), not by zod, so that every problem
 * comes back at its path inside the rule (/rule/all/0/field), as a rule builder needs.
 */
export const ProgrammeCreateSchema = z.strictObject({
  operationId: IdSchema.optional(),
  name: text(200).min(1),
  kind: z.enum(PROGRAMME_KINDS),
  rule: z.unknown(),
  adminAreaCodes: z.array(areaCode(80).min(1)).max(100).default([]),
  capacity: z.number().int().min(1).max(1_000_000),
  startsOn: IsoDateSchema.nullable().optional(),
  endsOn: IsoDateSchema.nullable().optional(),
});
export type ProgrammeCreate = z.infer<typeof ProgrammeCreateSchema>;

/** Rename, resize or close a programme (names the version read). The rule stays as defined: a new rule is a new programme, so coverage keeps meaning what it meant. */
export const ProgrammeUpdateSchema = z.strictObject({
  name: text(200).min(1).optional(),
  capacity: z.number().int().min(1).max(1_000_000).optional(),
  endsOn: IsoDateSchema.nullable().optional(),
  status: z.enum(['active', 'closed']).optional(),
  version: z.number().int().min(1),
});
export type ProgrammeUpdate = z.infer<typeof ProgrammeUpdateSchema>;

export const ProgrammeSchema = z.object({
  id: IdSchema,
  operationId: IdSchema,
  /** The agency that runs it: only its staff, in their scope, change it or work with its people. */
  agencyId: IdSchema,
  name: z.string(),
  kind: z.enum(PROGRAMME_KINDS),
  rule: z.unknown(),
  adminAreaCodes: z.array(z.string()),
  capacity: z.number().int(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  status: z.string(),
  version: z.number().int(),
  /** Exact for readers whose scope holds the programme; otherwise through core/disclosure (null: withheld under k). */
  enrolled: z.number().int().nullable(),
  sessions: z.number().int(),
  createdAt: z.string(),
  /** May this reader rename, resize or close it (core/policy mayManageProgramme)? Display only. */
  mayManage: z.boolean(),
  /** May this reader work with its people: targets, enrolment, sessions (mayWorkProgramme)? Display only. */
  mayWork: z.boolean(),
});
export type Programme = z.infer<typeof ProgrammeSchema>;

export const ProgrammeListSchema = z.object({ items: z.array(ProgrammeSchema), total: z.number().int() });
export type ProgrammeList = z.infer<typeof ProgrammeListSchema>;

export const ProgrammeListQuerySchema = z.strictObject({ operationId: IdSchema.optional() });

export const TargetListQuerySchema = z.strictObject({ ...PageQuerySchema });
export type TargetListQuery = z.infer<typeof TargetListQuerySchema>;

/** The target list: people the rule selects in the reader's scope, highest risk first. */
export const TargetListSchema = z.object({
  items: z.array(
    z.object({
      personId: IdSchema,
      givenName: z.string(),
      familyName: z.string(),
      sex: z.string(),
      age: z.number().int().nullable(),
      adminAreaCode: z.string().nullable(),
      riskLevel: z.string().nullable(),
      enrolled: z.boolean(),
    }),
  ),
  total: z.number().int(),
  totalIsExact: z.boolean(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type TargetList = z.infer<typeof TargetListSchema>;

export const EnrolmentCreateSchema = z.strictObject({
  personId: IdSchema,
  consentOverride: z.strictObject({ reason: freeText(2000).min(1) }).optional(),
});
export type EnrolmentCreate = z.infer<typeof EnrolmentCreateSchema>;

export const EnrolmentSchema = z.object({
  programmeId: IdSchema,
  personId: IdSchema,
  givenName: z.string(),
  familyName: z.string(),
  sex: z.string(),
  age: z.number().int().nullable(),
  riskLevel: z.string().nullable(),
  enrolledAt: z.string(),
  sessionsAttended: z.number().int(),
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;
export const EnrolmentListSchema = z.object({ items: z.array(EnrolmentSchema), total: z.number().int() });
export type EnrolmentList = z.infer<typeof EnrolmentListSchema>;

export const SessionCreateSchema = z.strictObject({
  heldOn: IsoDateSchema,
  topic: text(200).min(1),
  adminAreaCode: areaCode(80).min(1).nullable().optional(),
  /** Enrolled people who attended (in the recorder's scope). */
  attendees: z.array(IdSchema).max(1000).refine((ids) => new Set(ids).size === ids.length, 'each person once').default([]),
});
export type SessionCreate = z.infer<typeof SessionCreateSchema>;

export const ProgrammeSessionSchema = z.object({
  id: IdSchema,
  programmeId: IdSchema,
  heldOn: z.string(),
  topic: z.string(),
  adminAreaCode: z.string().nullable(),
  /** Exact for readers whose scope holds the programme; otherwise through core/disclosure (null: withheld under k). */
  attendance: z.number().int().nullable(),
});
export type ProgrammeSession = z.infer<typeof ProgrammeSessionSchema>;
export const ProgrammeSessionListSchema = z.object({ items: z.array(ProgrammeSessionSchema), total: z.number().int() });
export type ProgrammeSessionList = z.infer<typeof ProgrammeSessionListSchema>;

const Count = z.number().int().nullable();
export const CoverageSchema = z.object({
  programmeId: IdSchema,
  /** Live for readers who may read every person of the operation; else the programme's release. */
  figures: FiguresSchema,
  suppressionThreshold: z.number().int(),
  gapThreshold: z.number(),
  totals: z.object({ inNeed: Count, targeted: Count, reached: Count }),
  areas: z.array(
    z.object({
      adminAreaCode: z.string().nullable(),
      inNeed: Count,
      targeted: Count,
      reached: Count,
      coverage: z.number().nullable(),
      gap: z.boolean().nullable(),
    }),
  ),
  rows: z.array(z.object({ adminAreaCode: z.string().nullable(), sex: z.string(), ageBracket: z.string(), inNeed: Count, targeted: Count, reached: Count })),
  table: DisclosedTableSchema,
});
export type Coverage = z.infer<typeof CoverageSchema>;
