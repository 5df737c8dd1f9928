import type { RecordRef } from '@waymark/core';

/** A held row (person or household) as the rule book sees it. */
export function recordRef(row: { operation_id: string; agency_id: string; team_id: string | null; assigned_user_id: string | null }): RecordRef {
  return { operationId: row.operation_id, agencyId: row.agency_id, teamId: row.team_id, assignedUserId: row.assigned_user_id };
}
