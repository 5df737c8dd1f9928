import type { Actor } from '@waymark/core';
import type { CaseDetail } from '@waymark/contracts';
import type { KeyRing } from '../../crypto/key-ring';
import { caseAuditEntries, listTasksOfCase } from '../../db/cases-repository';
import type { CaseRow } from '../../db/schema';
import type { Db, Tx } from '../../db/transaction';
import { presentCaseDetail } from '../../presenters/case';

/** A case with its tasks and timeline, as every case answer shows it to this actor. */
export async function caseDetail(db: Db | Tx, row: CaseRow, today: string, actor: Actor, ring?: KeyRing): Promise<CaseDetail> {
  const [tasks, audit] = await Promise.all([listTasksOfCase(db, row.operation_id, row.id), caseAuditEntries(db, row.operation_id, row.id)]);
  return presentCaseDetail(row, tasks, audit, today, actor, ring);
}
