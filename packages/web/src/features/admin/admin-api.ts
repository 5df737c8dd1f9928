import {
  AgencyListSchema,
  AgencySchema,
  BoundaryUploadResultSchema,
  DisclosureSettingSchema,
  OperationSecuritySchema,
  SecondFactorResetDoneSchema,
  TeamListSchema,
  TeamSchema,
  UserCreatedSchema,
  UserPageSchema,
  UserSchema,
  type Agency,
  type AgencyCreate,
  type BoundaryUpload,
  type BoundaryUploadResult,
  type DisclosureSetting,
  type OperationSecurity,
  type SecondFactorResetDone,
  type Team,
  type TeamCreate,
  type User,
  type UserCreate,
  type UserCreated,
} from '@waymark/contracts';
import { queryString, request } from '../../api/client';

export const adminKeys = {
  users: ['admin', 'users'] as const,
  agencies: (operationId: string) => ['admin', 'agencies', operationId] as const,
  teams: (agencyId: string) => ['admin', 'teams', agencyId] as const,
};

export const listUsers = (limit: number, offset: number, signal?: AbortSignal): Promise<{ items: User[]; total: number }> =>
  request('GET', `/users${queryString({ limit, offset })}`, { schema: UserPageSchema, signal });

export const createUser = (input: UserCreate): Promise<UserCreated> => request('POST', '/users', { body: input, schema: UserCreatedSchema });

export const setUserDisabled = (id: string, disabled: boolean): Promise<User> =>
  request('POST', `/users/${id}/${disabled ? 'disable' : 'enable'}`, { schema: UserSchema });

/** Forgets the user's second factor, lifts their locks and replaces their password with a one-time one (reason audited). */
export const resetAccess = (id: string, reason: string): Promise<SecondFactorResetDone> =>
  request('POST', `/users/${id}/mfa-reset`, { body: { reason }, schema: SecondFactorResetDoneSchema });

export const listAgencies = (operationId: string, signal?: AbortSignal): Promise<{ items: Agency[] }> =>
  request('GET', `/operations/${operationId}/agencies`, { schema: AgencyListSchema, signal });

export const createAgency = (operationId: string, input: AgencyCreate): Promise<Agency> =>
  request('POST', `/operations/${operationId}/agencies`, { body: input, schema: AgencySchema });

export const listTeams = (agencyId: string, signal?: AbortSignal): Promise<{ items: Team[] }> =>
  request('GET', `/agencies/${agencyId}/teams`, { schema: TeamListSchema, signal });

export const createTeam = (agencyId: string, input: TeamCreate): Promise<Team> =>
  request('POST', `/agencies/${agencyId}/teams`, { body: input, schema: TeamSchema });

/** An operation's own boundary file for one admin level (aggregate.manage). */
export const uploadBoundaries = (operationId: string, input: BoundaryUpload): Promise<BoundaryUploadResult> =>
  request('POST', `/operations/${operationId}/boundaries`, { body: input, schema: BoundaryUploadResultSchema });

/** The operation's k: published cells from 1 to k − 1 are withheld (aggregate.manage). */
export const setDisclosureThreshold = (operationId: string, input: DisclosureSetting): Promise<DisclosureSetting> =>
  request('PUT', `/operations/${operationId}/disclosure`, { body: input, schema: DisclosureSettingSchema });

/** Whether the operation asks a second factor of everyone in it (operation-scope administrators). */
export const getOperationSecurity = (operationId: string, signal?: AbortSignal): Promise<OperationSecurity> =>
  request('GET', `/operations/${operationId}/security`, { schema: OperationSecuritySchema, signal });

export const setOperationSecurity = (operationId: string, input: OperationSecurity): Promise<OperationSecurity> =>
  request('PUT', `/operations/${operationId}/security`, { body: input, schema: OperationSecuritySchema });
