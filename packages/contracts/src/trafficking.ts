import { z } from 'zod';
import { freeText, IdSchema, text } from './common';

/**
 * Codes arrive as strings and core/trafficking checks them against its vocabularies, so an
 * unknown code is reported with its own path (`/acts/0`, unknown_code) like every other rule.
 */
const Code = text(64);
const Codes = z.array(Code).max(60);
const Day = text(32).nullable().default(null);

/**
 * An observed ILO indicator cites its evidence: one of the person's protection notes
 * (`evidenceNoteId`, which must exist and be readable by the assessor), or the evidence
 * written here (`evidenceText`), which the server files as a sealed trafficking note and
 * cites. Exactly one of the two.
 */
const IloIndicatorSchema = z
  .strictObject({ code: Code, evidenceNoteId: text(128).optional(), evidenceText: freeText(20_000).min(1).optional() })
  .superRefine((value, ctx) => {
    if ((value.evidenceNoteId === undefined) === (value.evidenceText === undefined)) {
      // Both given: the written evidence is the one too many; neither: the note is asked for.
      ctx.addIssue({ code: 'custom', path: [value.evidenceText === undefined ? 'evidenceNoteId' : 'evidenceText'], message: 'cite a protection note or write the evidence, one of the two' });
    }
  });
export type IloIndicatorCitation = z.infer<typeof IloIndicatorSchema>;

/** `POST /cases/{id}/trafficking-assessments`: codes only; evidence stays in the person's protection notes. */
export const TraffickingAssessmentCreateSchema = z.strictObject({
  acts: Codes.default([]),
  means: Codes.default([]),
  purposes: Codes.default([]),
  iloIndicators: z.array(IloIndicatorSchema).max(60).default([]),
  stageReached: Code.nullable().default(null),
  exploitationTypes: Codes.default([]),
  controlMethods: Codes.default([]),
  dates: z.strictObject({ firstContact: Day, exploitationStart: Day, exploitationEnd: Day }).default({ firstContact: null, exploitationStart: null, exploitationEnd: null }),
  /** Whether the person was under 18 at the time of the acts, when the record cannot say. */
  underEighteenAtActs: z.boolean().nullable().default(null),
});
export type TraffickingAssessmentCreate = z.infer<typeof TraffickingAssessmentCreateSchema>;

export const TRAFFICKING_OUTCOME_CODES = ['not_indicated', 'at_risk', 'presumed_victim'] as const;

const Text = z.object({ en: z.string(), ar: z.string() });
const ElementSchema = z.object({
  required: z.boolean(),
  present: z.boolean(),
  found: z.array(z.object({ code: z.string(), via: z.string(), from: z.string().nullable() })),
});

/** What was found; null for a reader not cleared for trafficking who is not the assigned worker. */
export const TraffickingFindingsSchema = z.object({
  age: z.object({
    childRuleApplies: z.boolean(),
    basis: z.string(),
    range: z.object({ min: z.number(), max: z.number() }).nullable(),
    actsDate: z.string(),
    actsDateRecorded: z.boolean(),
  }),
  elements: z.object({ act: ElementSchema, means: ElementSchema, purpose: ElementSchema }),
  iloIndicators: z.object({ threshold: z.number().int(), observed: z.array(z.object({ code: z.string(), evidenceNoteIds: z.array(z.string()) })) }),
  stageReached: z.string().nullable(),
  exploitationTypes: z.array(z.string()),
  controlMethods: z.array(z.string()),
  reasons: z.array(z.object({ key: z.string(), text: Text })),
});
export type TraffickingFindings = z.infer<typeof TraffickingFindingsSchema>;

export const TraffickingAssessmentRecordSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  personId: IdSchema,
  outcome: z.enum(TRAFFICKING_OUTCOME_CODES),
  /** True when the findings are withheld from this reader (need-to-know). */
  restricted: z.boolean(),
  findings: TraffickingFindingsSchema.nullable(),
  assessedBy: IdSchema,
  assessedAt: z.string(),
  version: z.number().int(),
});
export type TraffickingAssessmentRecord = z.infer<typeof TraffickingAssessmentRecordSchema>;

export const TraffickingAssessmentListSchema = z.object({
  items: z.array(TraffickingAssessmentRecordSchema),
  total: z.number().int(),
});
export type TraffickingAssessmentList = z.infer<typeof TraffickingAssessmentListSchema>;
