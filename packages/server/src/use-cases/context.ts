import type { Actor } from '@waymark/core';
import type { KeyRing } from '../crypto/key-ring';
import type { Db } from '../db/transaction';
import type { PdfPool } from '../pdf/pdf-pool';

/** What every use case receives: the database, who is acting, and the clock. */
export interface UseCaseContext {
  db: Db;
  actor: Actor;
  now: () => Date;
  /** The server's key ring when configured: for use cases that seal or open highly sensitive values. */
  keyRing?: KeyRing;
  /** Where PDFs are drawn (worker threads); the process's shared pool unless the app was given one. */
  pdfs?: PdfPool;
  /** Where lists stop counting exactly (persons-repository COUNT_CAP unless configured). */
  listCountCap?: number;
}
