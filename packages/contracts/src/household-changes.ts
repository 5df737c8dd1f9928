import { RELATIONSHIPS_TO_HEAD } from '@waymark/core';
import { z } from 'zod';
import { IdSchema } from './common';
import { HouseholdSchema } from './households';
import { HouseholdMemberCreateSchema } from './persons';

/** A member's relation to the head, for someone joining under a head already there. */
const joiningRelationship = z.enum(RELATIONSHIPS_TO_HEAD).refine((value) => value !== 'head', {
  message: 'a household has only one head: change the head instead',
  params: { code: 'household_multiple_heads' },
});

/**
 * `POST /households/{id}/members`: someone joins. Either a person of the same operation who
 * is in no household (`personId`), or a new person registered into it (`person`); never both.
 */
export const HouseholdMemberAddSchema = z
  .strictObject({
    version: z.number().int().min(1),
    relationshipToHead: joiningRelationship,
    personId: IdSchema.optional(),
    person: HouseholdMemberCreateSchema.omit({ relationshipToHead: true }).optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.personId === undefined) === (value.person === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'name a registered person or register a new one, not both', params: { code: 'person_or_new_person' } });
    }
  });
export type HouseholdMemberAdd = z.infer<typeof HouseholdMemberAddSchema>;

/**
 * `POST /households/{id}/removals`: a member leaves (they stay registered, in no household).
 * The head leaves only if the same request names the member who heads it now.
 */
export const HouseholdMemberRemoveSchema = z.strictObject({
  version: z.number().int().min(1),
  personId: IdSchema,
  headPersonId: IdSchema.optional(),
});
export type HouseholdMemberRemove = z.infer<typeof HouseholdMemberRemoveSchema>;

/**
 * `POST /households/{id}/splits`: a member leaves to form a household of their own, as its
 * head, optionally with dependants. If the head leaves, `remainingHeadPersonId` names who
 * heads the household left behind. The new household lives at `siteId` (default: the same site).
 */
export const HouseholdSplitSchema = z.strictObject({
  version: z.number().int().min(1),
  headPersonId: IdSchema,
  dependants: z
    .array(z.strictObject({ personId: IdSchema, relationshipToHead: joiningRelationship }))
    .max(29)
    .default([]),
  remainingHeadPersonId: IdSchema.optional(),
  siteId: IdSchema.nullable().optional(),
});
export type HouseholdSplit = z.infer<typeof HouseholdSplitSchema>;

/**
 * What a change left: the household as it is now, the household a split made, and the
 * children the change left with no adult (core/children childrenWithoutAdult): child
 * protection is told, the change is not refused (a caseworker cannot undo a family leaving).
 */
export const HouseholdChangeResultSchema = z.object({
  household: HouseholdSchema,
  newHousehold: HouseholdSchema.nullable(),
  childrenWithoutAdult: z.array(IdSchema),
});
export type HouseholdChangeResult = z.infer<typeof HouseholdChangeResultSchema>;

export const HOUSEHOLD_CHANGE_KINDS = ['member_added', 'member_removed', 'head_changed', 'split_to', 'split_from'] as const;
export type HouseholdChangeKind = (typeof HOUSEHOLD_CHANGE_KINDS)[number];

/** One line of a household's history, oldest first, with the names the reader may see. */
export const HouseholdChangeSchema = z.object({
  id: IdSchema,
  kind: z.enum(HOUSEHOLD_CHANGE_KINDS),
  personId: IdSchema.nullable(),
  /** Null when the person is outside the reader's scope or was anonymised. */
  personName: z.string().nullable(),
  personNumber: z.string().nullable(),
  otherHouseholdId: IdSchema.nullable(),
  otherHouseholdNumber: z.string().nullable(),
  /** The person was a child left with no adult by this change (flagged to child protection). */
  childWithoutAdult: z.boolean(),
  changedAt: z.string(),
  changedByName: z.string().nullable(),
});
export type HouseholdChange = z.infer<typeof HouseholdChangeSchema>;

/** `GET /households/{id}/changes`: the history, and the members who are children with no adult in the household now. */
export const HouseholdHistorySchema = z.object({
  items: z.array(HouseholdChangeSchema),
  childrenWithoutAdult: z.array(IdSchema),
});
export type HouseholdHistory = z.infer<typeof HouseholdHistorySchema>;
