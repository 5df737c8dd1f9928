import {
  BestInterestsSchema,
  BiaCompleteSchema,
  BiaCreateSchema,
  BiaSchema,
  BidCreateSchema,
  BidSchema,
  CareArrangementCreateSchema,
  CareArrangementListSchema,
  CareArrangementSchema,
  ChildOverdueListSchema,
  CaseAssignmentSchema,
  CaseCreateSchema,
  CaseDetailSchema,
  ClosureRequestsSchema,
  CasePlanUpdateSchema,
  CaseTaskCreateSchema,
  CaseTaskSchema,
  CaseTaskUpdateSchema,
  CaseTransitionSchema,
  MyWorkSchema,
  WorkloadSchema,
  MfaConfirmSchema,
  MfaEnrolmentSchema,
  MfaVerifySchema,
  RecoveryCodesSchema,
  ConsentCreateSchema,
  ConsentOverviewSchema,
  ConsentSchema,
  AgencyCreateSchema,
  AgencySchema,
  AuditEventPageSchema,
  AuditEventQuerySchema,
  HealthSchema,
  HouseholdCreateSchema,
  HouseholdSchema,
  HouseholdUpdateSchema,
  InstrumentDefinitionSchema,
  ErasureRequestSchema,
  PersonExportQuerySchema,
  PersonExportSchema,
  RetentionPolicySchema,
  RetentionPolicyUpdateSchema,
  RetentionReportSchema,
  PersonCreateSchema,
  PersonListQuerySchema,
  PersonListSchema,
  PersonSchema,
  PasswordChangeSchema,
  PersonUpdateSchema,
  ProblemSchema,
  ProtectionNoteCreateSchema,
  ProtectionNoteListSchema,
  ProtectionNoteSchema,
  ProtectionNoteUpdateSchema,
  RiskByAreaQuerySchema,
  RiskByAreaSchema,
  ScreeningListSchema,
  ScreeningRequestSchema,
  ScreeningSchema,
  SessionSchema,
  SignInSchema,
  SiteSchema,
  OperationCreatedSchema,
  OperationCreateSchema,
  OperationSchema,
  PersonAssignmentSchema,
  TeamCreateSchema,
  TeamMembersSchema,
  TeamSchema,
  UserCreatedSchema,
  UserCreateSchema,
  UserListQuerySchema,
  SecondFactorResetSchema,
  UserSchema,
  UserUpdateSchema,
  listOf,
} from '@waymark/contracts';
import { z } from 'zod';

interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  body?: z.ZodType;
  query?: z.ZodObject;
  response?: z.ZodType;
  status?: number;
  auth?: boolean;
}

