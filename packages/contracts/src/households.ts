import { z } from 'zod';
import { IdSchema } from './common';
import { HouseholdMemberCreateSchema, PersonSchema } from './persons';

/** `POST /households`: a whole household registered in one step, head first or flagged. */
export const HouseholdCreateSchema = z.strictObject({
  id: IdSchema.optional(),
  operationId: IdSchema.optional(),
  siteId: IdSchema.nullable().default(null),
  members: z.array(HouseholdMemberCreateSchema).min(1).max(30),
});
export type HouseholdCreate = z.infer<typeof HouseholdCreateSchema>;

export const HouseholdSchema = z.object({
  id: IdSchema,
  operationId: IdSchema,
  /** e.g. LBN-H-2026-000123. */
  householdNumber: z.string(),
  siteId: IdSchema.nullable(),
  headPersonId: IdSchema.nullable(),
  version: z.number().int(),
  members: z.array(PersonSchema),
});
export type Household = z.infer<typeof HouseholdSchema>;

/** `PATCH /households/{id}`. */
export const HouseholdUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  siteId: IdSchema.nullable().optional(),
  headPersonId: IdSchema.optional(),
});
export type HouseholdUpdate = z.infer<typeof HouseholdUpdateSchema>;
