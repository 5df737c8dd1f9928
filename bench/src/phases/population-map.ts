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
  /** Trials whose +1 the cell-key perturbation hid on the dashboard (the rollup held it). */
  freshnessHidden: number;
  /**
   * What the rollup triggers add to writes that go through them (API writes, the re-score):
   * up to REWRITE_SAMPLE screened persons and their screenings written again (persons first)
   * with the triggers on and off, in rolled-back transactions, alternating, 3 times each;
   * medians. The bulk loader appends its own deltas and no longer goes through them.
   */
  rewriteWithRollupsMs: number;
  rewriteWithoutRollupsMs: number;
  rewrittenPersons: number;
}

const RAW_SCAN = 'select admin_area_code, risk_level, count(*) from persons where operation_id = $1 group by 1, 2';
const ROLLUP_SQL = 'select admin_area_code, risk_level, sum(n) from population_rollup where operation_id = $1 group by 1, 2';

interface Table {
  columnTotals: Array<number | null> | null;
  rows: unknown;
  grandTotal: unknown;
}

/** Screened people in the operation as the rollup holds them (its true count, never published). */
async function screenedTruth(target: BenchTarget, operationId: string): Promise<number> {
  const { rows } = await target.database.pool.query<{ n: string | null }>(
    `select sum(n)::text as n from population_rollup where operation_id = $1 and risk_level is not null`,
    [operationId],
  );
  return Number(rows[0]?.n ?? 0);
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
  let hidden = 0;
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
    const truthBefore = await screenedTruth(target, operationId);
    const screened = await http.send('POST', `/api/v1/persons/${personId}/screenings`, { instrument: 'heightened-risk', responses: {} });
    const returned = process.hrtime.bigint();
    if (screened.status !== 201) throw new Error(`screening answered ${screened.status}`);
    // The cell-key method perturbs every published number from its contributors' record
    // keys, so a +1 shows as some other change, and now and then as none: the whole table
    // is watched, and a trial whose change the perturbation hid is counted apart once the
    // rollup itself (what the dashboard reads) is seen to hold the screening.
    const published = (table: Table) => JSON.stringify({ totals: table.columnTotals, rows: table.rows, grand: table.grandTotal });
    let moved = false;
    for (let poll = 0; poll < 40 && !moved; poll++) {
      moved = published((await http.get(dashboard)).body as Table) !== published(before);
      if (!moved) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (!moved) {
      if ((await screenedTruth(target, operationId)) !== truthBefore + 1) throw new Error('the new screening never reached the rollups');
      hidden++;
      continue;
    }
    freshness.push(Number(process.hrtime.bigint() - returned) / 1e6);
  }
  const overhead = await rollupOverhead(target);
  return {
    ...overhead,
    dashboardP50: percentile(ours, 50),
    rollupSqlP50: percentile(sql, 50),
    rawScanP50: percentile(raw, 50),
    ratio: percentile(ours, 50) / percentile(raw, 50),
    freshnessMs: freshness,
    freshnessMaxMs: freshness.length > 0 ? Math.max(...freshness) : Number.NaN,
    freshnessHidden: hidden,
  };
}

const TRIGGERS = ['persons_insert', 'screenings_insert'];
/** Enough rows for a stable figure; the whole of a 1,000,000-person population took 25 minutes a target. */
const REWRITE_SAMPLE = 100_000;

async function rollupOverhead(target: BenchTarget): Promise<Pick<PopulationMapFigures, 'rewriteWithRollupsMs' | 'rewriteWithoutRollupsMs' | 'rewrittenPersons'>> {
  const client = await target.database.pool.connect();
  const on: number[] = [];
  const off: number[] = [];
  let persons = 0;
  try {
    for (let round = 0; round < 6; round++) {
      const enabled = round % 2 === 0;
      await client.query('begin');
      if (!enabled) for (const t of TRIGGERS) await client.query(`alter table ${t.split('_')[0]} disable trigger population_rollup_${t}`);
      await client.query(
        `create temporary table rewrite on commit drop as
           select id as old_person, gen_random_uuid() as new_person, latest_screening_id as old_screening, gen_random_uuid() as new_screening
             from persons where latest_screening_id is not null limit ${REWRITE_SAMPLE}`,
      );
      const started = process.hrtime.bigint();
      const written = await client.query(
        `insert into persons (operation_id, id, site_id, given_name, family_name, other_names, sex, date_of_birth, birth_year, birth_year_estimated,
                              nationality, languages, setting, admin_area_code, legal_status, documents, care_situation, risk_level,
                              latest_screening_id, screened_at, agency_id, created_at, updated_at)
         select p.operation_id, r.new_person, p.site_id, p.given_name, p.family_name, p.other_names, p.sex, p.date_of_birth, p.birth_year, p.birth_year_estimated,
                p.nationality, p.languages, p.setting, p.admin_area_code, p.legal_status, p.documents, p.care_situation, p.risk_level,
                r.new_screening, p.screened_at, p.agency_id, p.created_at, p.updated_at
           from rewrite r join persons p on p.id = r.old_person`,
      );
      await client.query(
        `insert into screenings (operation_id, id, person_id, instrument_id, instrument_version, rule_version, responses, outcome, risk_level, screened_at, sealed_answers)
         select s.operation_id, r.new_screening, r.new_person, s.instrument_id, s.instrument_version, s.rule_version, coalesce(s.responses, '{}'), s.outcome, s.risk_level, s.screened_at, s.sealed_answers
           from rewrite r join screenings s on s.id = r.old_screening`,
      );
      (enabled ? on : off).push(Number(process.hrtime.bigint() - started) / 1e6);
      persons = written.rowCount ?? 0;
      await client.query('rollback');
    }
  } finally {
    client.release();
  }
  return { rewriteWithRollupsMs: percentile(on, 50), rewriteWithoutRollupsMs: percentile(off, 50), rewrittenPersons: persons };
}
