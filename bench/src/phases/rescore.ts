import { consoleOperatorActor, rescoreAll } from '@waymark/server';
import type { BenchTarget } from '../targets';
import { timed } from '../timing';

export interface RescoreFigures {
  rescored: number;
  rescoreMs: number;
  rawUpdateMs: number;
  ratio: number;
}

/**
 * `screen --all` (read each latest screening, re-score with the current instrument, append
 * the new screening, move the person's level, audit) against one raw UPDATE that sets the
 * same three person columns on the same rows.
 */
export async function benchRescore(target: BenchTarget, now: Date): Promise<RescoreFigures> {
  const actor = await consoleOperatorActor(target.database.db);
  const ours = await timed(() => rescoreAll(target.database, { actor, actorId: null, now, keyRing: target.keyRing }));
  await target.database.pool.query('vacuum analyze persons');
  const raw = await timed(() =>
    target.database.pool.query(
      `update persons set risk_level = risk_level, latest_screening_id = latest_screening_id, screened_at = now()
        where latest_screening_id is not null`,
    ),
  );
  await target.database.pool.query('vacuum analyze persons');
  return { rescored: ours.value.rescored, rescoreMs: ours.ms, rawUpdateMs: raw.ms, ratio: ours.ms / raw.ms };
}
