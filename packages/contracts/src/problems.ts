import { CONSENT_PURPOSES } from '@waymark/core';
import { z } from 'zod';

/**
 * Stable error codes: clients translate these, the server never sends prose that a UI
 * must show. Add codes; never rename one.
 */
export const PROBLEM_CODES = [
  // An uploaded boundary file none of whose area codes is used by a site, a person or a deeper level.
  'boundary_codes_unmatched',
  // A boundary file of the level above the loaded areas that holds none of them: somewhere else.
  'boundary_areas_outside',
  'validation_failed',
  'invalid_json',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'password_change_required',
  'not_found',
  'version_conflict',
  'duplicate_id',
  'unknown_instrument',
  'unknown_instrument_version',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'internal_error',
  // The action needs the person's consent for a purpose, and none is in force (or it was
  // withdrawn); an override needs consent.override and a written reason.
  'consent_required',
  // The person was anonymised on request or by retention: nothing new is recorded about them.
  'person_anonymised',
  // No key ring configured for this server, or a sealed value names a key it no longer has.
  'encryption_unavailable',
  // A sealed value failed authentication: altered, or moved from its place.
  'sealed_value_unreadable',
  // A grant (role, scope, agency, operations) beyond what the granter holds; errors name the field.
  'grant_exceeds_own',
  // Nobody changes their own role or scope, or disables themselves.
  'cannot_change_own_access',
  // Something with the same unique name (an email, a code) exists already.
  'conflict',
  // A state-changing request without this session's x-csrf-token.
  'csrf_failed',
  // This role or operation requires a second factor: enrol one first.
  'mfa_enrolment_required',
  // Signed in with the password; the second factor is still to come.
  'mfa_verification_required',
  // The TOTP or recovery code is wrong, already used, or expired.
  'invalid_mfa_code',
  'mfa_already_enrolled',
  // Protection cases (core/cases): an event the case's status does not allow; closing
  // without a supervisor's approval; approving one's own request; a closure waiting;
  // approving or withdrawing a closure nobody asked for.
  'illegal_transition',
  'approval_required',
  'self_approval',
  'closure_pending',
  'closure_not_requested',
  // Durable solutions: resettlement put forward before repatriation and local integration
  // were assessed; a move step completed while a child it leaves behind has no BID on it.
  'other_solutions_not_considered',
  'child_decision_required',
  // Programmes: enrolment past the capacity the programme was defined with.
  'capacity_reached',
  // A boundary file holding codes that are areas of another level already (issue 20 §1: the
  // same file at level 1 and then 2 made areas their own parents).
  'boundary_level_clash',
  // The server cannot take this now: its database does not answer (health), or every document
  // worker is busy and the queue is full (PDFs). Nothing was done; retry after Retry-After.
  'service_unavailable',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * The bound a value broke (with `too_small` / `too_big`), so a client can say it: "at most
 * 200 characters", "1880 or later". `of`: a text's length in characters, a number's value,
 * or a list's count of items; `inclusive` false for a strict bound (greater than 0).
 */
export const FieldLimitSchema = z.object({
  bound: z.enum(['minimum', 'maximum']),
  value: z.number(),
  of: z.enum(['characters', 'value', 'items']),
  inclusive: z.boolean(),
});
export type FieldLimit = z.infer<typeof FieldLimitSchema>;

/** One thing wrong with the input, at a JSON Pointer (RFC 6901) into the request. */
export const FieldProblemSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
  limit: FieldLimitSchema.optional(),
});
export type FieldProblem = z.infer<typeof FieldProblemSchema>;

/** RFC 9457 problem details, with Waymark's stable `code`. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.enum(PROBLEM_CODES),
  detail: z.string().optional(),
  errors: z.array(FieldProblemSchema).optional(),
  /** With `consent_required`: the purpose the person has not consented to, so every page can name it. */
  purpose: z.enum(CONSENT_PURPOSES).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

export function toPointer(path: ReadonlyArray<PropertyKey>): string {
  return path.map((part) => '/' + String(part).replaceAll('~', '~0').replaceAll('/', '~1')).join('');
}

/** zod issues → field problems, one per unknown key so each gets its own path. */
export function fieldProblemsFromZod(error: z.ZodError, prefix: ReadonlyArray<PropertyKey> = []): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: toPointer([...prefix, ...issue.path, key]),
        code: 'unknown_field',
        message: `unknown field "${key}"`,
      }));
    }
    const limit = limitOf(issue);
    return [{ path: toPointer([...prefix, ...issue.path]), code: zodCode(issue), message: issue.message, ...(limit ? { limit } : {}) }];
  });
}

const LIMITED: Partial<Record<string, FieldLimit['of']>> = { string: 'characters', number: 'value', bigint: 'value', array: 'items', set: 'items' };

/** The bound of a too_small / too_big issue on a text, number or list (dates and files say it in their own words). */
function limitOf(issue: z.core.$ZodIssue): FieldLimit | undefined {
  if (issue.code !== 'too_small' && issue.code !== 'too_big') return undefined;
  const of = LIMITED[issue.origin];
  const value = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  if (of === undefined || !Number.isFinite(value)) return undefined;
  return { bound: issue.code === 'too_small' ? 'minimum' : 'maximum', value, of, inclusive: issue.inclusive !== false };
}

function zodCode(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'wrong_type';
    case 'invalid_value':
      return 'not_allowed';
    case 'too_small':
      return 'too_small';
    case 'too_big':
      return 'too_big';
    case 'invalid_format':
      return 'invalid_format';
    case 'custom':
      // The contracts' own checks (common.ts: control_character, bidi_control, invalid_area_code) name their code.
      return typeof issue.params?.code === 'string' ? issue.params.code : 'invalid';
    default:
      return 'invalid';
  }
}
