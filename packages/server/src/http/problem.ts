import type { Problem, ProblemCode } from '@waymark/contracts';
import type { FastifyReply } from 'fastify';
import type { Failure } from '../failure';

const STATUS: Record<ProblemCode, number> = {
  boundary_codes_unmatched: 422,
  boundary_areas_outside: 422,
  validation_failed: 400,
  invalid_json: 400,
  unknown_instrument: 400,
  unknown_instrument_version: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  password_change_required: 403,
  not_found: 404,
  version_conflict: 409,
  duplicate_id: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  // The record is in a state (no consent in force) that forbids the action, not the actor: 409.
  consent_required: 409,
  person_anonymised: 409,
  encryption_unavailable: 503,
  sealed_value_unreadable: 500,
  grant_exceeds_own: 403,
  cannot_change_own_access: 403,
  conflict: 409,
  csrf_failed: 403,
  mfa_enrolment_required: 403,
  mfa_verification_required: 403,
  invalid_mfa_code: 401,
  mfa_already_enrolled: 409,
  illegal_transition: 409,
  approval_required: 403,
  self_approval: 403,
  closure_pending: 409,
  closure_not_requested: 409,
  other_solutions_not_considered: 409,
  child_decision_required: 409,
  capacity_reached: 409,
  boundary_level_clash: 409,
  service_unavailable: 503,
};

// Titles are for people reading raw responses; clients translate `code`.
const TITLES: Record<ProblemCode, string> = {
  boundary_codes_unmatched: 'No area code in the file matches a site or a person of the operation',
  boundary_areas_outside: 'The file\'s shapes fit none of the areas already loaded (none lies inside the level above, none holds the level below)',
  validation_failed: 'The request has invalid fields',
  invalid_json: 'The body is not valid JSON',
  unknown_instrument: 'No such instrument',
  unknown_instrument_version: 'No such instrument version',
  unauthenticated: 'Sign in first',
  invalid_credentials: 'Email or password is wrong',
  forbidden: 'Not allowed',
  password_change_required: 'Change your one-time password first',
  not_found: 'Not found',
  version_conflict: 'Someone else changed this record first',
  duplicate_id: 'A record with this id already exists',
  payload_too_large: 'The body is too large',
  unsupported_media_type: 'Send application/json',
  rate_limited: 'Too many requests',
  internal_error: 'Something went wrong on the server',
  consent_required: 'The person has not consented to this purpose',
  person_anonymised: 'This person was anonymised: nothing new can be recorded about them',
  encryption_unavailable: 'The encryption key for this record is not available',
  sealed_value_unreadable: 'An encrypted value failed its integrity check',
  grant_exceeds_own: 'You cannot grant more than you hold',
  cannot_change_own_access: 'You cannot change your own access',
  conflict: 'This already exists',
  csrf_failed: 'Missing or wrong x-csrf-token for this session',
  mfa_enrolment_required: 'Set up a second factor first',
  mfa_verification_required: 'Enter the code from your authenticator first',
  invalid_mfa_code: 'The code is wrong or has been used',
  mfa_already_enrolled: 'A second factor is already set up',
  illegal_transition: 'The case cannot take this step from where it is',
  approval_required: "Closing a case needs a supervisor's approval",
  self_approval: 'Someone other than the requester must approve the closure',
  closure_pending: 'A closure is waiting for approval: approve or withdraw it first',
  closure_not_requested: 'Nobody has asked to close this case',
  other_solutions_not_considered: 'Assess voluntary repatriation and local integration before resettlement',
  child_decision_required: 'A child this step would leave behind needs their own best-interests decision on it first',
  capacity_reached: 'The programme is full',
  boundary_level_clash: 'Areas of the file are loaded at another level already',
  service_unavailable: 'The server cannot take this now; try again shortly',
};

export function problemOf(failure: Failure): Problem {
  return {
    type: `https://waymark.example/problems/${failure.code.replaceAll('_', '-')}`,
    title: TITLES[failure.code],
    status: STATUS[failure.code],
    code: failure.code,
    ...(failure.detail ? { detail: failure.detail } : {}),
    ...(failure.errors ? { errors: failure.errors } : {}),
    ...(failure.purpose ? { purpose: failure.purpose } : {}),
  };
}

export function sendProblem(reply: FastifyReply, failure: Failure): FastifyReply {
  const problem = problemOf(failure);
  // Busy now, not broken: say when to ask again (RFC 9110 §10.2.3), unless the sender already has.
  if (failure.code === 'service_unavailable' && !reply.hasHeader('retry-after')) reply.header('retry-after', '1');
  return reply.code(problem.status).type('application/problem+json').send(problem);
}
