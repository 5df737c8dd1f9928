import type { Actor } from '@waymark/core';
import type { CaseDetail } from '@waymark/contracts';
import type { KeyRing } from '../../crypto/key-ring';
import { caseAuditEntries, listTasksOfCase } from '../../db/cases-repository';
import type { CaseRow } from '../../db/schema';
import type { Db, Tx } from '../../db/transaction';
import { displayNamesOf } from '../../db/users-repository';
import { staffNamedIn } from '../../presenters/audit-event';
import { presentCaseDetail } from '../../presenters/case';
import { caseNames } from './case-names';

/**
 * A case with its tasks and timeline, as every case answer shows it to this actor: named
 * (whose case it is, as far as the reader may see that person, and who holds it).
 */
export async function caseDetail(db: Db | Tx, row: CaseRow, today: string, actor: Actor, ring?: KeyRing): Promise<CaseDetail> {
  const [tasks, audit, names] = await Promise.all([
    listTasksOfCase(db, row.operation_id, row.id),
    caseAuditEntries(db, row.operation_id, row.id),
    caseNames(db, actor, [row.id]),
  ]);
  const staff = await displayNamesOf(db, [row.assigned_user_id, ...tasks.map((task) => task.owner_user_id), ...staffNamedIn(audit)]);
  const naming = {
    subjectName: names.get(row.id)?.subjectName ?? null,
    assignedUserName: row.assigned_user_id === null ? null : (staff.get(row.assigned_user_id) ?? null),
    staffNames: Object.fromEntries(staff),
  };
  return presentCaseDetail(row, tasks, audit, naming, today, actor, ring);
}
