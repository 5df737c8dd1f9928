import {
  CARER_RELATIONSHIPS,
  CHILD_ASSENTS,
  CONSENT_DECISIONS,
  CONSENT_GIVERS,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
} from '@waymark/core';
import { z } from 'zod';
import { freeText, IdSchema } from './common';

/**
 * `POST /persons/:id/consents`: one decision (grant, refusal or withdrawal). Which fields a
 * child's consent needs depends on their age (core consentRequirement); the server checks
 * that, the recipient agency and the date, and answers 400 with field paths.
 */
export const ConsentCreateSchema = z.strictObject({
  purpose: z.enum(CONSENT_PURPOSES),
  /** The receiving agency: required for a referral, refused for anything else. */
  recipientAgencyId: IdSchema.optional(),
  decision: z.enum(CONSENT_DECISIONS),
  method: z.enum(CONSENT_METHODS),
  givenBy: z.enum(CONSENT_GIVERS),
  carerRelationship: z.enum(CARER_RELATIONSHIPS).optional(),
  childAssent: z.enum(CHILD_ASSENTS).optional(),
  assentMethod: z.enum(CONSENT_METHODS).optional(),
  /** When the person decided; now when absent; never in the future. */
  effectiveAt: z.iso.datetime({ offset: true }).optional(),
});
export type ConsentCreate = z.infer<typeof ConsentCreateSchema>;

export const ConsentSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  purpose: z.enum(CONSENT_PURPOSES),
  recipientAgencyId: IdSchema.nullable(),
  decision: z.enum(CONSENT_DECISIONS),
  method: z.enum(CONSENT_METHODS),
  givenBy: z.enum(CONSENT_GIVERS),
  carerRelationship: z.enum(CARER_RELATIONSHIPS).nullable(),
  childAssent: z.enum(CHILD_ASSENTS),
  assentMethod: z.enum(CONSENT_METHODS).nullable(),
  effectiveAt: z.iso.datetime({ offset: true }),
  recordedAt: z.iso.datetime({ offset: true }),
  recordedBy: IdSchema.nullable(),
});
export type Consent = z.infer<typeof ConsentSchema>;

export const CONSENT_STATUSES = ['given', 'refused', 'withdrawn', 'missing', 'insufficient'] as const;

/** What is in force for one purpose (one line per referral recipient). */
export const ConsentStandingSchema = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  recipientAgencyId: IdSchema.nullable(),
  status: z.enum(CONSENT_STATUSES),
  reasons: z.array(z.string()),
  /** The decision in force, if any. */
  consentId: IdSchema.nullable(),
});
export type ConsentStanding = z.infer<typeof ConsentStandingSchema>;

/** `GET /persons/:id/consents`: what is in force now, what the rules need, and the history. */
export const ConsentOverviewSchema = z.object({
  personId: IdSchema,
  /** Who must decide for this person at their age, and the child's assent it needs. */
  requirement: z.object({ giver: z.enum(CONSENT_GIVERS), assent: z.enum(['none', 'oral', 'written']) }),
  current: z.array(ConsentStandingSchema),
  /** Newest first. */
  history: z.array(ConsentSchema),
});
export type ConsentOverview = z.infer<typeof ConsentOverviewSchema>;

/** Acting without consent: only with consent.override, and always with a written reason. */
export const ConsentOverrideSchema = z.strictObject({
  reason: freeText(1000).min(10),
});
export type ConsentOverride = z.infer<typeof ConsentOverrideSchema>;
