import type { CaseTimelineEntry } from '@waymark/contracts';
import { describe, expect, it } from 'vitest';
import { assignmentOf, timelineLines } from './timeline-lines';

const due = (day: string, overdue = false, taskId = `t-${day}-${Math.random()}`): CaseTimelineEntry => ({
  at: `${day}T00:00:00.000Z`,
  kind: 'task.due',
  actorId: null,
  taskId,
  details: { kind: 'follow_up', overdue },
});
const event = (at: string, kind: string, details: CaseTimelineEntry['details'] = {}): CaseTimelineEntry => ({ at, kind, actorId: 'u1', taskId: null, details });

describe('the case timeline', () => {
  it('folds the 18 tasks falling due on one day into one line, keeping events where they happened', () => {
    const entries = [event('2027-03-01T09:00:00.000Z', 'case.create'), ...Array.from({ length: 18 }, () => due('2027-03-03')), event('2027-03-04T10:00:00.000Z', 'case.print'), due('2027-03-05', true), due('2027-03-05')];
    const lines = timelineLines(entries);
    expect(lines.map((line) => (line.kind === 'due' ? `due ${line.day} ×${line.entries.length}${line.overdue ? ' overdue' : ''}` : line.entry.kind))).toEqual([
      'case.create',
      'due 2027-03-03 ×18',
      'case.print',
      'due 2027-03-05 ×2 overdue',
    ]);
  });

  it('keeps days apart, and a lone task due stays a line of one', () => {
    const lines = timelineLines([due('2027-03-03'), due('2027-03-04')]);
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.kind === 'due' && line.entries.length === 1)).toBe(true);
  });

  it('reads an assignment’s previous and new holder, and nothing from other events', () => {
    expect(assignmentOf(event('2027-03-01T09:00:00.000Z', 'case.assign', { from: 'a', to: 'b', teamId: null }))).toEqual({ from: 'a', to: 'b' });
    expect(assignmentOf(event('2027-03-01T09:00:00.000Z', 'case.assign', { from: null, to: 'b' }))).toEqual({ from: null, to: 'b' });
    expect(assignmentOf(event('2027-03-01T09:00:00.000Z', 'case.transition', { from: 'identified', to: 'assessment' }))).toBeNull();
  });
});
