import { err, ok, type Result } from '../result';

/**
 * The case plan starts with the person: their own goals, strengths and skills, and what
 * they want (the seed insists on a refugee-centred approach), in their words. Only then come
 * the actions, services and referrals, each a task with an owner, a due date and a status.
 */
export interface PersonCentredPlan {
  goals: string[];
  strengths: string[];
  skills: string[];
  wishes: string[];
}

export const CASE_TASK_KINDS = ['task', 'follow_up', 'action', 'service', 'referral'] as const;
export type CaseTaskKind = (typeof CASE_TASK_KINDS)[number];

/** Actions, services and referrals are the plan's part; tasks and follow-ups are the worker's. */
export const PLAN_TASK_KINDS: ReadonlySet<CaseTaskKind> = new Set<CaseTaskKind>(['action', 'service', 'referral']);

export const CASE_TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type CaseTaskStatus = (typeof CASE_TASK_STATUSES)[number];

export const CASE_PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export type CasePriority = (typeof CASE_PRIORITIES)[number];

export function emptyPlan(): PersonCentredPlan {
  return { goals: [], strengths: [], skills: [], wishes: [] };
}

/** Is the task finished (done or cancelled)? Finished tasks leave My work. */
export function isFinishedTaskStatus(status: CaseTaskStatus): boolean {
  return status === 'done' || status === 'cancelled';
}

/** `YYYY-MM-DD` dates compare as strings; a due date may not come before the case opened. */
export function checkDueDate(openedOn: string, dueDate: string | null): Result<string | null, 'due_before_opened'> {
  if (dueDate === null) return ok(null);
  return dueDate < openedOn ? err('due_before_opened') : ok(dueDate);
}

/** The UTC calendar day of an instant, as the API writes dates. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return dayOf(date);
}
