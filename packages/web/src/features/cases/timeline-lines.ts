import type { CaseTimelineEntry } from '@waymark/contracts';

/** One line of a case's story: an event as it happened, or the tasks falling due on one day. */
export type TimelineLine =
  | { kind: 'event'; entry: CaseTimelineEntry }
  | { kind: 'due'; day: string; entries: CaseTimelineEntry[]; overdue: boolean };

/**
 * A case opened from a high screening can carry 18 tasks due on the same day: listed one by
 * one they bury the story. Tasks due on the same day become one line (opened on demand);
 * everything else stays as it happened, in order.
 */
export function timelineLines(entries: readonly CaseTimelineEntry[]): TimelineLine[] {
  const lines: TimelineLine[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'task.due') {
      lines.push({ kind: 'event', entry });
      continue;
    }
    const day = entry.at.slice(0, 10);
    const overdue = entry.details.overdue === true;
    const last = lines[lines.length - 1];
    if (last?.kind === 'due' && last.day === day) {
      last.entries.push(entry);
      last.overdue = last.overdue || overdue;
    } else {
      lines.push({ kind: 'due', day, entries: [entry], overdue });
    }
  }
  return lines;
}

/** The user ids an entry names besides its actor: an assignment's previous and new holder. */
export function assignmentOf(entry: CaseTimelineEntry): { from: string | null; to: string | null } | null {
  if (!entry.kind.endsWith('.assign')) return null;
  const id = (value: unknown) => (typeof value === 'string' ? value : null);
  return { from: id(entry.details.from), to: id(entry.details.to) };
}
