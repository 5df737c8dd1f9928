import { CASE_EVENTS, CASE_PRIORITIES, CASE_STATUSES, CASE_TASK_KINDS, CASE_TASK_STATUSES, SENSITIVE_TOPICS } from '@waymark/core';
import { z } from 'zod';
import { freeText, IdSchema, IsoDateSchema, PrintQuerySchema, text } from './common';

export const CASE_TEXT_MAX = 2000;
const Line = freeText(CASE_TEXT_MAX).min(1);
const Lines = z.array(Line).max(50);
const Version = z.number().int().min(1);

const NewTaskFields = {
  kind: z.enum(CASE_TASK_KINDS),
  title: text(500).min(1),
  /** A worker of the case's agency; omitted: the case's assigned worker. */
  ownerUserId: IdSchema.nullable().optional(),
  dueDate: IsoDateSchema.nullable().optional(),
};

/**
 * `POST /cases`: by hand for exactly one person or household, or from a screening whose
 * result is high or critical (its recommended actions become the first tasks).
 */
export const CaseCreateSchema = z
  .strictObject({
    personId: IdSchema.optional(),
    householdId: IdSchema.optional(),
    fromScreeningId: IdSchema.optional(),
    /** Defaults to the screening's level, or medium. */
    priority: z.enum(CASE_PRIORITIES).optional(),
    tasks: z.array(z.strictObject(NewTaskFields)).max(50).optional(),
    /**
     * From a screening: the proposed actions the worker chose as the first tasks (ids from
     * the screening's recommendedActions). Omitted: every proposal but "open a case".
     */
    actionIds: z.array(text(100).min(1)).max(60).optional(),
  })
  .superRefine((value, ctx) => {
    const subjects = [value.personId, value.householdId, value.fromScreeningId].filter((v) => v !== undefined).length;
    if (subjects !== 1) {
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'name exactly one of personId, householdId or fromScreeningId' });
    }
    if (value.actionIds !== undefined && value.fromScreeningId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['actionIds'], message: 'actions are chosen from a screening: name fromScreeningId' });
    }
  });
export type CaseCreate = z.infer<typeof CaseCreateSchema>;

export const CaseTransitionSchema = z.strictObject({
  event: z.enum(CASE_EVENTS),
  reason: freeText(CASE_TEXT_MAX).nullable().optional(),
  version: Version,
});
export type CaseTransition = z.infer<typeof CaseTransitionSchema>;

export const CaseAssignmentSchema = z.strictObject({
  assignedUserId: IdSchema,
  /** Omitted keeps the case's team; null takes it out of any team. */
  teamId: IdSchema.nullable().optional(),
  version: Version,
});
export type CaseAssignment = z.infer<typeof CaseAssignmentSchema>;

/** The person's own part of the plan, in their words, first. */
const PersonCentredFields = { goals: Lines, strengths: Lines, skills: Lines, wishes: Lines };

export const CasePlanUpdateSchema = z.strictObject({ ...PersonCentredFields, version: Version });
export type CasePlanUpdate = z.infer<typeof CasePlanUpdateSchema>;

export const CaseTaskCreateSchema = z.strictObject({
  ...NewTaskFields,
  /**
   * A referral made on the person's consent to be referred to this agency of the case's
   * operation: the server checks that consent is in force (409 consent_required at this
   * field otherwise, the refusal audited) and audits the consent it relied on. Only with
   * kind `referral`; a client says "with the person's consent" only when it sent this.
   */
  recipientAgencyId: IdSchema.optional(),
});
export type CaseTaskCreate = z.infer<typeof CaseTaskCreateSchema>;

/** `GET /case-tasks/{id}/referral.pdf`: the agency the referral form is addressed to (referral consent names it). */
export const ReferralFormQuerySchema = z.strictObject({ agencyId: IdSchema, ...PrintQuerySchema });

/** `GET /cases/{id}/summary.pdf`: in the reader's language and time zone. */
export const CaseSummaryQuerySchema = z.strictObject({ ...PrintQuerySchema });

export const CaseTaskUpdateSchema = z.strictObject({
  status: z.enum(CASE_TASK_STATUSES).optional(),
  dueDate: IsoDateSchema.nullable().optional(),
  ownerUserId: IdSchema.nullable().optional(),
  version: Version,
});
export type CaseTaskUpdate = z.infer<typeof CaseTaskUpdateSchema>;

