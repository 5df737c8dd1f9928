import { can, err, ok, type Actor, type Result, type Verb } from '@waymark/core';
import { findCase, findCaseForUpdate } from '../db/cases-repository';
import type { CaseRow } from '../db/schema';
import type { Tx } from '../db/transaction';
import { failure, type Failure } from '../failure';
import { refuseIfErased } from './erased-records';
import { recordRef } from './record-ref';

/**
 * The case a route names, found through the scope condition (404 outside it, so another
 * agency's case is indistinguishable from none), then the verb on that record (403).
 * Locked for a write, so a closure approved meanwhile is seen before work lands on a closed case.
 */
export async function caseFor(tx: Tx, actor: Actor, id: string, verb: Verb, options: { forUpdate?: boolean } = {}): Promise<Result<CaseRow, Failure>> {
  const row = options.forUpdate ? await findCaseForUpdate(tx, actor, id) : await findCase(tx, actor, id);
  if (!row) return err(failure('not_found'));
  if (!can(actor, verb, recordRef(row))) return err(failure('forbidden'));
  const live = refuseIfErased(verb, row);
  if (!live.ok) return live;
  return ok(row);
}
