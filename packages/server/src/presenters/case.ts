import {
  availableCaseEvents,
  isOverdue,
  PLAN_TASK_KINDS,
  type CaseEvent,
  type CasePriority,
  type CaseStatus,
  type CaseTaskKind,
  type CaseTaskStatus,
} from '@waymark/core';
import type { Case, CaseDetail, CaseTask, CaseTimelineEntry } from '@waymark/contracts';
import type { CaseAuditRow, MyWorkRow } from '../db/cases-repository';
import type { CaseRow, CaseTaskRow } from '../db/schema';
import { caseStateOf } from '../use-cases/cases/case-state';

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** An explicit allow-list: what a case reader sees of a task. */
export function presentCaseTask(row: CaseTaskRow, today: string): CaseTask {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind as CaseTaskKind,
    title: row.title,
    ownerUserId: row.owner_user_id,
    dueDate: row.due_date,
    status: row.status as CaseTaskStatus,
    overdue: row.done_at === null && isOverdue({ dueDate: row.due_date }, today),
    doneAt: iso(row.done_at),
    createdFrom: row.created_from,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentCase(row: CaseRow, tasks: readonly CaseTaskRow[], today: string): Case {
  const state = caseStateOf(row);
  return {
    id: row.id,
    personId: row.person_id,
    householdId: row.household_id,
    agencyId: row.agency_id,
    teamId: row.team_id,
    assignedUserId: row.assigned_user_id,
    status: row.status as CaseStatus,
    priority: row.priority as CasePriority,
    openedFromScreeningId: row.opened_from_screening_id,
    openedAt: row.opened_at.toISOString(),
    closureRequest: state.closureRequest,
    closedAt: iso(row.closed_at),
    closedBy: row.closed_by,
    availableEvents: availableCaseEvents(state) as CaseEvent[],
    plan: {
      goals: row.plan.goals,
      strengths: row.plan.strengths,
      skills: row.plan.skills,
      wishes: row.plan.wishes,
      actions: tasks.filter((task) => PLAN_TASK_KINDS.has(task.kind as CaseTaskKind)).map((task) => presentCaseTask(task, today)),
    },
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

type Detail = CaseTimelineEntry['details'];

/** Audit details hold ids and codes only (db/audit.ts); keep the scalar ones. */
function scalarDetails(details: Record<string, unknown>): Detail {
  const kept: Detail = {};
  for (const [key, value] of Object.entries(details)) {
    if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') kept[key] = value;
  }
  return kept;
}

/**
 * The case's story, oldest first: everything audited about it (opening, steps, assignment,
 * plan and task changes), and each open task's due date still ahead.
 */
export function presentCaseDetail(row: CaseRow, tasks: readonly CaseTaskRow[], audit: readonly CaseAuditRow[], today: string): CaseDetail {
  const entries: CaseTimelineEntry[] = audit.map((entry) => {
    const details = scalarDetails(entry.details);
    const taskId = typeof details.taskId === 'string' ? details.taskId : null;
    return { at: entry.at.toISOString(), kind: entry.action, actorId: entry.actor_id, taskId, details };
  });
  for (const task of tasks) {
    if (task.done_at !== null || task.due_date === null) continue;
    entries.push({ at: `${task.due_date}T00:00:00.000Z`, kind: 'task.due', actorId: null, taskId: task.id, details: { kind: task.kind, overdue: task.due_date < today } });
  }
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { ...presentCase(row, tasks, today), tasks: tasks.map((task) => presentCaseTask(task, today)), timeline: entries };
}

export function presentMyWorkItem(row: MyWorkRow, today: string) {
  return { ...presentCaseTask(row, today), casePriority: row.case_priority as CasePriority, caseStatus: row.case_status as CaseStatus };
}
