import { isIsoDate } from '../scoring/iso-date';

export { isIsoDate };

function parts(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The same day `years` later (or earlier); 29 February becomes 28 February in other years. */
export function shiftYears(iso: string, years: number): string {
  const [y, m, d] = parts(iso);
  const shifted = `${pad(y + years, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
  return isIsoDate(shifted) ? shifted : `${pad(y + years, 4)}-${pad(m, 2)}-28`;
}

/** The next calendar day. */
export function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Completed years from `birth` to `on` (a birthday counts on its day). */
export function fullYears(birth: string, on: string): number {
  const [by, bm, bd] = parts(birth);
  const [oy, om, od] = parts(on);
  const beforeBirthday = om < bm || (om === bm && od < bd);
  return oy - by - (beforeBirthday ? 1 : 0);
}
