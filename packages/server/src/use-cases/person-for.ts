import { can, err, ok, type Actor, type Result, type Verb } from '@waymark/core';
import { findPerson, findPersonForUpdate } from '../db/persons-repository';
import type { PersonRow } from '../db/schema';
import type { Tx } from '../db/transaction';
import { failure, type Failure } from '../failure';
import { refuseIfErased } from './erased-records';
import { recordRef } from './record-ref';

/**
 * The person a route names, found through the scope condition (404 outside it, so another
 * agency's person is indistinguishable from none), then the verb on that record (403).
 * Locked for a write, so changes to one person's file are made one after another.
 */
export async function personFor(tx: Tx, actor: Actor, id: string, verb: Verb, options: { forUpdate?: boolean } = {}): Promise<Result<PersonRow, Failure>> {
  const row = options.forUpdate ? await findPersonForUpdate(tx, actor, id) : await findPerson(tx, actor, id);
  if (!row) return err(failure('not_found'));
  if (!can(actor, verb, recordRef(row))) return err(failure('forbidden'));
  const live = refuseIfErased(verb, row);
  if (!live.ok) return live;
  return ok(row);
}
