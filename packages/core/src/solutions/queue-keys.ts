import { daysFromCivil } from '../population/civil-date';
import type { RiskLevel } from '../registration/vocabulary';
import { isIsoDate } from '../scoring/iso-date';
import { QUEUE_RISK_ORDER, RESETTLEMENT_PRIORITIES, type ResettlementPriority } from './vocabulary';

/**
 * The queue's keys as numbers, shared by the whole-queue order (`queue.ts`) and the
 * one-page explanation from a histogram (`queue-page.ts`), so both read a case the same way.
 */

export const PRIORITY_COUNT = RESETTLEMENT_PRIORITIES.length;
export const RISK_COUNT = QUEUE_RISK_ORDER.length;
export const BUCKET_COUNT = PRIORITY_COUNT * RISK_COUNT;
export const PRIORITY_RANK: Record<ResettlementPriority, number> = { emergency: 0, urgent: 1, normal: 2 };
export const RISK_RANK: Record<RiskLevel, number> = { critical: 0, high: 1, medium: 2, low: 3 };
/** Waiting days are capped here so that priority, risk and waiting pack into one exact double. */
export const MAX_WAITING_DAYS = 2 ** 21 - 1;

/** Priority × risk as one number: lower comes first in the queue. */
export function queueBucket(priority: ResettlementPriority, risk: RiskLevel): number {
  return PRIORITY_RANK[priority] * RISK_COUNT + RISK_RANK[risk];
}

/** Days since 1970-01-01 of an ISO date, or null when it is not one. */
function isoDays(iso: string): number | null {
  if (!isIsoDate(iso)) return null;
  return daysFromCivil(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10)));
}

/**
 * Whole days waited since `waitingSince` (ISO date) up to the day `todayDays` (days since
 * 1970-01-01, UTC). An unreadable or future date counts as no wait, so one bad row cannot
 * hide the rest (`checkQueueCases` reports it).
 */
export function waitingDaysOf(waitingSince: string, todayDays: number): number {
  const since = isoDays(waitingSince);
  return since === null ? 0 : Math.min(MAX_WAITING_DAYS, Math.max(0, todayDays - since));
}

export interface CivilDay {
  year: number;
  month: number;
  day: number;
}

export function civilToday(today: Date): CivilDay {
  return { year: today.getUTCFullYear(), month: today.getUTCMonth() + 1, day: today.getUTCDate() };
}

/** Whole calendar months waited; 0 for an unreadable or future date. */
export function waitingMonthsOf(waitingSince: string, today: CivilDay): number {
  if (!isIsoDate(waitingSince)) return 0;
  const y = Number(waitingSince.slice(0, 4));
  const m = Number(waitingSince.slice(5, 7));
  const d = Number(waitingSince.slice(8, 10));
  const months = (today.year - y) * 12 + (today.month - m) - (today.day < d ? 1 : 0);
  return Math.max(0, months);
}
