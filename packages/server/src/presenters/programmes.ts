import { ageInYears, type ProgrammeKind } from '@waymark/core';
import type { Programme } from '@waymark/contracts';
import type { ProgrammeSummaryRow } from '../db/programmes-repository';

export function presentProgramme(row: ProgrammeSummaryRow): Programme {
  return {
    id: row.id,
    operationId: row.operation_id,
    name: row.name,
    kind: row.kind as ProgrammeKind,
    rule: row.rule,
    adminAreaCodes: row.admin_area_codes,
    capacity: row.capacity,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    version: row.version,
    enrolled: row.enrolled,
    sessions: row.session_count,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export const ageOf = (row: { date_of_birth: string | null; birth_year: number | null }, now: Date): number | null =>
  ageInYears({ dateOfBirth: row.date_of_birth, birthYear: row.birth_year }, now);
