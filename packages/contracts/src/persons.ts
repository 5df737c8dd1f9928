import {
  AGE_BRACKETS,
  CARE_SITUATIONS,
  DOCUMENT_ISSUER_MAX,
  DOCUMENT_NUMBER_MAX,
  DOCUMENT_TYPES,
  DOCUMENTS_PER_PERSON_MAX,
  LEGAL_STATUSES,
  RELATIONSHIPS_TO_HEAD,
  RISK_LEVELS,
  SETTINGS,
  SEXES,
} from '@waymark/core';
import { z } from 'zod';
import { areaCode, IdSchema, IsoDateSchema, listOf, PageQuerySchema, text } from './common';

/**
 * One identity document as a caseworker keeps it. The number is sensitive: sealed at rest,
 * shown only to readers of sensitive person fields, never in logs, audit details,
 * aggregates or exports of many people. On an edit, a document named by its `id` with no
 * `number` keeps the number it has (a reader who was not shown it cannot send it back);
 * `number: null` removes it. The expiry is checked by core (`checkIdentityDocuments`).
 */
export const IdentityDocumentInputSchema = z.strictObject({
  id: IdSchema.optional(),
  type: z.enum(DOCUMENT_TYPES),
  number: text(DOCUMENT_NUMBER_MAX).min(1).nullable().optional(),
  /** An ISO 3166-1 alpha-3 country code (e.g. SYR) or the issuing authority as printed. */
  issuer: text(DOCUMENT_ISSUER_MAX).min(1).nullable().default(null),
  expiryDate: IsoDateSchema.nullable().default(null),
});
export type IdentityDocumentInput = z.infer<typeof IdentityDocumentInputSchema>;

export const IdentityDocumentSchema = z.object({
  id: IdSchema,
  type: z.enum(DOCUMENT_TYPES),
  /** Null when none was recorded, or when this reader may not see it (then `numberWithheld`). */
  number: z.string().nullable(),
  numberWithheld: z.boolean(),
  issuer: z.string().nullable(),
  expiryDate: z.string().nullable(),
});
export type IdentityDocument = z.infer<typeof IdentityDocumentSchema>;

const personFields = {
  givenName: text(200).min(1),
  familyName: text(200),
  otherNames: z.array(text(200).min(1)).max(20).default([]),
  originalScriptName: text(200).min(1).nullable().default(null),
  sex: z.enum(SEXES),
  dateOfBirth: IsoDateSchema.nullable().default(null),
  birthYear: z.number().int().min(1880).max(2200).nullable().default(null),
  birthYearEstimated: z.boolean().default(false),
  nationality: z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3 code, e.g. SYR').nullable().default(null),
  languages: z.array(z.string().regex(/^[a-z]{2,3}$/, 'ISO 639 code, e.g. ar')).max(10).default([]),
  siteId: IdSchema.nullable().default(null),
  setting: z.enum(SETTINGS).nullable().default(null),
  adminAreaCode: areaCode(40).min(1).nullable().default(null),
  legalStatus: z.enum(LEGAL_STATUSES).nullable().default(null),
  /**
   * The types of papers the person holds, with or without a recorded document; the types of
   * `identityDocuments` are always added (core's `documentTypesHeld` says why both are kept).
   */
  documents: z.array(z.enum(DOCUMENT_TYPES)).max(10).default([]),
  /** On an edit: the whole list, replacing the documents recorded (omit it to keep them). */
  identityDocuments: z.array(IdentityDocumentInputSchema).max(DOCUMENTS_PER_PERSON_MAX).default([]),
  arrivalDate: IsoDateSchema.nullable().default(null),
  careSituation: z.enum(CARE_SITUATIONS).nullable().default(null),
};

/** `POST /persons`. `id` may be generated on a device (offline registration). */
export const PersonCreateSchema = z.strictObject({
  id: IdSchema.optional(),
  operationId: IdSchema.optional(),
  householdId: IdSchema.nullable().default(null),
  relationshipToHead: z.enum(RELATIONSHIPS_TO_HEAD).nullable().default(null),
  ...personFields,
});
export type PersonCreate = z.infer<typeof PersonCreateSchema>;

/** A member inside `POST /households`: the household is being created, so no ids. */
export const HouseholdMemberCreateSchema = z.strictObject({
  id: IdSchema.optional(),
  relationshipToHead: z.enum(RELATIONSHIPS_TO_HEAD),
  ...personFields,
});
export type HouseholdMemberCreate = z.infer<typeof HouseholdMemberCreateSchema>;

