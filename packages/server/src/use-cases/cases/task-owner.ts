import { err, ok, type Result } from '@waymark/core';
import type { Tx } from '../../db/transaction';
import { isEligibleAssignee } from '../../db/users-admin-repository';
import { failure, type Failure } from '../../failure';

/**
 * A task's owner works for the agency that holds the case, in its operation: tasks never
 * hand a case's work (and sight of it) to another agency. Referrals to other agencies are
 * tasks owned here that name the referral; the receiving agency gets its own record.
 */
export async function checkTaskOwner(tx: Tx, owner: string | null, place: { operation_id: string; agency_id: string }, path: string): Promise<Result<string | null, Failure>> {
  if (owner === null) return ok(null);
  if (await isEligibleAssignee(tx, owner, place.operation_id, place.agency_id)) return ok(owner);
  return err(failure('validation_failed', undefined, [{ path, code: 'not_eligible', message: "not an enabled user of the case's agency in this operation" }]));
}
