import {
  DOMAIN_LEVELS,
  LocalizedTextSchema,
  RISK_LEVELS,
  ROLES,
  SENSITIVE_TOPICS,
  STRENGTHS,
  SUBJECT_FACTS,
  URGENCIES,
  type ScreeningOutcome,
} from '@waymark/core';
import { z } from 'zod';
import { IdSchema, listOf } from './common';
import { ConsentOverrideSchema } from './consent';

/** 'yes'/'no' (or true/false) for yes/no items, a choice value, a list of them, a number or an ISO date. */
export const ResponseValueSchema = z.union([z.string(), z.array(z.string()), z.number(), z.boolean(), z.null()]);

/** `POST /persons/:id/screenings`. Answers are keyed by item id; the latest version is used when none is named. */
export const ScreeningRequestSchema = z.strictObject({
  instrument: z.string(),
  instrumentVersion: z.number().int().optional(),
  responses: z.record(z.string(), ResponseValueSchema),
  /** Screen without case-management consent: needs consent.override; audited with the reason. */
  consentOverride: ConsentOverrideSchema.optional(),
});
export type ScreeningRequest = z.infer<typeof ScreeningRequestSchema>;

const signal = {
  indicator: z.string(),
  strength: z.enum(STRENGTHS),
  weight: z.number(),
  why: LocalizedTextSchema,
};

const SignalSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('response'), itemId: z.string(), answer: z.union([z.string(), z.number()]), ...signal }),
  z.object({
    source: z.literal('registration'),
    fact: z.enum(SUBJECT_FACTS),
    answer: z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]),
    ...signal,
  }),
]);

const UrgencySchema = z.enum(URGENCIES);

/** Core's ScreeningOutcome (what a screening concluded and why, stored as-is); `satisfies` keeps them in step. */
export const ScreeningOutcomeSchema = z.object({
  instrumentId: z.string(),
  instrumentVersion: z.number().int(),
  ruleVersion: z.string(),
  riskLevel: z.enum(RISK_LEVELS),
  domains: z.array(
    z.object({ domain: z.string(), level: z.enum(DOMAIN_LEVELS), score: z.number(), signals: z.array(SignalSchema) }),
  ),
  overrides: z.array(
    z.object({
      id: z.string(),
      why: LocalizedTextSchema,
      actions: z.array(z.object({ id: z.string(), label: LocalizedTextSchema, urgency: UrgencySchema })),
    }),
  ),
  compounding: z.object({
    applied: z.boolean(),
    domainsAtMediumOrAbove: z.number().int(),
    levelBefore: z.enum(DOMAIN_LEVELS),
    levelAfter: z.enum(DOMAIN_LEVELS),
  }),
  recommendedActions: z.array(
    z.object({
      id: z.string(),
      domain: z.string().nullable(),
      override: z.string().nullable(),
      label: LocalizedTextSchema,
      urgency: UrgencySchema,
    }),
  ),
  followUps: z.array(z.object({ itemId: z.string(), domain: z.string(), reason: z.literal('prefer_not_to_answer') })),
  explanation: z.record(z.string(), z.array(z.string())),
}) satisfies z.ZodType<ScreeningOutcome>;

/** A stored screening: the outcome's fields, plus who was screened, when, by whom and with which answers. */
export const ScreeningSchema = ScreeningOutcomeSchema.extend({
  id: IdSchema,
  personId: IdSchema,
  screenedAt: z.iso.datetime({ offset: true }),
  /** Null for screenings made by the system (a seeded population). */
  screenedBy: IdSchema.nullable(),
  responses: z.record(z.string(), ResponseValueSchema),
  /** Set when this screening re-scored an earlier one's answers under newer rules. */
  rescoredFrom: IdSchema.nullable(),
  /**
   * Sections holding items this reader may not read (highly sensitive ones: SGBV, the
   * armed-group question), listed whatever was answered: that they exist and who may read
   * them, never what they hold. Everything derived from their answers (overrides, levels,
   * scores, actions, explanation lines) is left out of this screening as if they had not
   * been asked; `riskLevel` stays as scored, so the reader can act and knows whom to ask.
   */
  withheld: z.array(
    z.object({
      domain: z.string(),
      /** The need-to-know topic of the section (null: an ordinary sensitivity level the role lacks). */
      topic: z.enum(SENSITIVE_TOPICS).nullable(),
      /** Roles that read it on every record in their scope; the person's assigned worker reads it too. */
      readableBy: z.array(z.enum(ROLES)),
      /**
       * Absent when the reader's clearance does not reach the section. `encryption_unavailable`:
       * the section is sealed and will not open (its key is not configured, or it was altered).
       */
      reason: z.literal('encryption_unavailable').optional(),
    }),
  ),
});
export type Screening = z.infer<typeof ScreeningSchema>;

export const ScreeningListSchema = listOf(ScreeningSchema);
export type ScreeningList = z.infer<typeof ScreeningListSchema>;
