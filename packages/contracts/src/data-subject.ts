import { z } from 'zod';
import { freeText, IdSchema, PrintQuerySchema } from './common';
import { PersonDetailSchema } from './persons';
import { ProtectionNoteSchema } from './protection-notes';
import { CaseSchema, CaseTaskSchema } from './cases';
import { BiaSchema, BidSchema, CareArrangementSchema } from './children';
import { ScreeningSchema } from './screenings';
import { TraffickingAssessmentRecordSchema } from './trafficking';

/** `GET /persons/:id/export?format=json|pdf`. */
export const PersonExportQuerySchema = z.strictObject({
  format: z.enum(['json', 'pdf']).default('json'),
  // The PDF's language and clock; the JSON holds codes and UTC times whatever they are.
  ...PrintQuerySchema,
});
export type PersonExportQuery = z.infer<typeof PersonExportQuerySchema>;

/** A consent decision as the export shows it: no names, the decision and how it was taken. */
export const ExportConsentSchema = z.object({
  id: IdSchema,
  purpose: z.string(),
  recipientAgencyId: IdSchema.nullable(),
  decision: z.string(),
  method: z.string(),
  givenBy: z.string(),
  carerRelationship: z.string().nullable(),
  childAssent: z.string(),
  effectiveAt: z.string(),
  recordedAt: z.string(),
});

/** Who touched the record and when: staff by id and role only, never another person's data. */
export const ExportAuditEntrySchema = z.object({
  at: z.string(),
  action: z.string(),
  resourceType: z.string(),
  actorId: IdSchema.nullable(),
  actorRole: z.string().nullable(),
  outcome: z.string(),
  /** Field names for a correction, the format of an export: never values. */
  details: z.record(z.string(), z.unknown()),
});

/** What this export leaves out and why, so the requester knows the export is not whole. */
export const ExportWithheldSchema = z.object({
  section: z.string(),
  count: z.number().int(),
  reason: z.enum(['clearance', 'encryption_unavailable', 'other_person']),
});

/** A programme the person is enrolled in, and the sessions of it they attended. */
export const ExportEnrolmentSchema = z.object({
  programmeId: IdSchema,
  name: z.string(),
  kind: z.string(),
  status: z.string(),
  enrolledAt: z.string(),
  enrolledBy: IdSchema.nullable(),
  /** `given`: their consent to programme enrolment was in force; `overridden`: enrolled on an override (reason in the audit). */
  consent: z.enum(['given', 'overridden']),
  attendance: z.array(z.object({ sessionId: IdSchema, heldOn: z.string(), topic: z.string(), recordedAt: z.string() })),
});

/** A workplace staff linked the person to: the place, never its reports or their informants (other people). */
export const ExportWorkplaceLinkSchema = z.object({
  workplaceId: IdSchema,
  name: z.string(),
  sector: z.string(),
  adminAreaCode: z.string(),
  linkedAt: z.string(),
  linkedBy: IdSchema.nullable(),
});

export const PersonExportSchema = z.object({
  header: z.object({
    generatedAt: z.string(),
    generatedBy: IdSchema,
    generatedByRole: z.string(),
    personId: IdSchema,
    anonymised: z.boolean(),
    /** True when the reader's clearance kept something out: a cleared officer must re-run it. */
    complete: z.boolean(),
    withheld: z.array(ExportWithheldSchema),
    note: z.string(),
  }),
  /** The record with the person's own identity documents (numbers per the reader's clearance). */
  person: PersonDetailSchema,
  /** The household and the person's place in it; the other members are other people's data. */
  household: z
    .object({ id: IdSchema, siteId: IdSchema.nullable(), isHead: z.boolean(), relationshipToHead: z.string().nullable(), memberCount: z.number().int() })
    .nullable(),
  screenings: z.array(ScreeningSchema),
  protectionNotes: z.array(ProtectionNoteSchema),
  consents: z.array(ExportConsentSchema),
  /** Protection cases about the person, with their tasks and trafficking assessments (findings per clearance). */
  cases: z.array(CaseSchema.extend({ tasks: z.array(CaseTaskSchema), traffickingAssessments: z.array(TraffickingAssessmentRecordSchema) })),
  /** A child's best-interests record: assessments, determinations (the child's views per clearance) and care arrangements. */
  bestInterests: z.object({ assessments: z.array(BiaSchema), determinations: z.array(BidSchema), careArrangements: z.array(CareArrangementSchema) }),
  /** Prevention programmes: enrolments with their consent basis and attendance. */
  programmes: z.array(ExportEnrolmentSchema),
  /** Workplaces the person was linked to (labour conditions). */
  workplaces: z.array(ExportWorkplaceLinkSchema),
  audit: z.array(ExportAuditEntrySchema),
});
export type PersonExport = z.infer<typeof PersonExportSchema>;

/** `POST /persons/:id/erasure`: anonymise on the person's request. */
export const ErasureRequestSchema = z.strictObject({
  reason: freeText(1000).min(10),
  mode: z.literal('anonymise'),
});
export type ErasureRequest = z.infer<typeof ErasureRequestSchema>;

/** An operation's retention policy; a null rule is off. */
export const RetentionPolicySchema = z.object({
  operationId: IdSchema,
  policyId: IdSchema.nullable(),
  anonymiseInactiveAfterDays: z.number().int().nullable(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type RetentionPolicy = z.infer<typeof RetentionPolicySchema>;

export const RetentionPolicyUpdateSchema = z.strictObject({
  /** At least 30 days (a short rule could erase active cases), at most 100 years; null turns it off. */
  anonymiseInactiveAfterDays: z.number().int().min(30).max(36500).nullable(),
  /** The version read (0 when there was no policy yet): a stale one is a 409. */
  version: z.number().int().min(0),
});
export type RetentionPolicyUpdate = z.infer<typeof RetentionPolicyUpdateSchema>;

/** Every kind of activity retention's "inactive" rule looks at (server/src/db/retention-repository.ts). */
export const RETENTION_ACTIVITY_KINDS = [
  'record',
  'screening',
  'protection_note',
  'consent',
  'programme_enrolment',
  'programme_attendance',
  'workplace_link',
  'case',
  'case_task',
  'trafficking_assessment',
  'durable_solutions',
  'resettlement',
  'solution_step',
  'best_interests_assessment',
  'best_interests_determination',
  'care_arrangement',
] as const;

/** What a retention run would do (or did): counts and ids, never names. */
export const RetentionReportSchema = z.object({
  operationId: IdSchema,
  policyId: IdSchema.nullable(),
  dryRun: z.boolean(),
  asOf: z.string(),
  total: z.number().int(),
  byReason: z.array(z.object({ reason: z.enum(['inactive']), count: z.number().int(), oldestLastActivity: z.string().nullable() })),
  /** The first ids (at most 1000) for a reviewer to check; the counts are exact. */
  personIds: z.array(IdSchema),
  /**
   * The same people, each with why: the rule, and the latest activity of any kind the rule
   * looked at (a record change, a case, a task, a best-interests step…) and when it was.
   */
  candidates: z.array(
    z.object({
      personId: IdSchema,
      reason: z.enum(['inactive']),
      lastActivity: z.string(),
      lastActivityKind: z.enum(RETENTION_ACTIVITY_KINDS),
    }),
  ),
});
export type RetentionReport = z.infer<typeof RetentionReportSchema>;
