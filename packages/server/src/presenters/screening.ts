import {
  expandOutcome,
  findInstrument,
  mayReadField,
  TOPIC_OF_DOMAIN,
  withholdItems,
  type Actor,
  type Item,
  type RecordRef,
  type StoredOutcome,
} from '@waymark/core';
import type { Screening } from '@waymark/contracts';
import type { ScreeningRow } from '../db/schema';

export interface Reader {
  actor: Actor;
  /** The screened person, as the rule book sees it (need-to-know comes from assignment). */
  person: RecordRef;
}

/**
 * A stored screening with its explanation put back from the instrument version that scored
 * it, as this reader may see it: answers to highly sensitive items outside the reader's
 * clearance are withheld, and the screening says which sections were.
 */
export function presentScreening(row: ScreeningRow, reader: Reader): Screening {
  const instrument = findInstrument(row.instrument_id, row.instrument_version);
  if (!instrument) throw new Error(`screening ${row.id} was scored with ${row.instrument_id} v${row.instrument_version}, which this release does not ship`);
  const mayRead = (item: Item) =>
    mayReadField(reader.actor, item.sensitivity === 'highly_sensitive' ? { sensitivity: 'highly_sensitive', topic: TOPIC_OF_DOMAIN[item.domain] } : { sensitivity: item.sensitivity }, reader.person);
  const visible = withholdItems(instrument, row.outcome as StoredOutcome, row.responses as Screening['responses'] | null, mayRead);
  return {
    id: row.id,
    personId: row.person_id,
    screenedAt: new Date(row.screened_at).toISOString(),
    screenedBy: row.screened_by,
    responses: visible.responses ?? {},
    rescoredFrom: row.rescored_from,
    withheld: visible.withheld,
    ...expandOutcome(instrument, visible.stored),
  };
}