export const CaseTaskSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  kind: z.enum(CASE_TASK_KINDS),
  /** Empty when restricted: the title names what a highly sensitive screening section answered. */
  title: z.string(),
  ownerUserId: IdSchema.nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(CASE_TASK_STATUSES),
  overdue: z.boolean(),
  doneAt: z.string().nullable(),
  createdFrom: z.string().nullable(),
  /** The highly sensitive topic the task carries (copied from a screening's action), or null. */
  topic: z.enum(SENSITIVE_TOPICS).nullable(),
  /** True when the reader lacks clearance for the topic and is not the assigned worker: the title is withheld. */
  restricted: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type CaseTask = z.infer<typeof CaseTaskSchema>;

export const CaseTimelineEntrySchema = z.object({
  at: z.string(),
  /** An audit action (`case.create`, `case.transition`, …) or `task.due` for a dated task. */
  kind: z.string(),
  actorId: IdSchema.nullable(),
  taskId: IdSchema.nullable(),
  /** Codes only (event, status, kind): never narrative. */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type CaseTimelineEntry = z.infer<typeof CaseTimelineEntrySchema>;

export const CaseSchema = z.object({
  id: IdSchema,
  /** e.g. LBN-C-2026-000123. */
  caseNumber: z.string(),
  personId: IdSchema.nullable(),
  householdId: IdSchema.nullable(),
  agencyId: IdSchema,
  teamId: IdSchema.nullable(),
  assignedUserId: IdSchema.nullable(),
  status: z.enum(CASE_STATUSES),
  priority: z.enum(CASE_PRIORITIES),
  openedFromScreeningId: IdSchema.nullable(),
  openedAt: z.string(),
  closureRequest: z.object({ requestedBy: IdSchema, requestedAt: z.string(), reason: z.string() }).nullable(),
  closedAt: z.string().nullable(),
  closedBy: IdSchema.nullable(),
  /** Events that could apply now (the server still decides who may). */
  availableEvents: z.array(z.enum(CASE_EVENTS)),
  plan: z.object({
    ...PersonCentredFields,
    /** Actions, services and referrals: the case's tasks of those kinds. */
    actions: z.array(CaseTaskSchema),
  }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Case = z.infer<typeof CaseSchema>;

/**
 * Whose case it is, as this reader may see it: the person's name (a household case: its
 * head's), or null when the reader's scope does not reach that person or they were anonymised.
 */
export const CaseSubjectNameSchema = z.string().nullable();

/** `GET /cases/:id`: the case, all its tasks, and what happened, oldest first. */
export const CaseDetailSchema = CaseSchema.extend({
  subjectName: CaseSubjectNameSchema,
  /** The assigned worker's display name (staff names are not the person's data); null when unassigned. */
  assignedUserName: z.string().nullable(),
  /** Display names of the staff the timeline and tasks name (actors, an assignment's from and to, task owners), by user id. */
  staffNames: z.record(z.string(), z.string()),
  tasks: z.array(CaseTaskSchema),
  timeline: z.array(CaseTimelineEntrySchema),
});
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

export const MyWorkItemSchema = CaseTaskSchema.extend({
  casePriority: z.enum(CASE_PRIORITIES),
  caseStatus: z.enum(CASE_STATUSES),
  caseNumber: z.string(),
  caseSubjectName: CaseSubjectNameSchema,
});
export const MyWorkSchema = z.object({ items: z.array(MyWorkItemSchema), overdue: z.number().int() });
export type MyWork = z.infer<typeof MyWorkSchema>;

/** `GET /cases/closure-requests`: what waits for a supervisor's decision, oldest first. */
export const ClosureRequestsSchema = z.object({
  items: z.array(
    z.object({
      caseId: IdSchema,
      personId: IdSchema.nullable(),
      householdId: IdSchema.nullable(),
      priority: z.enum(CASE_PRIORITIES),
      requestedBy: IdSchema,
      requestedAt: z.string(),
      reason: z.string(),
    }),
  ),
});
export type ClosureRequests = z.infer<typeof ClosureRequestsSchema>;

/** A record number as people type it: any case, spaces around it ignored (migration 0045's shape). */
export const RecordNumberSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_-]{1,40}-[PHC]-\d{4}-\d{6,12}$/, { message: 'invalid_record_number' });

/** `GET /cases/lookup?number=`: the case a number names, in the reader's scope. */
export const CaseLookupQuerySchema = z.strictObject({ number: RecordNumberSchema });
export const CaseLookupSchema = z.object({ id: IdSchema, caseNumber: z.string() });
export type CaseLookup = z.infer<typeof CaseLookupSchema>;

export const WorkloadSchema = z.object({
  items: z.array(
    z.object({
      userId: IdSchema,
      displayName: z.string(),
      openCases: z.number().int(),
      openTasks: z.number().int(),
      overdueTasks: z.number().int(),
    }),
  ),
});
export type Workload = z.infer<typeof WorkloadSchema>;
