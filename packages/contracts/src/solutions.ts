import {
  DURABLE_SOLUTIONS,
  MOVE_STEP_KINDS,
  RESETTLEMENT_PRIORITIES,
  SOLUTION_RISK_LEVELS,
  SOLUTION_STATUSES,
  SOLUTION_WISHES,
  SUBMISSION_CATEGORY_CODES,
  type SubmissionCategory,
} from '@waymark/core';
import { z } from 'zod';
import { freeText, IdSchema, IsoDateSchema, text } from './common';

const Version = z.number().int().min(1);
const Category = z.enum(SUBMISSION_CATEGORY_CODES as [SubmissionCategory, ...SubmissionCategory[]]);

/**
 * One solution as the caseworker records it. The trafficking risk is nullable here on
 * purpose: core/solutions refuses a missing one with `risk_required` at its exact path.
 */
const SolutionInput = z.strictObject({
  status: z.enum(SOLUTION_STATUSES),
  wish: z.enum(SOLUTION_WISHES),
  traffickingRisk: z
    .strictObject({
      level: z.enum(SOLUTION_RISK_LEVELS),
      // Codes are checked by core (unknown_risk_reason at the index).
      reasons: z.array(text(64).min(1)).max(20),
      note: freeText(2000).nullable().optional(),
    })
    .nullable(),
});

/** `PUT /cases/{id}/durable-solutions`: the whole assessment; `version` is the one read (absent the first time). */
export const DurableSolutionsUpdateSchema = z.strictObject({
  assessedOn: IsoDateSchema,
  solutions: z.strictObject({
    voluntary_repatriation: SolutionInput,
    local_integration: SolutionInput,
    resettlement: SolutionInput,
  }),
  version: Version.optional(),
});
export type DurableSolutionsUpdate = z.infer<typeof DurableSolutionsUpdateSchema>;

const Warning = z.object({ code: z.string(), path: z.string(), message: z.string() });

export const DurableSolutionsSchema = z.object({
  caseId: IdSchema,
  subject: z.object({ kind: z.enum(['person', 'household']), id: IdSchema }),
  /** Whole years since the person's (or head's / earliest member's) arrival; null when unknown. */
  yearsInDisplacement: z.number().int().nullable(),
  protracted: z.boolean().nullable(),
  assessment: z
    .object({
      assessedOn: z.string(),
      assessedBy: IdSchema,
      solutions: z.record(z.enum(DURABLE_SOLUTIONS), SolutionInput),
      warnings: z.array(Warning),
      version: z.number().int(),
      updatedAt: z.string(),
    })
    .nullable(),
});
export type DurableSolutions = z.infer<typeof DurableSolutionsSchema>;

const Reason = z.object({
  rule: z.string(),
  personId: z.string().nullable(),
  en: z.string(),
  ar: z.string(),
  /** Set when the reason comes from a sealed section the reader is not cleared for: the words are withheld. */
  withheld: z.object({ topics: z.array(z.string()), readableBy: z.array(z.string()) }).optional(),
});

export const ResettlementSuggestionsSchema = z.object({
  caseId: IdSchema,
  suggestions: z.array(z.object({ category: Category, usualRole: z.enum(['primary', 'secondary']), reasons: z.array(Reason) })),
});
export type ResettlementSuggestions = z.infer<typeof ResettlementSuggestionsSchema>;

/** `PUT /cases/{id}/resettlement`: the categories and priority a person confirms. */
export const ResettlementConfirmSchema = z.strictObject({
  primary: Category,
  secondary: Category.nullable(),
  priority: z.enum(RESETTLEMENT_PRIORITIES),
  version: Version.optional(),
});
export type ResettlementConfirm = z.infer<typeof ResettlementConfirmSchema>;

const Confirmed = z.object({ category: Category, source: z.enum(['suggested', 'chosen']), reasons: z.array(Reason) });

export const ResettlementSubmissionSchema = z.object({
  caseId: IdSchema,
  primary: Confirmed,
  secondary: Confirmed.nullable(),
  priority: z.enum(RESETTLEMENT_PRIORITIES),
  notTaken: z.array(Category),
  warnings: z.array(Warning),
  confirmedBy: IdSchema,
  confirmedAt: z.string(),
  waitingSince: z.string(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ResettlementSubmission = z.infer<typeof ResettlementSubmissionSchema>;

export const ResettlementQueueQuerySchema = z.strictObject({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const ResettlementQueueSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
  entries: z.array(
    z.object({
      position: z.number().int(),
      caseId: IdSchema,
      caseNumber: z.string(),
      /** The person's name (a household case: its head's); null where the reader's scope does not reach the person. */
      subjectName: z.string().nullable(),
      priority: z.enum(RESETTLEMENT_PRIORITIES),
      risk: z.string(),
      primary: Category,
      secondary: Category.nullable(),
      waitingSince: z.string(),
      waitingDays: z.number().int(),
      reasons: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
      explanation: z.object({ en: z.string(), ar: z.string() }),
    }),
  ),
});
export type ResettlementQueue = z.infer<typeof ResettlementQueueSchema>;

export const SolutionStepCreateSchema = z.strictObject({
  kind: z.enum(MOVE_STEP_KINDS),
});
export type SolutionStepCreate = z.infer<typeof SolutionStepCreateSchema>;

export const SolutionStepUpdateSchema = z.strictObject({
  status: z.enum(['in_progress', 'completed', 'cancelled']),
  version: Version,
});
export type SolutionStepUpdate = z.infer<typeof SolutionStepUpdateSchema>;

/** A step, with every child in a moving carer's care who is not on the case. */
export const SolutionStepSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  kind: z.enum(MOVE_STEP_KINDS),
  status: z.string(),
  completedAt: z.string().nullable(),
  version: z.number().int(),
  childrenLeftBehind: z.array(
    z.object({ childId: IdSchema, arrangementId: IdSchema, arrangementType: z.string(), carerPersonId: z.string().nullable(), decisionRecorded: z.boolean() }),
  ),
});
export type SolutionStep = z.infer<typeof SolutionStepSchema>;

/** `GET /cases/{id}/solution-steps`: every step of the case, oldest first, with its flags as of today. */
export const SolutionStepListSchema = z.object({ items: z.array(SolutionStepSchema) });
export type SolutionStepList = z.infer<typeof SolutionStepListSchema>;

/** `GET /cases/{id}/resettlement`: what a person confirmed, or null before the first confirmation. */
export const ResettlementStateSchema = z.object({ caseId: IdSchema, submission: ResettlementSubmissionSchema.nullable() });
export type ResettlementState = z.infer<typeof ResettlementStateSchema>;
