import { evaluateCondition, PREFER_NOT_TO_ANSWER, type Answer, type Condition, type ScreeningSubject } from '@waymark/core';

/** What the form holds per item: a choice, several choices, a number or a date. */
export type DraftValue = string | string[] | number;
export type Draft = Readonly<Record<string, DraftValue>>;

/** The least of an item the show-if walk needs. */
export interface ShowIfItem {
  id: string;
  showIf?: Condition | undefined;
}

export interface Applicable {
  /** Items to show now, in instrument order. */
  visible: ReadonlySet<string>;
  /** Only answers to visible items: exactly what is sent. */
  responses: Record<string, DraftValue>;
}

const isEmpty = (value: DraftValue | undefined): value is undefined =>
  value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/**
 * Walks the items in order (show-if rules only look back) with the core's own
 * evaluator, so the form hides exactly what the server would reject as not applicable.
 */
export function applicable(items: readonly ShowIfItem[], draft: Draft, subject: ScreeningSubject): Applicable {
  const answers = new Map<string, Answer>();
  const visible = new Set<string>();
  const responses: Record<string, DraftValue> = {};
  for (const item of items) {
    if (item.showIf && !evaluateCondition(item.showIf, answers, subject)) continue;
    visible.add(item.id);
    const value = draft[item.id];
    if (isEmpty(value)) continue;
    responses[item.id] = value;
    answers.set(item.id, value);
  }
  return { visible, responses };
}

/** The draft after one change, with answers to items that are now hidden cleared. */
export function answer(items: readonly ShowIfItem[], draft: Draft, itemId: string, value: DraftValue | undefined, subject: ScreeningSubject): Draft {
  const next: Record<string, DraftValue> = { ...draft };
  if (isEmpty(value)) delete next[itemId];
  else next[itemId] = value;
  return applicable(items, next, subject).responses;
}

/** Ticking a choice of a multiple-choice item; "prefer not to answer" excludes the others. */
export function toggleChoice(current: DraftValue | undefined, value: string, on: boolean): DraftValue | undefined {
  if (value === PREFER_NOT_TO_ANSWER) return on ? PREFER_NOT_TO_ANSWER : undefined;
  const chosen = Array.isArray(current) ? current : [];
  const next = on ? [...chosen.filter((v) => v !== value), value] : chosen.filter((v) => v !== value);
  return next.length === 0 ? undefined : next;
}
