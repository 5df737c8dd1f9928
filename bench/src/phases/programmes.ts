import type { BenchHttp, BenchSession } from '../http-app';
import type { BenchTarget } from '../targets';
import { percentile, timed } from '../timing';

export interface ProgrammeFigures {
  /** People the rule selects in the operation (estimated in need). */
  inNeed: number;
  targets: { p50: number; p95: number; rawP50: number; ratio: number; total: number };
  coverage: { p50: number; p95: number; rawP50: number; ratio: number };
}

const REPEAT = 15;

/** The example: women 18–59 in urban settings with economic-survival risk ≥ medium. */
const RULE = {
  all: [
    { field: 'sex', op: 'in', values: ['female'] },
    { field: 'ageBracket', op: 'in', values: ['18-59'] },
    { field: 'setting', op: 'in', values: ['urban'] },
    { field: 'domain.economic_survival', op: 'gte', value: 'medium' },
  ],
};

/**
 * A programme over the loaded population: its target list as an agency-scoped caseworker
 * sees it (first page and the capped count) and its coverage, each against the same
 * numbers asked of PostgreSQL directly, with the rule written out by hand.
 */
export async function benchProgrammes(target: BenchTarget, http: BenchHttp, operationId: string, today: Date, scoped: { session: BenchSession; agencyId: string }): Promise<ProgrammeFigures> {
  const created = await http.send('POST', '/api/v1/programmes', { operationId, name: `Bench ${Date.now()}`, kind: 'livelihoods', rule: RULE, capacity: 1_000_000 });
  if (created.status !== 201) throw new Error(`bench programme not created: ${created.status} ${JSON.stringify(created.body)}`);
  const id = (created.body as { id: string }).id;
  const y = today.getUTCFullYear();
  const day = (years: number) => `${y - years}-${String(today.getUTCMonth() + 1).padStart(2, '0')}-${String(today.getUTCDate()).padStart(2, '0')}`;
  const ageAtLeast = (n: number) => `(case when date_of_birth is not null then date_of_birth <= '${day(n)}'::date else birth_year <= ${y - n} end)`;
  const rule = `sex = 'female' and setting = 'urban' and ${ageAtLeast(18)} and not ${ageAtLeast(60)}
    and exists (select 1 from screenings s where s.operation_id = persons.operation_id and s.id = persons.latest_screening_id
      and exists (select 1 from jsonb_array_elements(s.outcome->'domains') d where d->>'domain' = 'economic_survival' and d->>'level' in ('medium', 'high')))`;

  const ours: number[] = [];
  let total = 0;
  for (let i = 0; i < REPEAT; i++) {
    const response = await scoped.session.get(`/api/v1/programmes/${id}/targets?limit=50`);
    if (response.status !== 200) throw new Error(`target list answered ${response.status}`);
    total = (response.body as { total: number }).total;
    ours.push(response.ms);
  }
  const raw: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const { ms } = await timed(() =>
      Promise.all([
        target.database.pool.query(`select * from persons where operation_id = $1 and agency_id = $2 and anonymised_at is null and ${rule} order by risk_rank desc nulls last, created_at desc, id limit 50`, [operationId, scoped.agencyId]),
        target.database.pool.query(`select count(*) from (select 1 from persons where operation_id = $1 and agency_id = $2 and anonymised_at is null and ${rule} limit 10001) m`, [operationId, scoped.agencyId]),
      ]),
    );
    raw.push(ms);
  }

  const coverage: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const response = await http.get(`/api/v1/programmes/${id}/coverage`);
    if (response.status !== 200) throw new Error(`coverage answered ${response.status}`);
    coverage.push(response.ms);
  }
  const rawCoverage: number[] = [];
  let inNeed = 0;
  for (let i = 0; i < REPEAT; i++) {
    const { ms, value } = await timed(() =>
      target.database.pool.query<{ n: string }>(
        `select admin_area_code, sex, (case when date_of_birth is not null then extract(year from age('${today.toISOString().slice(0, 10)}'::date, date_of_birth))::int else ${y} - birth_year end) as age, count(*) as n
         from persons where operation_id = $1 and anonymised_at is null and ${rule} group by 1, 2, 3`,
        [operationId],
      ),
    );
    inNeed = value.rows.reduce((sum, row) => sum + Number(row.n), 0);
    rawCoverage.push(ms);
  }
  const p50 = percentile(ours, 50);
  const rawP50 = percentile(raw, 50);
  const coverageP50 = percentile(coverage, 50);
  const rawCoverageP50 = percentile(rawCoverage, 50);
  return {
    inNeed,
    targets: { p50, p95: percentile(ours, 95), rawP50, ratio: p50 / rawP50, total },
    coverage: { p50: coverageP50, p95: percentile(coverage, 95), rawP50: rawCoverageP50, ratio: coverageP50 / rawCoverageP50 },
  };
}
