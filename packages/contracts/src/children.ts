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

/**
 * The sections of UNHCR's BIA form (domain.md §4). Each is free text up to 4,000
 * characters; a section left out is empty. All are sealed at rest; protection concerns and
 * the child's views are child-protection content, withheld from readers without clearance.
 */
export const BIA_SECTIONS = ['situationAndCare', 'protectionConcerns', 'childViews', 'needs', 'recommendedActions'] as const;
export type BiaSection = (typeof BIA_SECTIONS)[number];
/** The sections only a reader cleared for child protection (or the child's own worker) sees. */
export const BIA_PROTECTED_SECTIONS: readonly BiaSection[] = ['protectionConcerns', 'childViews'];

const SectionText = freeText(4000);

/** `PUT /bias/{id}/content`: the assessment's sections, written while it is open, at the version read. */
export const BiaContentUpdateSchema = z.strictObject({
  situationAndCare: SectionText.optional(),
  protectionConcerns: SectionText.optional(),
  childViews: SectionText.optional(),
  needs: SectionText.optional(),
  recommendedActions: SectionText.optional(),
  version: Version,
});
export type BiaContentUpdate = z.infer<typeof BiaContentUpdateSchema>;

export const BiaContentSchema = z.object({
  situationAndCare: z.string().nullable(),
  protectionConcerns: z.string().nullable(),
  childViews: z.string().nullable(),
  needs: z.string().nullable(),
  recommendedActions: z.string().nullable(),
});
export type BiaContent = z.infer<typeof BiaContentSchema>;

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
  /** Null while nothing is written; a withheld section is null and named in `withheldSections`. */
  content: BiaContentSchema.nullable(),
  withheldSections: z.array(z.enum(BIA_SECTIONS)),
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

const CarerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), personId: IdSchema }),
  z.object({ kind: z.literal('carer_record'), carerId: z.string() }),
]);

/** What a correction replaced, and why (the mistaken entry stays in the history). */
export const CareArrangementCorrectionSchema = z.object({
  id: IdSchema,
  correctedAt: z.string(),
  reason: z.string(),
  previous: z.object({ kind: z.enum(CARE_ARRANGEMENT_TYPES), carer: CarerSchema, startDate: IsoDateSchema, endDate: IsoDateSchema.nullable() }),
});

export const CareArrangementSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  kind: z.enum(CARE_ARRANGEMENT_TYPES),
  carer: CarerSchema,
  startDate: IsoDateSchema,
  endDate: IsoDateSchema.nullable(),
  version: z.number().int(),
  corrections: z.array(CareArrangementCorrectionSchema),
});
export type CareArrangement = z.infer<typeof CareArrangementSchema>;

/** `PATCH /care-arrangements/{id}`: the child leaves this carer on `endDate` (the first day no longer in it). */
export const CareArrangementEndSchema = z.strictObject({ endDate: IsoDateSchema, version: Version });
export type CareArrangementEnd = z.infer<typeof CareArrangementEndSchema>;

/** `PUT /care-arrangements/{id}`: a mistaken entry replaced, with why; the old values are kept. */
export const CareArrangementCorrectSchema = CareArrangementCreateSchema.extend({
  endDate: IsoDateSchema.nullable(),
  reason: freeText(1000).min(1),
  version: Version,
});
export type CareArrangementCorrect = z.infer<typeof CareArrangementCorrectSchema>;

export const NextReviewSchema = z.object({ dueDate: IsoDateSchema, reason: z.enum(['interval', 'care_arrangement_change']) });

/** The answer to adding an arrangement: the period, the one it ended, and the review it moved (null without a BID). */
export const CareArrangementCreatedSchema = CareArrangementSchema.extend({ nextReview: NextReviewSchema.nullable(), closed: CareArrangementSchema.nullable() });
export type CareArrangementCreated = z.infer<typeof CareArrangementCreatedSchema>;

/** The answer to ending or correcting an arrangement: the period as it now is, and the review. */
export const CareArrangementChangedSchema = CareArrangementSchema.extend({ nextReview: NextReviewSchema.nullable() });
export type CareArrangementChanged = z.infer<typeof CareArrangementChangedSchema>;

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
/**
 * `GET /children/my-deadlines`: what the children assigned to me are waiting for — open
 * BIAs, reviews of their latest BID, and BIDs a planned move needs (no date: before the
 * move completes). Ids, kinds and dates only.
 */
export const ChildDeadlineSchema = z.object({
  kind: z.enum(CHILD_OVERDUE_KINDS),
  id: IdSchema,
  childId: IdSchema,
  dueDate: IsoDateSchema.nullable(),
  /** For a BID a move needs: the move and its case. */
  solutionStepId: IdSchema.nullable(),
  caseId: IdSchema.nullable(),
});
export const ChildDeadlinesSchema = z.object({ items: z.array(ChildDeadlineSchema) });
export type ChildDeadlines = z.infer<typeof ChildDeadlinesSchema>;

export const ChildOverdueListSchema = z.object({ items: z.array(ChildOverdueItemSchema) });
export type ChildOverdueList = z.infer<typeof ChildOverdueListSchema>;
