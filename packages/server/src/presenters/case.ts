import {
  availableCaseEvents,
  isOverdue,
  mayReadField,
  PLAN_TASK_KINDS,
  type Actor,
  type RecordRef,
  type SensitiveTopic,
  type CaseEvent,
  type CasePriority,
  type CaseStatus,
  type CaseTaskKind,
  type CaseTaskStatus,
} from '@waymark/core';
import type { Case, CaseDetail, CaseTask, CaseTimelineEntry, MyWork } from '@waymark/contracts';
import { openTaskWords } from '../crypto/case-work-sealing';
import type { KeyRing } from '../crypto/key-ring';
import type { CaseAuditRow, MyWorkRow } from '../db/cases-repository';
import type { CaseRow, CaseTaskRow } from '../db/schema';
import type { CaseName } from '../use-cases/cases/case-names';
import { caseStateOf } from '../use-cases/cases/case-state';

type MyWorkItem = MyWork['items'][number];

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/** Who reads a case's tasks: the actor, and the case as the rule book sees it (its assigned worker). */
export interface CaseTaskReader {
  actor: Actor;
  record: Pick<RecordRef, 'assignedUserId'>;
  /** Opens the sealed title of a task with a topic, for a reader cleared for it. */
  ring?: KeyRing | undefined;
}

/**
 * An explicit allow-list: what a case reader sees of a task. A task carrying a highly
 * sensitive topic (copied from a screening's action) shows its title only to a reader
 * cleared for the topic or assigned to the case; others see that it exists, its kind,
 * dates and status, so the work is still planned and done.
 */
export function presentCaseTask(row: CaseTaskRow, today: string, reader: CaseTaskReader): CaseTask {
  const topic = row.topic as SensitiveTopic | null;
  const cleared = topic === null || mayReadField(reader.actor, { sensitivity: 'highly_sensitive', topic }, reader.record);
  // Sealed (migration 0025): opened only for a cleared reader; one that will not open is withheld from everyone.
  const words = cleared ? openTaskWords(reader.ring, row) : undefined;
  const restricted = !words?.ok;
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind as CaseTaskKind,
    title: words?.ok ? words.value.title : '',
    ownerUserId: row.owner_user_id,
    dueDate: row.due_date,
    status: row.status as CaseTaskStatus,
    overdue: row.done_at === null && isOverdue({ dueDate: row.due_date }, today),
    doneAt: iso(row.done_at),
    // Where it came from names the screening's action as plainly as the title does.
    createdFrom: words?.ok ? words.value.createdFrom : null,
    topic,
    restricted,
    version: row.version,
    createdAt: row.created_at.toISOString(),
  };
}

export function presentCase(row: CaseRow, tasks: readonly CaseTaskRow[], today: string, actor: Actor, ring?: KeyRing): Case {
  const state = caseStateOf(row);
  const reader: CaseTaskReader = { actor, record: { assignedUserId: row.assigned_user_id }, ring };
  return {
    id: row.id,
    caseNumber: row.case_number,
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
      actions: tasks.filter((task) => PLAN_TASK_KINDS.has(task.kind as CaseTaskKind)).map((task) => presentCaseTask(task, today, reader)),
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
export interface CaseNaming {
  /** The person's name as this reader may see it (use-cases/cases/case-names.ts), or null. */
  subjectName: string | null;
  assignedUserName: string | null;
  staffNames: Record<string, string>;
}

export function presentCaseDetail(
  row: CaseRow,
  tasks: readonly CaseTaskRow[],
  audit: readonly CaseAuditRow[],
  naming: CaseNaming,
  today: string,
  actor: Actor,
  ring?: KeyRing,
): CaseDetail {
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
  const reader: CaseTaskReader = { actor, record: { assignedUserId: row.assigned_user_id }, ring };
  return {
    ...presentCase(row, tasks, today, actor, ring),
    subjectName: naming.subjectName,
    assignedUserName: naming.assignedUserName,
    staffNames: naming.staffNames,
    tasks: tasks.map((task) => presentCaseTask(task, today, reader)),
    timeline: entries,
  };
}

/** A task of My work, with the case it belongs to named (number, and the person's name where the reader may see it). */
export function presentMyWorkItem(row: MyWorkRow, name: CaseName | undefined, today: string, actor: Actor, ring?: KeyRing): MyWorkItem {
  return {
    ...presentCaseTask(row, today, { actor, record: { assignedUserId: row.case_assigned_user_id }, ring }),
    casePriority: row.case_priority as CasePriority,
    caseStatus: row.case_status as CaseStatus,
    caseNumber: row.case_number,
    caseSubjectName: name?.subjectName ?? null,
  };
}
