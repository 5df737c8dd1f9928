import { isIsoDate } from '../scoring/iso-date';

/**
 * UNHCR calls a situation protracted when 25,000 or more refugees of the same nationality
 * have been in exile in a given country for five consecutive years or more. The population
 * threshold is a fact about an operation, not about a person, so the individual flag uses
 * the duration alone: a person displaced five years or more is in protracted displacement.
 */
export const PROTRACTED_YEARS = 5;

export interface DisplacementDates {
  /** When the person was first displaced (fled home), if known. */
  displacementStart?: string | null;
  /** Arrival in the country of asylum (on the registration record). */
  arrivalDate?: string | null;
}

/**
 * The date displacement is counted from: the start of displacement when recorded, otherwise
 * arrival in the country of asylum (which can only under-count, never over-count).
 */
export function displacementSince(dates: DisplacementDates | string | null): string | null {
  if (dates === null) return null;
  if (typeof dates === 'string') return isIsoDate(dates) ? dates : null;
  for (const candidate of [dates.displacementStart, dates.arrivalDate]) {
    if (candidate && isIsoDate(candidate)) return candidate;
  }
  return null;
}

/**
 * Whole years in displacement on `today` (the caller's clock, read as a UTC day), or null
 * when no date is known. A date after today counts as 0, not as a negative duration.
 */
export function yearsInDisplacement(dates: DisplacementDates | string | null, today: Date): number | null {
  const since = displacementSince(dates);
  if (since === null) return null;
  const [y, m, d] = since.split('-').map(Number) as [number, number, number];
  let years = today.getUTCFullYear() - y;
  const month = today.getUTCMonth() + 1;
  if (month < m || (month === m && today.getUTCDate() < d)) years -= 1;
  return Math.max(0, years);
}

/** Five years or more in displacement; null when the duration is unknown (so not "no"). */
export function isProtracted(dates: DisplacementDates | string | null, today: Date): boolean | null {
  const years = yearsInDisplacement(dates, today);
  return years === null ? null : years >= PROTRACTED_YEARS;
}
