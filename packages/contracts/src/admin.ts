import { ROLES, SCOPES } from '@waymark/core';
import { z } from 'zod';
import { freeText, IdSchema, listOf, PageQuerySchema, text } from './common';

/** The kinds the agencies table accepts (migration 0006's check constraint). */
export const AGENCY_KINDS = ['unhcr', 'un_agency', 'ngo', 'government', 'anti_trafficking', 'other'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

const CodeSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, _ and -, at most 40');
const NameSchema = text(200).min(1);
// Enough for any real office; keeps one request from touching unbounded rows.
const IdListSchema = z.array(IdSchema).max(500);

export const AgencySchema = z.object({
  id: IdSchema,
  operationId: IdSchema,
  code: z.string(),
  name: z.string(),
  kind: z.enum(AGENCY_KINDS),
  createdAt: z.string(),
});
export type Agency = z.infer<typeof AgencySchema>;

export const AgencyListSchema = z.object({ items: z.array(AgencySchema) });

export const AgencyCreateSchema = z.strictObject({
  code: CodeSchema,
  name: NameSchema,
  kind: z.enum(AGENCY_KINDS),
});
export type AgencyCreate = z.infer<typeof AgencyCreateSchema>;

export const OperationSchema = z.object({ id: IdSchema, code: z.string(), name: z.string() });
export type Operation = z.infer<typeof OperationSchema>;
export const OperationListSchema = z.object({ items: z.array(OperationSchema) });

/** An operation is never empty of agencies: records and users need a holder from the start. */
export const OperationCreateSchema = z.strictObject({
  code: CodeSchema,
  name: NameSchema,
  firstAgency: AgencyCreateSchema,
});
export type OperationCreate = z.infer<typeof OperationCreateSchema>;

export const OperationCreatedSchema = OperationSchema.extend({ firstAgency: AgencySchema });
export type OperationCreated = z.infer<typeof OperationCreatedSchema>;

/**
 * `GET|PUT /operations/{id}/security`: whether everyone working in the operation must use a
 * second factor. Roles that read highly sensitive content need one whatever this says.
 */
export const OperationSecuritySchema = z.strictObject({ mfaRequired: z.boolean() });
export type OperationSecurity = z.infer<typeof OperationSecuritySchema>;

export const TeamSchema = z.object({
  id: IdSchema,
  operationId: IdSchema,
  agencyId: IdSchema,
  name: z.string(),
  memberIds: z.array(IdSchema),
});
export type Team = z.infer<typeof TeamSchema>;

export const TeamListSchema = z.object({ items: z.array(TeamSchema) });

export const TeamCreateSchema = z.strictObject({ name: NameSchema });
export type TeamCreate = z.infer<typeof TeamCreateSchema>;

/** `PUT /teams/{id}/members`: the whole membership, replacing what was there. */
export const TeamMembersSchema = z.strictObject({ userIds: IdListSchema });
export type TeamMembers = z.infer<typeof TeamMembersSchema>;

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scope: z.enum(SCOPES),
  agencyId: IdSchema.nullable(),
  /** Only the operations the reader shares with this user. */
  operationIds: z.array(IdSchema),
  teamIds: z.array(IdSchema),
  mustChangePassword: z.boolean(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const UserPageSchema = listOf(UserSchema);

export const UserListQuerySchema = z.strictObject({ ...PageQuerySchema });
export type UserListQuery = z.infer<typeof UserListQuerySchema>;

export const UserCreateSchema = z.strictObject({
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
  displayName: NameSchema,
  role: z.enum(ROLES),
  scope: z.enum(SCOPES),
  agencyId: IdSchema,
  operationIds: IdListSchema.min(1),
  teamIds: IdListSchema.default([]),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

/** The one-time password is shown in this answer only; the user must change it on first sign-in. */
export const UserCreatedSchema = z.object({ user: UserSchema, oneTimePassword: z.string() });
export type UserCreated = z.infer<typeof UserCreatedSchema>;

export const UserUpdateSchema = z.strictObject({
  displayName: NameSchema.optional(),
  role: z.enum(ROLES).optional(),
  scope: z.enum(SCOPES).optional(),
  teamIds: IdListSchema.optional(),
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

/** `POST /users/{id}/mfa-reset`: forget a lost second factor; the reason goes to the audit trail. */
export const SecondFactorResetSchema = z.strictObject({ reason: freeText(1000).min(10) });
export type SecondFactorReset = z.infer<typeof SecondFactorResetSchema>;
/**
 * The reset's answer: the user and a new one-time password, shown in this answer only. The
 * old password stops working (whoever may have taken it), and the user must choose a new one
 * at next sign-in.
 */
export const SecondFactorResetDoneSchema = UserCreatedSchema;
export type SecondFactorResetDone = UserCreated;

/** `PUT /persons/{id}/assignment`: who works the case; never someone of another agency. */
export const PersonAssignmentSchema = z.strictObject({
  assignedUserId: IdSchema,
  /** Omitted keeps the person's team; null takes them out of any team. */
  teamId: IdSchema.nullable().optional(),
  version: z.number().int().min(1),
});
export type PersonAssignment = z.infer<typeof PersonAssignmentSchema>;
