import type { AgeBracket } from './vocabulary';

/** Whole years between a birth date (or 1 July of a birth year) and `today`. */
export function ageInYears(
  birth: { dateOfBirth: string | null; birthYear: number | null },
  today: Date,
): number | null {
  if (birth.dateOfBirth) {
    const [y, m, d] = birth.dateOfBirth.split('-').map(Number) as [number, number, number];
    let age = today.getUTCFullYear() - y;
    const beforeBirthday =
      today.getUTCMonth() + 1 < m || (today.getUTCMonth() + 1 === m && today.getUTCDate() < d);
    if (beforeBirthday) age -= 1;
    return age;
  }
  if (birth.birthYear !== null) return today.getUTCFullYear() - birth.birthYear;
  return null;
}

export function ageBracket(age: number): AgeBracket {
  if (age <= 4) return '0-4';
  if (age <= 11) return '5-11';
  if (age <= 17) return '12-17';
  if (age <= 59) return '18-59';
  return '60+';
}

/** Inclusive age range of a bracket, for SQL filters. `max` is null for open-ended. */
export function bracketRange(bracket: AgeBracket): { min: number; max: number | null } {
  switch (bracket) {
    case '0-4':
      return { min: 0, max: 4 };
    case '5-11':
      return { min: 5, max: 11 };
    case '12-17':
      return { min: 12, max: 17 };
    case '18-59':
      return { min: 18, max: 59 };
    case '60+':
      return { min: 60, max: null };
  }
}
