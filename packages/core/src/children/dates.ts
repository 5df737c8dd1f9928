import { daysFromCivil, isoFromDays } from '../population/civil-date';
import { isIsoDate } from '../scoring/iso-date';
import { ageInYears } from '../registration/age';

// Everything in this module works on civil dates ('YYYY-MM-DD'), never on instants: a
// due date is a day in the operation's calendar, whatever the server's time zone.

export { isIsoDate };

/** Days since 1970-01-01 of a date already checked with isIsoDate. */
export function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return daysFromCivil(y, m, d);
}

export function addDays(iso: string, days: number): string {
  return isoFromDays(dayNumber(iso) + days);
}

/** Calendar months later; a day that does not exist in the target month becomes its last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const lastDay = daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
  return isoFromDays(daysFromCivil(year, month, Math.min(d, lastDay)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * Age in whole years on a civil date, by the same rule as registration (ageInYears) when
 * the date of birth is known. With only a birth year we take the youngest age possible
 * (born 31 December): a child's protections are not withdrawn on an estimate. Null when
 * unknown.
 */
export function ageOn(birth: { dateOfBirth: string | null; birthYear: number | null }, on: string): number | null {
  if (birth.dateOfBirth === null && birth.birthYear !== null) {
    return ageInYears({ dateOfBirth: `${birth.birthYear}-12-31`, birthYear: null }, new Date(`${on}T00:00:00Z`));
  }
  return ageInYears(birth, new Date(`${on}T00:00:00Z`));
}
