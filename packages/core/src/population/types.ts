import type { PersonRegistration } from '../registration/person';
import type { LegalStatus, Setting } from '../registration/vocabulary';
import type { ResponseValue } from '../scoring/response-problems';
import type { NamingTraditionId } from './names';

export interface SiteSpec {
  code: string;
  name: string;
  setting: Setting;
  adminAreaCode: string;
  /** Relative share of the operation's households. */
  weight: number;
}

export interface NationalitySpec {
  /** ISO 3166-1 alpha-3, or null for people recorded without a nationality. */
  nationality: string | null;
  tradition: NamingTraditionId;
  /** ISO 639 codes. */
  languages: string[];
  /** Everyone of this group is stateless whatever the operation's mix (e.g. Rohingya). */
  stateless: boolean;
  weight: number;
}

export interface OperationSpec {
  code: string;
  name: string;
  /** True when the codes are made up; never mistake these for real places. */
  synthetic: boolean;
  /** Relative share of all households. */
  weight: number;
  sites: SiteSpec[];
  nationalities: NationalitySpec[];
  legalStatuses: Array<{ status: LegalStatus; weight: number }>;
}

export interface PopulationOptions {
  seed: number;
  /** Exact number of persons generated. */
  persons: number;
  operations?: OperationSpec[];
  /** Ages, birth dates and arrival dates are relative to this day. */
  today: Date;
}

/**
 * One registered person and their answers to heightenedRiskV1. `person.siteId` and
 * `person.householdId` are null: the loader maps the household's site code and its own
 * household row to ids. Responses only answer items that apply to this person when
 * scored with `subjectFromRegistration(person, { members }, today)` for the same `today`.
 */
export interface GeneratedMember {
  person: PersonRegistration;
  responses: Record<string, ResponseValue>;
}

export interface GeneratedHousehold {
  operationCode: string;
  siteCode: string;
  household: {
    /** Unique within one generated population, e.g. "LBN-H000042". */
    code: string;
    /** Index of the head in `members` (always 0 here, but read it rather than assume). */
    headIndex: number;
    setting: Setting;
    adminAreaCode: string;
  };
  members: GeneratedMember[];
}
