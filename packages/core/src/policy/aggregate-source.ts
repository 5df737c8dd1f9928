import { canInOperation, type Actor } from './can';

/**
 * Which figures a reader of an operation's aggregates sees (issue 12 §2, time differencing):
 *
 * - `live`: the rollups as they stand, a new screening within the second. Only for readers
 *   who may read every person of the operation anyway (person.read with operation scope, or
 *   agency scope when their agency is the operation's only one): comparing two live tables
 *   tells them nothing they could not read in the person list.
 * - `release`: everyone else with aggregate.read (analysts, supervisors and protection
 *   officers of one agency among several, partner views to come). A release moves an area
 *   only with at least k people's changes (core/disclosure/release.ts).
 */
export type AggregateSource = 'live' | 'release';

export function aggregateSourceFor(actor: Actor, operationId: string, operationAgencyIds: readonly string[]): AggregateSource {
  if (!canInOperation(actor, 'person.read', operationId)) return 'release';
  if (actor.scope === 'operation') return 'live';
  const onlyMine = actor.scope === 'agency' && actor.agencyId !== null && operationAgencyIds.length > 0 && operationAgencyIds.every((id) => id === actor.agencyId);
  return onlyMine ? 'live' : 'release';
}
