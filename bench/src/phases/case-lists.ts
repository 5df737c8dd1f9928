import type { BenchHttp, BenchSession } from '../http-app';
import type { BenchTarget } from '../targets';
import { percentile, timed } from '../timing';
import { buildCasePopulation, type CasePopulation } from './case-population';

export interface CaseListFigure {
  name: string;
  path: string;
  p50: number;
  p95: number;
  rawP50: number;
  ratio: number;
  /** Items in the answer (the queue: the whole queue in scope). */
  items: number;
  /** Only where the case-work issue sets one: My work, the overdue list, the resettlement queue. */
  targetMs?: number;
}

export interface CaseFigures {
  population: CasePopulation;
  lists: CaseListFigure[];
}

const REPEAT = 25;
const list = (ids: readonly string[]) => ids.map((id) => `'${id}'::uuid`).join(', ');

interface Holder {
  operationId: string;
  code: string;
  agencyId: string;
}

async function holders(target: BenchTarget): Promise<Holder[]> {
  const { rows } = await target.database.pool.query<{ operation_id: string; code: string; agency_id: string }>(
    `select o.id as operation_id, o.code, a.id as agency_id from operations o join agencies a on a.operation_id = o.id and a.code = 'unhcr'
     where exists (select 1 from persons p where p.operation_id = o.id) order by o.code = 'LBN' desc, o.code`,
  );
  return rows.map((r) => ({ operationId: r.operation_id, code: r.code, agencyId: r.agency_id }));
}

/**
 * Case work over the loaded population (10% of persons with an open case), then the lists a
 * caseworker and a supervisor open every day, each through HTTP against the same SQL raw.
 * The caseworker is agency-scoped in the first operation and carries a usual caseload; the
 * supervisor is operation-scoped over every operation, so the queue is the whole queue.
 */
