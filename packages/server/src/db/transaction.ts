import type { Result } from '@waymark/core';
import type { Kysely, Transaction } from 'kysely';
import type { Failure } from '../failure';
import { failureFromPostgres } from './postgres-errors';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;

class Rollback {
  constructor(readonly failure: Failure) {}
}

/**
 * The one place a unit of work commits or rolls back (ODK Central's habit): the change and
 * its audit row land together or not at all. A failed Result rolls back everything.
 */
export async function transact<T>(db: Db, work: (tx: Tx) => Promise<Result<T, Failure>>): Promise<Result<T, Failure>> {
  try {
    return await db.transaction().execute(async (tx) => {
      const result = await work(tx);
      if (!result.ok) throw new Rollback(result.error);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return { ok: false, error: error.failure };
    const mapped = failureFromPostgres(error);
    if (mapped) return { ok: false, error: mapped };
    throw error;
  }
}
