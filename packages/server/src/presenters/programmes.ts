import { ageInYears, can, mayManageProgramme, mayWorkProgramme, type Actor, type ProgrammeKind } from '@waymark/core';
import type { Programme } from '@waymark/contracts';
import type { ProgrammeSummaryRow } from '../db/programmes-repository';
import { recordRef } from '../use-cases/record-ref';
import { countForReader } from './held-count';

/**
 * A programme as this reader may see it. Its definition is the operation's; how many people
 * it enrolled is exact for readers whose scope holds it and disclosure-protected for others
 * (k: the operation's suppression threshold). What the reader may do with it, display only.
 */
export function presentProgramme(row: ProgrammeSummaryRow, reader: Actor, k: number): Programme {
  const held = recordRef(row);
  return {
    id: row.id,
    operationId: row.operation_id,
    agencyId: row.agency_id,
    name: row.name,
    kind: row.kind as ProgrammeKind,
    rule: row.rule,
    adminAreaCodes: row.admin_area_codes,
    capacity: row.capacity,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    version: row.version,
    enrolled: countForReader({ n: row.enrolled, keySum: Number(row.enrolled_keys) }, can(reader, 'programme.read', held), k),
    sessions: row.session_count,
    createdAt: new Date(row.created_at).toISOString(),
    mayManage: mayManageProgramme(reader, held),
    mayWork: mayWorkProgramme(reader, held),
  };
}

export const ageOf = (row: { date_of_birth: string | null; birth_year: number | null }, now: Date): number | null =>
  ageInYears({ dateOfBirth: row.date_of_birth, birthYear: row.birth_year }, now);