const updatable = Object.fromEntries(
  Object.entries({ ...personFields, relationshipToHead: z.enum(RELATIONSHIPS_TO_HEAD).nullable() }).map(
    ([key, schema]) => [key, unwrapDefault(schema).optional()],
  ),
) as { [K in keyof typeof personFields | 'relationshipToHead']: z.ZodOptional<z.ZodType<PersonCreate[K]>> };

function unwrapDefault(schema: z.ZodType): z.ZodType {
  return schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
}

/** `PATCH /persons/{id}`: only the fields that change, and the version that was read. */
export const PersonUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  ...updatable,
});
export type PersonUpdate = z.infer<typeof PersonUpdateSchema>;

export const PersonSchema = z.object({
  id: IdSchema,
  operationId: IdSchema,
  /** The registration number a person and a caseworker can say aloud (e.g. LBN-P-2026-000123). */
  registrationNumber: z.string(),
  householdId: IdSchema.nullable(),
  relationshipToHead: z.enum(RELATIONSHIPS_TO_HEAD).nullable(),
  givenName: z.string(),
  familyName: z.string(),
  otherNames: z.array(z.string()),
  originalScriptName: z.string().nullable(),
  sex: z.enum(SEXES),
  dateOfBirth: z.string().nullable(),
  birthYear: z.number().int().nullable(),
  birthYearEstimated: z.boolean(),
  age: z.number().int().nullable(),
  ageBracket: z.enum(AGE_BRACKETS).nullable(),
  nationality: z.string().nullable(),
  languages: z.array(z.string()),
  siteId: IdSchema.nullable(),
  setting: z.enum(SETTINGS).nullable(),
  adminAreaCode: z.string().nullable(),
  legalStatus: z.enum(LEGAL_STATUSES).nullable(),
  documents: z.array(z.enum(DOCUMENT_TYPES)),
  arrivalDate: z.string().nullable(),
  careSituation: z.enum(CARE_SITUATIONS).nullable(),
  riskLevel: z.enum(RISK_LEVELS).nullable(),
  screenedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Set once the person is anonymised (on request or by retention): names and identifiers are gone. */
  anonymisedAt: z.string().nullable(),
});
export type Person = z.infer<typeof PersonSchema>;

/** One person read on their own (`GET`, `POST`, `PATCH /persons`): with their identity documents. */
export const PersonDetailSchema = PersonSchema.extend({
  identityDocuments: z.array(IdentityDocumentSchema),
});
export type PersonDetail = z.infer<typeof PersonDetailSchema>;

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter(Boolean) : value),
    z.array(z.enum(values)).min(1),
  );

export const PersonListQuerySchema = z.strictObject({
  ...PageQuerySchema,
  riskLevel: csv(RISK_LEVELS).optional(),
  unscreened: z.enum(['true', 'false']).optional(),
  operationId: IdSchema.optional(),
  siteId: IdSchema.optional(),
  // The map's drill-down: people of one admin area (the code the person carries).
  adminAreaCode: areaCode(120).min(1).optional(),
  setting: csv(SETTINGS).optional(),
  sex: csv(SEXES).optional(),
  ageBracket: csv(AGE_BRACKETS).optional(),
  legalStatus: csv(LEGAL_STATUSES).optional(),
  householdId: IdSchema.optional(),
  name: text(200).min(2).optional(),
  sort: z.enum(['newest', 'risk', 'name']).default('newest'),
  /**
   * Keyset paging: the page after this person (the last row of the previous page, as
   * `nextCursor` gave it), in the same sort. An id, not the sort's values, so no name ever
   * travels in a URL; the server reads the values in the caller's scope. `offset` stays for
   * short jumps, but counting past rows gets slower the deeper it goes.
   */
  cursor: IdSchema.optional(),
}).refine((query) => query.cursor === undefined || query.offset === 0, {
  path: ['offset'],
  message: 'give either cursor or offset',
  params: { code: 'not_allowed' },
});
export type PersonListQuery = z.infer<typeof PersonListQuerySchema>;

/**
 * `total` is exact up to the server's count cap (10,000 matches); beyond that it is the cap
 * and `totalIsExact` is false. `nextCursor` is there while more people follow, however many.
 */
export const PersonListSchema = listOf(PersonSchema).extend({ totalIsExact: z.boolean(), nextCursor: IdSchema.nullable() });
export type PersonList = z.infer<typeof PersonListSchema>;
