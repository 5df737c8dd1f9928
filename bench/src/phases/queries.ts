import { cutRelease } from '@waymark/server';
import type { BenchTarget } from '../targets';
import type { BenchHttp, BenchSession } from '../http-app';
import { percentile, timed } from '../timing';

export interface ListFigures {
  filters: Array<{ name: string; query: string; p50: number; p95: number; rawP50: number; ratio: number; total: number }>;
  p50: number;
  rawP50: number;
}

const REPEAT = 25;

/** Caseworkers' everyday lists: each through HTTP (auth, validation, presenter) vs the same SQL raw. */
export async function benchList(
  target: BenchTarget,
  http: BenchSession,
  operationId: string,
  today: Date,
  scoped: { session: BenchSession; agencyId: string },
): Promise<ListFigures> {
  const born = (years: number) => new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate())).toISOString().slice(0, 10);
  const cases = [
    { name: 'newest in operation', query: `operationId=${operationId}`, where: 'true', order: 'created_at desc, id' },
    { name: 'high or critical, by risk', query: `operationId=${operationId}&riskLevel=high,critical&sort=risk`, where: `risk_rank in (3, 4)`, order: 'risk_rank desc nulls last, created_at desc, id' },
    { name: 'girls 12–17 in urban areas', query: `operationId=${operationId}&sex=female&ageBracket=12-17&setting=urban`, where: `sex = 'female' and setting = 'urban' and birth_date_effective <= '${born(12)}' and birth_date_effective > '${born(18)}'`, order: 'created_at desc, id' },
    { name: 'unregistered, critical', query: `operationId=${operationId}&legalStatus=unregistered&riskLevel=critical`, where: `legal_status = 'unregistered' and risk_rank = 4`, order: 'created_at desc, id' },
    { name: 'name search', query: `operationId=${operationId}&name=mohammed`, where: `(name_text like '%mohammed%' or 'mohammed' <% name_text)`, order: 'created_at desc, id' },
    // The same lists as an agency-scoped caseworker sees them: held by their agency only.
    { name: 'newest, agency scope', as: scoped.session, query: `operationId=${operationId}`, where: `agency_id = '${scoped.agencyId}'`, order: 'created_at desc, id' },
    { name: 'high or critical, agency scope', as: scoped.session, query: `operationId=${operationId}&riskLevel=high,critical&sort=risk`, where: `agency_id = '${scoped.agencyId}' and risk_rank in (3, 4)`, order: 'risk_rank desc nulls last, created_at desc, id' },
    { name: 'name search, agency scope', as: scoped.session, query: `operationId=${operationId}&name=mohammed`, where: `agency_id = '${scoped.agencyId}' and (name_text like '%mohammed%' or 'mohammed' <% name_text)`, order: 'created_at desc, id' },
  ];
  const filters: ListFigures['filters'] = [];
  for (const c of cases) {
    const ours: number[] = [];
    let total = 0;
    for (let i = 0; i < REPEAT; i++) {
      const response = await ('as' in c && c.as ? c.as : http).get(`/api/v1/persons?${c.query}&limit=50`);
      if (response.status !== 200) throw new Error(`list ${c.name} answered ${response.status}`);
      total = (response.body as { total: number }).total;
      ours.push(response.ms);
    }
    const raw: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      const { ms } = await timed(() =>
        Promise.all([
          target.database.pool.query(`select * from persons where operation_id = $1 and ${c.where} order by ${c.order} limit 50`, [operationId]),
          // The same capped count the API runs (exact up to 10,000).
          target.database.pool.query(
            `select count(*) from (select 1 from persons where operation_id = $1 and ${c.where} limit 10001) m`,
            [operationId],
          ),
        ]),
      );
      raw.push(ms);
    }
    const p50 = percentile(ours, 50);
    const rawP50 = percentile(raw, 50);
    filters.push({ name: c.name, query: c.query, p50, p95: percentile(ours, 95), rawP50, ratio: p50 / rawP50, total });
  }
  return {
    filters,
    p50: percentile(filters.map((f) => f.p50), 50),
    rawP50: percentile(filters.map((f) => f.rawP50), 50),
  };
}

export interface AggregateFigures {
  p50: number;
  rawP50: number;
  ratio: number;
  healthIdleP50: number;
  healthUnderLoadP50: number;
  healthUnderLoadP99: number;
  healthSamples: number;
  /** Cutting the population release (migration 0038) once after the load, and the analyst's report from it. */
  releaseCutMs: number;
  releaseP50: number;
  releaseRatio: number;
}

/** Risk by admin area through HTTP vs raw SQL, then /health latency while aggregates run. */
export async function benchAggregate(target: BenchTarget, http: BenchHttp, operationId: string): Promise<AggregateFigures> {
  const ours: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < 7; i++) {
    const response = await http.get(`/api/v1/reports/risk-by-area?operationId=${operationId}`);
    if (response.status !== 200) throw new Error(`aggregate answered ${response.status}`);
    ours.push(response.ms);
    raw.push(
      (
        await timed(() =>
          target.database.pool.query(
            'select admin_area_code, risk_level, count(*) from persons where operation_id = $1 group by 1, 2 order by 1',
            [operationId],
          ),
        )
      ).ms,
    );
  }
  const idle: number[] = [];
  for (let i = 0; i < 50; i++) idle.push((await http.get('/api/v1/health')).ms);

  // Two aggregate loops keep the database busy (both cores) for ~5 s while health is sampled.
  const until = Date.now() + 5_000;
  const loops = [0, 1].map(async () => {
    while (Date.now() < until) await http.get(`/api/v1/reports/risk-by-area?operationId=${operationId}`);
  });
  const underLoad: number[] = [];
  while (Date.now() < until) {
    underLoad.push((await http.get('/api/v1/health')).ms);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await Promise.all(loops);

  // Analysts read the release: cut it (as the daily schedule does), then the same report from it.
  const cut = await timed(() => cutRelease(target.database.db, operationId, new Date()));
  const agency = await target.database.pool.query<{ id: string }>('select id from agencies where operation_id = $1 limit 1', [operationId]);
  const { session: analyst } = await http.member({ role: 'analyst', scope: 'operation', agencyId: agency.rows[0]!.id, operationIds: [operationId] });
  const released: number[] = [];
  for (let i = 0; i < 7; i++) {
    const response = await analyst.get(`/api/v1/reports/risk-by-area?operationId=${operationId}`);
    if (response.status !== 200) throw new Error(`released aggregate answered ${response.status}`);
    released.push(response.ms);
  }
  return {
    releaseCutMs: cut.ms,
    releaseP50: percentile(released, 50),
    releaseRatio: percentile(released, 50) / percentile(raw, 50),
    p50: percentile(ours, 50),
    rawP50: percentile(raw, 50),
    ratio: percentile(ours, 50) / percentile(raw, 50),
    healthIdleP50: percentile(idle, 50),
    healthUnderLoadP50: percentile(underLoad, 50),
    healthUnderLoadP99: percentile(underLoad, 99),
    healthSamples: underLoad.length,
  };
}
