import { AGENCY_KINDS } from '@waymark/contracts';
import {
  AGE_BRACKETS,
  CARE_SITUATIONS,
  DOCUMENT_TYPES,
  LEGAL_STATUSES,
  RELATIONSHIPS_TO_HEAD,
  RISK_LEVELS,
  ROLES,
  SCOPES,
  SETTINGS,
  SEXES,
} from '@waymark/core';
import { ALL_PROBLEM_CODES, type ApiProblemCode } from '../api/problem';
import { COMMON_LANGUAGES, COMMON_NATIONALITIES } from '../shared/picker-lists';

/**
 * Field-error codes the API sends in `errors[].code`. The contracts do not list them in
 * one place, so they are gathered here: shape checks (contracts), registration rules
 * (core), placement (server), screening responses (core scoring) and password changes
 * (server, plus the two the browser checks before sending).
 */
export const FIELD_ERROR_CODES = [
  'unknown_evidence_note',
  'required',
  'wrong_type',
  'not_allowed',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid',
  'unknown_field',
  'birth_required',
  'born_in_future',
  'birth_year_mismatch',
  'implausible_age',
  'date_in_future',
  'arrival_before_birth',
  'care_situation_for_adult',
  'household_head_missing',
  'household_multiple_heads',
  'unknown_site',
  'unknown_household',
  'household_required',
  'site_differs_from_household',
  'operation_required',
  'unknown_item',
  'not_a_choice',
  'not_applicable',
  'out_of_range',
  'invalid_date',
  'unknown_instrument',
  'unknown_instrument_version',
  'wrong_password',
  'password_unchanged',
  // Password policy (server): a common or easily guessed password.
  'password_too_common',
  // Password policy (server): the owner's email address as the password.
  'password_is_email',
  // Consent decisions (core checkConsentDecision, server).
  'in_future',
  'own_consent_required',
  'carer_consent_required',
  'carer_relationship_required',
  'child_assent_required',
  'written_assent_required',
  // Checked in the browser only: the server never sees the repeated password.
  'passwords_differ',
  'password_too_short',
  // Administration: grants beyond one's own, and references outside the agency.
  'role_exceeds_own',
  'scope_exceeds_own',
  'outside_own_agency',
  'outside_own_operations',
  'taken',
  'self',
  'unknown_agency',
  'unknown_team',
  'not_in_agency',
  'not_eligible',
  // Children's best interests (core/children and its use cases): BIA, BID, care arrangements.
  'panel_required',
  'duplicate_panel_member',
  'role_required',
  'confidentiality_undertaking_required',
  'child_views_required',
  'child_views_reasons_required',
  'recommendation_required',
  'dates_out_of_order',
  'adult_not_child',
  'not_this_child',
  'carer_required',
  'overlapping_arrangements',
  'invalid_value',
  // Care history and moves (issue 13 §1).
  'carer_is_a_child',
  'already_ended',
  'not_this_childs_move',
  // Trafficking assessments (core/trafficking) and durable solutions (core/solutions, core/children).
  'unknown_code',
  'duplicate_code',
  'invalid_note_id',
  'date_before_birth',
  'invalid_age',
  'child_rule_adult',
  'adult_rule_child',
  'person_case_required',
  'risk_required',
  'risk_reason_required',
  'unknown_risk_reason',
  'duplicate_risk_reason',
  'risk_note_required',
  'unknown_category',
  'categories_must_differ',
  'child_decision_required',
  // Targeting rules (core/targeting), programmes and labour reports (server).
  'incompatible_operator',
  'incompatible_value',
  'unknown_value',
  'empty',
  'too_deep',
  'malformed',
  'ends_before_start',
  'duplicate',
  'not_enrolled',
  'currency_required',
  'pay_required',
  'below_enrolled',
  // Boundary files (core/geo) and the population map's queries.
  'not_feature_collection',
  'not_feature',
  'unsupported_geometry',
  'invalid_coordinates',
  'ring_not_closed',
  'ring_too_short',
  'missing_code',
  'duplicate_code',
  'no_features',
  'boundary_codes_unmatched',
  'boundary_areas_outside',
  'unknown_domain',
  // Text rules (core/text, contracts common.ts): names, codes and notes.
  'control_character',
  'bidi_control',
  'invalid_area_code',
  // Household changes (issue 13 §3) and sites (server).
  'household_without_head',
  'person_in_another_operation',
  'person_in_another_household',
  'already_member',
  'unknown_person',
  'not_a_member',
  'nobody_stays',
  'repeated_person',
  'head_change_elsewhere',
  'person_or_new_person',
  'unknown_admin_area',
  // Identity documents (core/registration/identity-documents.ts, server).
  'document_expiry_out_of_range',
  'document_expiry_before_birth',
  'duplicate_document',
  'unknown_document',
  // Printed documents' time zone (contracts common.ts PrintQuerySchema).
  'unknown_time_zone',
] as const;

const KNOWN_FIELD_ERRORS: ReadonlySet<string> = new Set(FIELD_ERROR_CODES);

export const problemKey = (code: ApiProblemCode): string => `problem.${code}`;

/** An unknown code still reads as "this value is not valid" rather than a raw code. */
export const fieldErrorKey = (code: string): string => `fieldError.${KNOWN_FIELD_ERRORS.has(code) ? code : 'invalid'}`;

/** Every key the catalogues must hold because a value can arrive from data, not code. */
export function requiredDataKeys(): string[] {
  const each = (prefix: string, values: readonly string[]) => values.map((value) => `${prefix}.${value}`);
  return [
    ...each('sex', SEXES),
    ...each('setting', SETTINGS),
    ...each('legalStatus', LEGAL_STATUSES),
    ...each('document', DOCUMENT_TYPES),
    ...each('careSituation', CARE_SITUATIONS),
    ...each('relationship', RELATIONSHIPS_TO_HEAD),
    ...each('ageBracket', AGE_BRACKETS),
    ...each('risk', [...RISK_LEVELS, 'none']),
    ...each('nationality', COMMON_NATIONALITIES),
    ...each('spokenLanguage', COMMON_LANGUAGES),
    ...each('role', ROLES),
    ...each('scope', SCOPES),
    ...each('agencyKind', AGENCY_KINDS),
    ...ALL_PROBLEM_CODES.map(problemKey),
    ...FIELD_ERROR_CODES.map((code) => `fieldError.${code}`),
  ];
}
