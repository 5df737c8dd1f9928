import type { FieldProblem, Person } from '@waymark/contracts';
import { isSeparatedOrUnaccompanied, type CareSituation } from '@waymark/core';
import { decodePointer } from '../../api/json-pointer';

const CHILD_BRACKETS: ReadonlySet<string> = new Set(['0-4', '5-11', '12-17']);

/** Under 18 as registration knows it: the exact age, else the age bracket. */
export function isChild(person: Pick<Person, 'age' | 'ageBracket'>): boolean {
  if (person.age !== null) return person.age < 18;
  return person.ageBracket !== null && CHILD_BRACKETS.has(person.ageBracket);
}

/** Without their parents' care, by the same rule the server uses (core/children). */
export function withoutParents(person: Pick<Person, 'careSituation'>): boolean {
  return isSeparatedOrUnaccompanied(person.careSituation as CareSituation | null);
}

/** Today as a calendar day in UTC, the day the server checks dates against. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The problems the server reported at exactly this field (path segments, not a pointer). */
export function problemsAt(problems: readonly FieldProblem[], ...path: (string | number)[]): FieldProblem[] {
  const wanted = path.map(String).join('/');
  return problems.filter((problem) => decodePointer(problem.path).join('/') === wanted);
}

/** A due day before today is overdue (the due day itself is still on time). */
export function isOverdue(dueDate: string, today: string = todayIso()): boolean {
  return dueDate < today;
}

export function isIsoDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

/** A calendar day plus whole days, in UTC (as core/children counts due dates). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Who may be picked as a carer from the household: never the child, and only adults
 * (or people of unknown age, whom the server checks) unless the arrangement is a
 * child-headed household, whose head is a child.
 */
export function carerCandidates<P extends Pick<Person, 'id' | 'age' | 'ageBracket'>>(members: readonly P[], childId: string, kind: string): P[] {
  return members.filter((member) => member.id !== childId && (kind === 'child_headed_household' || !isChild(member)));
}