export async function benchCases(target: BenchTarget, http: BenchHttp, today: Date, seed: number, log: (line: string) => void): Promise<CaseFigures> {
  const ops = await holders(target);
  const first = ops[0]!;
  const caseworker = await http.member({ role: 'caseworker', scope: 'agency', agencyId: first.agencyId, operationIds: [first.operationId] });
  const supervisor = await http.member({ role: 'supervisor', scope: 'operation', agencyId: first.agencyId, operationIds: ops.map((o) => o.operationId) });
  const population = await buildCasePopulation(
    target,
    { operations: ops.map((o, i) => ({ operationId: o.operationId, code: o.code, agencyId: o.agencyId, ...(i === 0 ? { firstWorkerId: caseworker.userId } : {}) })) },
    today,
    seed,
    log,
  );
  const todayText = today.toISOString().slice(0, 10);
  const all = list(ops.map((o) => o.operationId));
  const mine = list([first.operationId]);
  const measures: Array<{ name: string; as: BenchSession; path: string; raw: string; params: unknown[]; count: (body: unknown) => number; targetMs?: number }> = [
    {
      name: 'My work (caseworker)',
      as: caseworker.session,
      path: '/api/v1/my-work',
      raw: `select case_tasks.*, cases.priority as case_priority, cases.status as case_status
              from case_tasks join cases on cases.operation_id = case_tasks.operation_id and cases.id = case_tasks.case_id
             where case_tasks.operation_id in (${mine}) and case_tasks.owner_user_id = $1 and case_tasks.done_at is null
               and cases.status <> 'closed' and (cases.operation_id in (${mine}) and cases.agency_id = $2)
             order by case_tasks.due_date asc nulls last,
                      case cases.priority when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end, case_tasks.id
             limit 100`,
      params: [caseworker.userId, first.agencyId],
      count: (body) => (body as { items: unknown[] }).items.length,
      targetMs: 50,
    },
    {
      name: 'children overdue (supervisor)',
      as: supervisor.session,
      path: '/api/v1/children/overdue',
      // The same statement as db/children-repository overdueChildItems (operation scope: persons.operation_id in …).
      raw: `with due as materialized (
              select * from (
                select 'bia'::text as kind, 0 as kind_rank, b.id, b.person_id as child_id, b.operation_id, b.due_date
                  from best_interests_assessments b
                 where b.operation_id in (${all}) and b.completed_at is null and b.due_date < $1::date
                union all
                select 'review'::text as kind, 1 as kind_rank, d.id, d.person_id as child_id, d.operation_id, d.review_due_on as due_date
                  from best_interests_determinations d
                 where d.operation_id in (${all}) and d.review_due_on < $1::date
                   and not exists (select 1 from best_interests_determinations n
                                    where n.operation_id = d.operation_id and n.person_id = d.person_id and (n.decision_date, n.id) > (d.decision_date, d.id))
              ) items order by due_date asc, kind_rank, child_id, id)
            select due.kind, due.id, due.child_id, due.due_date from due
             cross join lateral (select 1 from persons where persons.operation_id = due.operation_id and persons.id = due.child_id
                                   and persons.operation_id in (${all}) limit 1) held
             limit 200`,
      params: [todayText],
      count: (body) => (body as { items: unknown[] }).items.length,
      targetMs: 50,
    },
    {
      name: 'closure requests (supervisor)',
      as: supervisor.session,
      path: '/api/v1/cases/closure-requests',
      raw: `select * from cases where cases.operation_id in (${all}) and closure_requested_at is not null and status <> 'closed'
             order by closure_requested_at asc, id limit 200`,
      params: [],
      count: (body) => (body as { items: unknown[] }).items.length,
    },
    {
      name: 'workload (supervisor)',
      as: supervisor.session,
      path: '/api/v1/workload',
      // The raw baseline is the statement the list ran before migration 0046 (every open case and
      // task of the agency counted at read time); the route now sums the workload ledgers.
      raw: `with staff as (
              select u.id, u.display_name from users u
               where u.agency_id = $1::uuid and u.disabled_at is null
                 and exists (select 1 from user_operations uo where uo.user_id = u.id and uo.operation_id in (${all}))),
            held as (
              select c.assigned_user_id as user_id, count(*)::int as n from cases c
               where c.operation_id in (${all}) and c.agency_id = $1::uuid and c.status <> 'closed' group by c.assigned_user_id),
            owned as (
              select t.owner_user_id as user_id, count(*)::int as n, (count(*) filter (where t.due_date < $2::date))::int as overdue
                from case_tasks t
               where t.operation_id in (${all}) and t.done_at is null and t.owner_user_id in (select id from staff) group by t.owner_user_id)
            select s.id as user_id, s.display_name, coalesce(h.n, 0) as open_cases, coalesce(o.n, 0) as open_tasks, coalesce(o.overdue, 0) as overdue_tasks
              from staff s left join held h on h.user_id = s.id left join owned o on o.user_id = s.id
             order by open_cases desc, open_tasks desc, s.display_name, s.id limit 500`,
      params: [first.agencyId, todayText],
      count: (body) => (body as { items: unknown[] }).items.length,
      targetMs: 50,
    },
    {
      name: 'resettlement queue (supervisor)',
      as: supervisor.session,
      path: '/api/v1/resettlement-queue?offset=0&limit=50',
      // The same two statements as db/solutions-repository readQueue (operation scope): the queue's
      // histogram, and the page with a neighbour after it, chosen from migration 0024's table.
      raw: `select cases.priority_rank, cases.risk_rank, cases.waiting_since::text as waiting_since, count(*)::int as n
              from resettlement_queue as cases where cases.operation_id in (${all})
             group by cases.priority_rank, cases.risk_rank, cases.waiting_since;
            select q.case_id, q.priority_rank, q.risk_rank, q.waiting_since, rs.primary_category, rs.secondary_category
              from (select cases.operation_id, cases.case_id, cases.priority_rank, cases.risk_rank, cases.waiting_since::text as waiting_since,
                           case when cases.waiting_since between '0001-01-01'::date and '9999-12-31'::date
                             then least(greatest('${todayText}'::date - cases.waiting_since, 0), 2097151) else 0 end as days
                      from resettlement_queue as cases where cases.operation_id in (${all})
                     order by cases.priority_rank, cases.risk_rank desc, days desc, cases.case_id offset 0 limit 51) q
              join resettlement_submissions rs on rs.operation_id = q.operation_id and rs.case_id = q.case_id
             order by q.priority_rank, q.risk_rank desc, q.days desc, q.case_id`,
      params: [],
      count: (body) => (body as { total: number }).total,
      targetMs: 200,
    },
  ];
  const lists: CaseListFigure[] = [];
  for (const m of measures) {
    const ours: number[] = [];
    let items = 0;
    for (let i = 0; i < REPEAT; i++) {
      const response = await m.as.get(m.path);
      if (response.status !== 200) throw new Error(`${m.name} answered ${response.status}: ${JSON.stringify(response.body)}`);
      items = m.count(response.body);
      ours.push(response.ms);
    }
    const raw: number[] = [];
    for (let i = 0; i < REPEAT; i++) raw.push((await timed(() => target.database.pool.query(m.raw, m.params))).ms);
    const p50 = percentile(ours, 50);
    const rawP50 = percentile(raw, 50);
    lists.push({ name: m.name, path: m.path, p50, p95: percentile(ours, 95), rawP50, ratio: p50 / rawP50, items, targetMs: m.targetMs });
  }
  return { population, lists };
}
