import { CASE_PRIORITIES, type CasePriority } from './plan';

export interface WorkItem {
  id: string;
  dueDate: string | null;
  casePriority: CasePriority;
}

export function isOverdue(item: Pick<WorkItem, 'dueDate'>, today: string): boolean {
  return item.dueDate !== null && item.dueDate < today;
}

const rank = (priority: CasePriority) => CASE_PRIORITIES.indexOf(priority);

/**
 * "My work" order: overdue first, then by due date (undated last), then the more urgent
 * case first, then id for a stable order. Overdue items have the earliest due dates, so
 * this is also plain due-date order, which lets the database use one index (cases-repository).
 */
export function compareWorkItems(a: WorkItem, b: WorkItem, today: string): number {
  const overdue = Number(isOverdue(b, today)) - Number(isOverdue(a, today));
  if (overdue !== 0) return overdue;
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  const priority = rank(b.casePriority) - rank(a.casePriority);
  if (priority !== 0) return priority;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function sortWorkItems<T extends WorkItem>(items: readonly T[], today: string): T[] {
  return [...items].sort((a, b) => compareWorkItems(a, b, today));
}

/** A screening at this level proposes a case (issue 4: high or critical). */
export function screeningProposesCase(riskLevel: string): boolean {
  return riskLevel === 'high' || riskLevel === 'critical';
}
