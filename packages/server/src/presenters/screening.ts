import { expandOutcome, findInstrument, type StoredOutcome } from '@waymark/core';
import type { Screening } from '@waymark/contracts';
import type { ScreeningRow } from '../db/schema';

/** A stored screening with its explanation put back from the instrument version that scored it. */
export function presentScreening(row: ScreeningRow): Screening {
  const instrument = findInstrument(row.instrument_id, row.instrument_version);
  if (!instrument) throw new Error(`screening ${row.id} was scored with ${row.instrument_id} v${row.instrument_version}, which this release does not ship`);
  return {
    id: row.id,
    personId: row.person_id,
    screenedAt: new Date(row.screened_at).toISOString(),
    screenedBy: row.screened_by,
    responses: row.responses as Screening['responses'],
    rescoredFrom: row.rescored_from,
    ...expandOutcome(instrument, row.outcome as StoredOutcome),
  };
}
