import { daysBetween } from './dates';

export const CHILD_OVERDUE_KINDS = ['bia', 'bid', 'review'] as const;
export type ChildOverdueKind = (typeof CHILD_OVERDUE_KINDS)[number];

/** A BIA to complete, a required BID not yet decided, or a review to hold. */
export interface ChildDueItem {
  kind: ChildOverdueKind;
  id: string;
  childId: string;
  dueDate: string;
  /** When it was done; null while it is still outstanding. */
  doneOn: string | null;
}

export interface ChildOverdueItem extends ChildDueItem {
  daysOverdue: number;
}

const KIND_ORDER: Record<ChildOverdueKind, number> = { bia: 0, bid: 1, review: 2 };

function compare(a: ChildOverdueItem, b: ChildOverdueItem): number {
  return (
    b.daysOverdue - a.daysOverdue ||
    KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
    (a.childId < b.childId ? -1 : a.childId > b.childId ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Outstanding items past their due date (due today is not yet overdue), most overdue
 * first; ties by kind (BIA, BID, review), then child id, then id, so the order does not
 * depend on the order the items came in.
 */
export function overdueItems(items: readonly ChildDueItem[], today: string): ChildOverdueItem[] {
  return items
    .filter((item) => item.doneOn === null && item.dueDate < today)
    .map((item) => ({ ...item, daysOverdue: daysBetween(item.dueDate, today) }))
    .sort(compare);
}
