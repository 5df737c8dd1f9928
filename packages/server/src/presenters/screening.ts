import type { Screening } from '@waymark/contracts';
import type { ScreeningRow } from '../db/schema';

export function presentScreening(row: ScreeningRow): Screening {
  return {
    id: row.id,
    personId: row.person_id,
    screenedAt: new Date(row.screened_at).toISOString(),
    screenedBy: row.screened_by,
    responses: row.responses,
    rescoredFrom: row.rescored_from,
    ...(row.outcome as Omit<Screening, 'id' | 'personId' | 'screenedAt' | 'screenedBy' | 'responses' | 'rescoredFrom'>),
  } as Screening;
}
