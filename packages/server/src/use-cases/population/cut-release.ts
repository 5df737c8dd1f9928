import { planRelease } from '@waymark/core';
import { areaChanges, recordReleaseCut, refreshReleasedAreas, tryReleaseLock } from '../../db/population-release-repository';
import type { Db } from '../../db/transaction';
import { cutViewReleases } from './cut-view-releases';
import { suppressionThresholdOf } from './disclosure-threshold';

export interface ReleaseCut {
  operationId: string;
  /** False when another process was cutting this operation's release. */
  cut: boolean;
  refreshed: number;
  held: number;
}

/**
 * Cuts an operation's release (issue 12 §2, time differencing): every area where at least k
 * people's figures moved since its last release gets its live rows; the others keep theirs.
 * One repeatable-read transaction, so what is measured is what is copied, and readers see
 * the release before or after, never between. Counts only leave this function.
 */
export async function cutRelease(db: Db, operationId: string, now: Date): Promise<ReleaseCut> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (tx) => {
      if (!(await tryReleaseLock(tx, operationId))) return { operationId, cut: false, refreshed: 0, held: 0 };
      const k = await suppressionThresholdOf(tx, operationId);
      const plan = planRelease(await areaChanges(tx, operationId), k);
      await refreshReleasedAreas(tx, operationId, plan.refresh, now);
      // Coverage and labour are cut in the same snapshot, so every release is one moment's.
      await cutViewReleases(tx, operationId, k, plan.refresh, now);
      await recordReleaseCut(tx, operationId, now, plan.refresh.length, plan.held.length);
      return { operationId, cut: true, refreshed: plan.refresh.length, held: plan.held.length };
    });
}
