/**
 * What a caseworker records in a trafficking assessment. Codes arrive as strings (from a
 * form or the API) and are checked against the vocabularies. No narrative is held here:
 * each ILO indicator points at the case note that holds the evidence.
 */
export interface TraffickingAssessmentInput {
  acts: readonly string[];
  means: readonly string[];
  purposes: readonly string[];
  iloIndicators: readonly ObservedIloIndicator[];
  /** The furthest of acquisition, movement, exploitation the person went through; null if none. */
  stageReached: string | null;
  /** HTCDS Type of Exploitation codes: exploitation that took place. */
  exploitationTypes: readonly string[];
  /** HTCDS Methods of Control codes. */
  controlMethods: readonly string[];
  dates: TraffickingAssessmentDates;
  /**
   * The caseworker's record of whether the person was under 18 at the time of the acts,
   * for when the age then is not known from the record; null when not stated.
   */
  underEighteenAtActs: boolean | null;
}

export interface ObservedIloIndicator {
  code: string;
  /** The id of the case note (or other record) that holds the evidence. */
  evidenceNoteId: string;
}

/** Calendar days, YYYY-MM-DD; null when not known. */
export interface TraffickingAssessmentDates {
  firstContact: string | null;
  exploitationStart: string | null;
  exploitationEnd: string | null;
}

export interface TraffickingAssessmentContext {
  /** The caller's today, YYYY-MM-DD (core never reads a clock). */
  today: string;
  /** Age in completed years on `today`, from the person's record; null if unknown. */
  ageAtAssessment: number | null;
  /** Exact date of birth when the record has one; it makes the age at the acts exact. */
  dateOfBirth?: string | null;
}