/** Every route, documented from the same zod contracts that validate it. */
export const OPERATIONS: Operation[] = [
  { method: 'get', path: '/api/v1/health', summary: 'Liveness, database mode and PostgreSQL version', response: HealthSchema, auth: false },
  { method: 'get', path: '/api/v1/openapi.json', summary: 'This document', auth: false },
  { method: 'post', path: '/api/v1/sessions', summary: 'Sign in (sets the session cookie)', body: SignInSchema, response: SessionSchema, status: 201, auth: false },
  { method: 'get', path: '/api/v1/sessions/current', summary: 'The signed-in user, operations and abilities', response: SessionSchema },
  { method: 'post', path: '/api/v1/sessions/current/password', summary: 'Change my password (ends my other sessions)', body: PasswordChangeSchema, status: 204 },
  { method: 'delete', path: '/api/v1/sessions/current', summary: 'Sign out', status: 204 },
  { method: 'post', path: '/api/v1/sessions/current/mfa', summary: 'Start TOTP enrolment: a new secret and its otpauth URI', response: MfaEnrolmentSchema, status: 201 },
  { method: 'post', path: '/api/v1/sessions/current/mfa/confirm', summary: 'Confirm TOTP enrolment with a code; the recovery codes, shown once', body: MfaConfirmSchema, response: RecoveryCodesSchema },
  { method: 'post', path: '/api/v1/sessions/current/mfa/recovery-codes', summary: 'Ten new recovery codes, shown once (needs a fresh authenticator code; the old ones stop working)', body: MfaConfirmSchema, response: RecoveryCodesSchema, status: 201 },
  { method: 'post', path: '/api/v1/sessions/current/mfa/verify', summary: 'Second step of signing in: a TOTP or recovery code', body: MfaVerifySchema, response: SessionSchema },
  { method: 'get', path: '/api/v1/persons', summary: 'List people, filtered and paged', query: PersonListQuerySchema, response: PersonListSchema },
  { method: 'post', path: '/api/v1/persons', summary: 'Register a person', body: PersonCreateSchema, response: PersonSchema, status: 201 },
  { method: 'get', path: '/api/v1/persons/{id}', summary: 'One person', response: PersonSchema },
  { method: 'patch', path: '/api/v1/persons/{id}', summary: 'Change a person (names the version read)', body: PersonUpdateSchema, response: PersonSchema },
  { method: 'get', path: '/api/v1/persons/{id}/export', summary: 'Subject access: everything held on the person, as this reader may see it (JSON or PDF)', query: PersonExportQuerySchema, response: PersonExportSchema },
  { method: 'post', path: '/api/v1/persons/{id}/erasure', summary: "Anonymise the person on their request (reason required; idempotent)", body: ErasureRequestSchema, response: PersonSchema },
  { method: 'get', path: '/api/v1/operations/{id}/retention', summary: "An operation's retention policy", response: RetentionPolicySchema },
  { method: 'put', path: '/api/v1/operations/{id}/retention', summary: "Set an operation's retention policy (names the version read; 0 for none)", body: RetentionPolicyUpdateSchema, response: RetentionPolicySchema },
  { method: 'get', path: '/api/v1/operations/{id}/retention/dry-run', summary: 'What the retention policy would anonymise now: counts and ids, no names', response: RetentionReportSchema },
  { method: 'post', path: '/api/v1/households', summary: 'Register a household with all its members', body: HouseholdCreateSchema, response: HouseholdSchema, status: 201 },
  { method: 'get', path: '/api/v1/households/{id}', summary: 'One household with its members', response: HouseholdSchema },
  { method: 'patch', path: '/api/v1/households/{id}', summary: 'Change head or site (names the version read)', body: HouseholdUpdateSchema, response: HouseholdSchema },
  { method: 'get', path: '/api/v1/sites', summary: 'Sites of my operations', response: listOf(SiteSchema) },
  { method: 'get', path: '/api/v1/instruments', summary: 'Screening instruments' },
  { method: 'get', path: '/api/v1/instruments/{id}', summary: 'A full instrument definition, weights included', response: InstrumentDefinitionSchema },
  { method: 'post', path: '/api/v1/persons/{id}/screenings', summary: 'Screen a person; answers with the scored, explained screening', body: ScreeningRequestSchema, response: ScreeningSchema, status: 201 },
  { method: 'get', path: '/api/v1/persons/{id}/screenings', summary: "A person's screening history, newest first", response: ScreeningListSchema },
  { method: 'get', path: '/api/v1/persons/{id}/protection-notes', summary: "A person's protection notes; uncleared topics show only that they exist", response: ProtectionNoteListSchema },
  { method: 'post', path: '/api/v1/persons/{id}/protection-notes', summary: 'Record a protection note (sealed at rest)', body: ProtectionNoteCreateSchema, response: ProtectionNoteSchema, status: 201 },
  { method: 'patch', path: '/api/v1/protection-notes/{id}', summary: "Change a protection note's body (names the version read)", body: ProtectionNoteUpdateSchema, response: ProtectionNoteSchema },
  { method: 'get', path: '/api/v1/persons/{id}/consents', summary: "A person's consent per purpose now, what their age requires, and the history", response: ConsentOverviewSchema },
  { method: 'post', path: '/api/v1/persons/{id}/consents', summary: 'Record a consent decision: a grant, a refusal or a withdrawal (in force from now)', body: ConsentCreateSchema, response: ConsentSchema, status: 201 },
  { method: 'get', path: '/api/v1/reports/risk-by-area', summary: 'People by admin area and risk level, small cells suppressed', query: RiskByAreaQuerySchema, response: RiskByAreaSchema },
  { method: 'get', path: '/api/v1/audit-events', summary: 'Search the audit trail, newest first (auditors)', query: AuditEventQuerySchema, response: AuditEventPageSchema },
  { method: 'get', path: '/api/v1/operations', summary: 'The operations I work in', response: z.object({ items: z.array(OperationSchema) }) },
  { method: 'post', path: '/api/v1/operations', summary: 'Create an operation with its first agency (operation-scope administrators)', body: OperationCreateSchema, response: OperationCreatedSchema, status: 201 },
  { method: 'get', path: '/api/v1/operations/{id}/agencies', summary: "An operation's agencies", response: z.object({ items: z.array(AgencySchema) }) },
  { method: 'post', path: '/api/v1/operations/{id}/agencies', summary: 'Add an agency to an operation', body: AgencyCreateSchema, response: AgencySchema, status: 201 },
  { method: 'get', path: '/api/v1/agencies/{id}/teams', summary: "An agency's teams with their members", response: z.object({ items: z.array(TeamSchema) }) },
  { method: 'post', path: '/api/v1/agencies/{id}/teams', summary: 'Add a team to an agency', body: TeamCreateSchema, response: TeamSchema, status: 201 },
  { method: 'put', path: '/api/v1/teams/{id}/members', summary: "Set a team's whole membership", body: TeamMembersSchema, response: TeamSchema },
  { method: 'get', path: '/api/v1/users', summary: 'Users of my operations (of my agency, below operation scope)', query: UserListQuerySchema, response: listOf(UserSchema) },
  { method: 'post', path: '/api/v1/users', summary: 'Create a user; the one-time password is in this answer only', body: UserCreateSchema, response: UserCreatedSchema, status: 201 },
  { method: 'patch', path: '/api/v1/users/{id}', summary: "Change a user's name, role, scope or teams (never one's own access)", body: UserUpdateSchema, response: UserSchema },
  { method: 'post', path: '/api/v1/users/{id}/disable', summary: 'Disable a user and end all their sessions', response: UserSchema },
  { method: 'post', path: '/api/v1/users/{id}/enable', summary: 'Enable a disabled user', response: UserSchema },
  { method: 'post', path: '/api/v1/users/{id}/mfa-reset', summary: "Forget a user's lost second factor (reason required; ends their sessions)", body: SecondFactorResetSchema, response: UserSchema },
  { method: 'put', path: '/api/v1/persons/{id}/assignment', summary: 'Assign a person to a worker of the agency holding them (names the version read)', body: PersonAssignmentSchema, response: PersonSchema },
  { method: 'post', path: '/api/v1/cases', summary: 'Open a protection case for a person or household, or from a high or critical screening (its recommended actions become tasks)', body: CaseCreateSchema, response: CaseDetailSchema, status: 201 },
  { method: 'get', path: '/api/v1/cases/{id}', summary: 'A case with its plan, tasks and timeline (audited read)', response: CaseDetailSchema },
  { method: 'post', path: '/api/v1/cases/{id}/transitions', summary: 'A lifecycle step: assessment, plan, implementation, follow-up, closure request/approval, reopening (names the version read)', body: CaseTransitionSchema, response: CaseDetailSchema },
  { method: 'put', path: '/api/v1/cases/{id}/assignment', summary: 'Assign a case to a worker of the agency holding it (supervisors; names the version read)', body: CaseAssignmentSchema, response: CaseDetailSchema },
  { method: 'put', path: '/api/v1/cases/{id}/plan', summary: "The person's own goals, strengths, skills and wishes (names the version read)", body: CasePlanUpdateSchema, response: CaseDetailSchema },
  { method: 'post', path: '/api/v1/cases/{id}/tasks', summary: 'Add a task, follow-up, action, service or referral to an open case', body: CaseTaskCreateSchema, response: CaseTaskSchema, status: 201 },
  { method: 'patch', path: '/api/v1/case-tasks/{id}', summary: "Change a task's status, due date or owner (names the version read)", body: CaseTaskUpdateSchema, response: CaseTaskSchema },
  { method: 'get', path: '/api/v1/my-work', summary: 'My open tasks: overdue first, then by due date, then case priority (at most 100)', response: MyWorkSchema },
  { method: 'get', path: '/api/v1/cases/closure-requests', summary: 'Closure requests waiting for a decision, oldest first (supervisors)', response: ClosureRequestsSchema },
  { method: 'get', path: '/api/v1/workload', summary: "Open cases and tasks per worker of my agency (supervisors)", response: WorkloadSchema },
  { method: 'post', path: '/api/v1/persons/{id}/bia', summary: "Open a child's Best Interests Assessment with a confirmed urgency (the suggestion is kept beside it)", body: BiaCreateSchema, response: BiaSchema, status: 201 },
  { method: 'patch', path: '/api/v1/bias/{id}', summary: 'Complete a Best Interests Assessment (names the version read)', body: BiaCompleteSchema, response: BiaSchema },
  { method: 'post', path: '/api/v1/persons/{id}/bid', summary: "Record a Best Interests Determination: panel, the child's views, recommendation, decision date (schedules the review)", body: BidCreateSchema, response: BidSchema, status: 201 },
  { method: 'post', path: '/api/v1/persons/{id}/care-arrangements', summary: "Add a period to a child's care-arrangement history (a change brings the review forward)", body: CareArrangementCreateSchema, response: CareArrangementSchema, status: 201 },
  { method: 'get', path: '/api/v1/persons/{id}/care-arrangements', summary: "A child's care-arrangement history, the current one and the next review (audited read)", response: CareArrangementListSchema },
  { method: 'get', path: '/api/v1/persons/{id}/best-interests', summary: "A child's BIAs, BIDs, care arrangements and next review (audited read)", response: BestInterestsSchema },
  { method: 'get', path: '/api/v1/children/overdue', summary: 'Overdue BIAs and reviews of the children in my scope, most overdue first (supervisors)', response: ChildOverdueListSchema },
];

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' });

export function buildOpenApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const problem = { description: 'Problem', content: { 'application/problem+json': { schema: jsonSchema(ProblemSchema, 'output') } } };
    const parameters = [
      ...(op.path.includes('{id}') ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }] : []),
      ...(op.query
        ? Object.entries(op.query.shape).map(([name, schema]) => ({ name, in: 'query', required: false, schema: jsonSchema(schema as z.ZodType, 'input') }))
        : []),
    ];
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      ...(op.auth === false ? { security: [] } : {}),
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
      responses: {
        [String(op.status ?? 200)]: op.response
          ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(op.response, 'output') } } }
          : { description: 'OK' },
        '4XX': problem,
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Waymark API', version, license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' } },
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'waymark_session' } } },
    security: [{ session: [] }],
    paths,
  };
}
