import type { Agency, AgencyKind, Team } from '@waymark/contracts';
import type { AgencyRow, TeamRow } from '../db/organisations-repository';

/** Explicit allow-lists: a new column never leaves the server until it is named here. */
export function presentAgency(row: AgencyRow): Agency {
  return {
    id: row.id,
    operationId: row.operation_id,
    code: row.code,
    name: row.name,
    kind: row.kind as AgencyKind,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function presentTeam(row: TeamRow): Team {
  return { id: row.id, operationId: row.operation_id, agencyId: row.agency_id, name: row.name, memberIds: row.memberIds };
}
