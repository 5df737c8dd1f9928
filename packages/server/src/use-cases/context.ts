import type { Actor } from '@waymark/core';
import type { Db } from '../db/transaction';

/** What every use case receives: the database, who is acting, and the clock. */
export interface UseCaseContext {
  db: Db;
  actor: Actor;
  now: () => Date;
}
