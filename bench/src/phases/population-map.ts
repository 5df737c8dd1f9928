import type { BenchHttp } from '../http-app';
import type { BenchTarget } from '../targets';
import { percentile, timed } from '../timing';

export interface PopulationMapFigures {
  /** GET /api/v1/population/aggregates (governorates × risk level) over HTTP, p50 of 15. */
  dashboardP50: number;
  /** The rollup query alone, through pg (what the dashboard's database work costs). */
  rollupSqlP50: number;
  /** The same numbers scanned from persons, through pg, p50 of 15. */
  rawScanP50: number;
  /** dashboardP50 / rawScanP50 (target ≤ 0.25 at 1,000,000 persons). */
  ratio: number;
  /** From the screening POST returning to the dashboard API showing it, each of 5 trials. */
  freshnessMs: number[];
  freshnessMaxMs: number;
}

const RAW_SCAN = 'select admin_area_code, risk_level, count(*) from persons where operation_id = $1 group by 1, 2';
const ROLLUP_SQL = 'select admin_area_code, risk_level, sum(n) from population_rollup where operation_id = $1 group by 1, 2';

interface Table {
  columns: Array<{ key: string }>;
  columnTotals: Array<number | null> | null;
}

/**
 * The population map's dashboard against the raw aggregate scan of the same numbers, and
 * how soon a new screening shows on it: a person registered and screened through the API,
 * then the dashboard polled until its column total for the level found has moved.
 */
export async function benchPopulationMap(target: BenchTarget, http: BenchHttp, operationId: string): Promise<PopulationMapFigures> {
  const dashboard = `/api/v1/population/aggregates?operationId=${operationId}&view=risk_level&by=area&level=1`;
  const ours: number[] = [];
  const sql: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < 15; i++) {
    const response = await http.get(dashboard);
    if (response.status !== 200) throw new Error(`dashboard answered ${response.status}`);
    ours.push(response.ms);
    sql.push((await timed(() => target.database.pool.query(ROLLUP_SQL, [operationId]))).ms);
    raw.push((await timed(() => target.database.pool.query(RAW_SCAN, [operationId]))).ms);
  }

  const { rows } = await target.database.pool.query<{ id: string; admin_area_code: string }>(
    `select id, admin_area_code from sites where operation_id = $1 and admin_area_code is not null order by code limit 1`,
    [operationId],
  );
  const site = rows[0]!;
  const freshness: number[] = [];
  for (let trial = 0; trial < 5; trial++) {
    const created = await http.send('POST', '/api/v1/persons', {
      givenName: 'Bench',
      familyName: `Fresh ${trial}`,
      sex: 'female',
      birthYear: 1990,
      operationId,
      siteId: site.id,
      adminAreaCode: site.admin_area_code,
    });
    if (created.status !== 201) throw new Error(`registration answered ${created.status}: ${JSON.stringify(created.body)}`);
    const personId = (created.body as { id: string }).id;
    const consent = await http.send('POST', `/api/v1/persons/${personId}/consents`, { purpose: 'case_management', decision: 'given', method: 'written', givenBy: 'self' });
    if (consent.status !== 201) throw new Error(`consent answered ${consent.status}`);
    const before = (await http.get(dashboard)).body as Table;
    const screened = await http.send('POST', `/api/v1/persons/${personId}/screenings`, { instrument: 'heightened-risk', responses: {} });
    const returned = process.hrtime.bigint();
    if (screened.status !== 201) throw new Error(`screening answered ${screened.status}`);
    const level = (screened.body as { riskLevel: string }).riskLevel;
    const at = before.columns.findIndex((c) => c.key === level);
    // The level's column total over the whole operation is large, so never withheld (the
    // "not screened" one can be: the demo population is screened on registration).
    const was = before.columnTotals?.[at];
    if (was === null || was === undefined) throw new Error(`the ${level} column total is withheld: cannot see the screening arrive`);
    for (let poll = 0; ; poll++) {
      const now = (await http.get(dashboard)).body as Table;
      const moved = now.columnTotals?.[at] === was + 1;
      if (moved) break;
      if (poll > 200) throw new Error('the new screening never showed on the dashboard');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    freshness.push(Number(process.hrtime.bigint() - returned) / 1e6);
  }
  return {
    dashboardP50: percentile(ours, 50),
    rollupSqlP50: percentile(sql, 50),
    rawScanP50: percentile(raw, 50),
    ratio: percentile(ours, 50) / percentile(raw, 50),
    freshnessMs: freshness,
    freshnessMaxMs: Math.max(...freshness),
  };
}
