import { planViewRelease } from '@waymark/core';
import { labourRows } from '../../db/labour-repository';
import { programmesOfOperation } from '../../db/programmes-repository';
import type { Tx } from '../../db/transaction';
import { releasedViewRows, replaceViewRelease } from '../../db/view-release-repository';
import { liveCoverageRows } from '../programmes/programme-coverage';

export interface ViewReleaseCut {
  refreshed: number;
  held: number;
}

/**
 * The coverage of every programme and the labour layer, cut with the population release in
 * its transaction (cut-release.ts): in each, a family (a coverage measure, workplaces, people
 * linked) moves in an area only where at least k records of it changed since that area's
 * last release (core/disclosure/view-release.ts). A programme's in-need is people of the
 * population selected by its rule, and may be the very set a population view shows: it moves
 * only in a cut where the population release of its area moves too, so every in-need figure
 * is of a moment the population views of that area were released at, and subtracting the two
 * shows nothing that two population releases do not.
 */
export async function cutViewReleases(tx: Tx, operationId: string, k: number, populationRefreshed: readonly string[], now: Date): Promise<ViewReleaseCut> {
  const total: ViewReleaseCut = { refreshed: 0, held: 0 };
  const count = (plan: { refreshed: string[]; held: string[] }) => {
    total.refreshed += plan.refreshed.length;
    total.held += plan.held.length;
  };
  const labour = planViewRelease(await labourRows(tx, [operationId]), await releasedViewRows(tx, [operationId], 'labour-by-area', ''), k);
  await replaceViewRelease(tx, operationId, 'labour-by-area', '', labour.rows);
  count(labour);
  const populationMoved = new Set(populationRefreshed);
  for (const programme of await programmesOfOperation(tx, operationId)) {
    const live = await liveCoverageRows(tx, programme, now);
    const released = await releasedViewRows(tx, [operationId], 'programme-coverage', programme.id);
    const plan = planViewRelease(live, released, k, (family, area) => family !== 'inNeed' || populationMoved.has(area));
    await replaceViewRelease(tx, operationId, 'programme-coverage', programme.id, plan.rows);
    count(plan);
  }
  return total;
}
