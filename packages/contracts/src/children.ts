import {
  BIA_URGENCIES,
  BID_PANEL_ROLES,
  BID_RECOMMENDATIONS,
  BID_REQUIREMENT_CODES,
  CARE_ARRANGEMENT_TYPES,
  CHILD_NOT_HEARD_REASONS,
  CHILD_OVERDUE_KINDS,
} from '@waymark/core';
import { z } from 'zod';
import { freeText, IdSchema, IsoDateSchema, text } from './common';

const Version = z.number().int().min(1);
/** The child's reasons or the why-not-heard note: short, highly sensitive, withheld without clearance. */
const ViewsText = freeText(2000);

/** `POST /persons/{id}/bia`: the urgency is a person's choice; the suggestion is shown beside it. */
export const BiaCreateSchema = z.strictObject({
  urgency: z.enum(BIA_URGENCIES),
  identifiedAt: IsoDateSchema,
  caseId: IdSchema.optional(),
});
export type BiaCreate = z.infer<typeof BiaCreateSchema>;

/** `PATCH /bias/{id}`: completing the assessment, at the version read. */
export const BiaCompleteSchema = z.strictObject({
  completedAt: IsoDateSchema,
  version: Version,
});
export type BiaComplete = z.infer<typeof BiaCompleteSchema>;

export const BiaSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  caseId: IdSchema.nullable(),
  urgency: z.enum(BIA_URGENCIES),
  suggestedUrgency: z.enum(BIA_URGENCIES),
  suggestedBecause: z.string(),
  required: z.boolean(),
  identifiedAt: IsoDateSchema,
  dueDate: IsoDateSchema,
  completedAt: IsoDateSchema.nullable(),
  version: z.number().int(),
});
export type Bia = z.infer<typeof BiaSchema>;

const PanelMember = z.strictObject({
  memberId: text(100),
  role: z.enum(BID_PANEL_ROLES).nullable(),
  confidentialityUndertakingSigned: z.boolean(),
});

const ChildViews = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('agrees') }),
  z.strictObject({ kind: z.literal('disagrees'), reasons: ViewsText }),
  z.strictObject({ kind: z.literal('could_not_be_heard'), why: z.enum(CHILD_NOT_HEARD_REASONS), note: ViewsText.optional() }),
]);

/**
 * `POST /persons/{id}/bid`. Panel, views and recommendation may be left out so that the
 * rules (core/children checkBidDecision) answer with their own codes and paths.
 */
export const BidCreateSchema = z.strictObject({
  biaId: IdSchema.optional(),
  assessmentDate: IsoDateSchema,
  decisionDate: IsoDateSchema,
  situation: z
    .strictObject({
      choosingDurableSolution: z.boolean(),
      exceptionalTemporaryCare: z.boolean(),
      mayBeSeparatedFromParentsAgainstTheirWill: z.boolean(),
    })
    .optional(),
  panel: z.array(PanelMember).max(20).optional(),
  childViews: ChildViews.nullable().optional(),
  recommendation: z
    .strictObject({ kind: z.enum(BID_RECOMMENDATIONS).nullable(), solutionStepId: IdSchema.nullable().optional() })
    .optional(),
});
export type BidCreate = z.infer<typeof BidCreateSchema>;

export const BidSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  biaId: IdSchema.nullable(),
  reasonCodes: z.array(z.enum(BID_REQUIREMENT_CODES)),
  panel: z.array(z.object({ memberId: z.string(), role: z.string(), confidentialityUndertakingSigned: z.boolean() })),
  assessmentDate: IsoDateSchema,
  /** Withheld (null) from a reader without child-protection clearance or need to know. */
  childViews: ChildViews.nullable(),
  childViewsWithheld: z.boolean(),
  recommendation: z.object({ kind: z.enum(BID_RECOMMENDATIONS), solutionStepId: IdSchema.nullable() }),
  decisionDate: IsoDateSchema,
  reviewDueOn: IsoDateSchema,
  reviewDueReason: z.enum(['interval', 'care_arrangement_change']),
});
export type Bid = z.infer<typeof BidSchema>;

/** `POST /persons/{id}/care-arrangements`: the carer is a person id or a carer record id, never a name. */
export const CareArrangementCreateSchema = z.strictObject({
  kind: z.enum(CARE_ARRANGEMENT_TYPES),
  carer: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('person'), personId: IdSchema }),
    z.strictObject({ kind: z.literal('carer_record'), carerId: text(200).min(1) }),
  ]),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema.nullable().optional(),
});
export type CareArrangementCreate = z.infer<typeof CareArrangementCreateSchema>;

export const CareArrangementSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  kind: z.enum(CARE_ARRANGEMENT_TYPES),
  carer: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('person'), personId: IdSchema }),
    z.object({ kind: z.literal('carer_record'), carerId: z.string() }),
  ]),
  startDate: IsoDateSchema,
  endDate: IsoDateSchema.nullable(),
});
export type CareArrangement = z.infer<typeof CareArrangementSchema>;

export const NextReviewSchema = z.object({ dueDate: IsoDateSchema, reason: z.enum(['interval', 'care_arrangement_change']) });

/** The answer to adding an arrangement: the period, and the review it moved (null without a BID). */
export const CareArrangementCreatedSchema = CareArrangementSchema.extend({ nextReview: NextReviewSchema.nullable() });
export type CareArrangementCreated = z.infer<typeof CareArrangementCreatedSchema>;

export const CareArrangementListSchema = z.object({
  items: z.array(CareArrangementSchema),
  current: CareArrangementSchema.nullable(),
  nextReview: NextReviewSchema.nullable(),
});
export type CareArrangementList = z.infer<typeof CareArrangementListSchema>;

export const BestInterestsSchema = z.object({
  personId: IdSchema,
  assessments: z.array(BiaSchema),
  determinations: z.array(BidSchema),
  arrangements: z.array(CareArrangementSchema),
  currentArrangement: CareArrangementSchema.nullable(),
  nextReview: NextReviewSchema.nullable(),
  /** What the rules would suggest for a new BIA now (a person confirms or changes it). */
  suggestedUrgency: z.object({ urgency: z.enum(BIA_URGENCIES), because: z.string() }),
});
export type BestInterests = z.infer<typeof BestInterestsSchema>;

export const ChildOverdueItemSchema = z.object({
  kind: z.enum(CHILD_OVERDUE_KINDS),
  id: IdSchema,
  childId: IdSchema,
  dueDate: IsoDateSchema,
  daysOverdue: z.number().int(),
});
export const ChildOverdueListSchema = z.object({ items: z.array(ChildOverdueItemSchema) });
export type ChildOverdueList = z.infer<typeof ChildOverdueListSchema>;
