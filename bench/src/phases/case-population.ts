import { confirmCategories, type DurableSolutionsAssessment, type ResettlementPriority, type SubmissionCategory } from '@waymark/core';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { BenchTarget } from '../targets';
import { timed } from '../timing';

/**
 * The case work of a loaded population, written with COPY in exactly the shape Waymark's use
 * cases write (openCase, addCaseTask, openBia/recordBid, updateDurableSolutions,
 * confirmResettlement): 10% of persons get an open case, most of them the high and critical
 * ones. Opening 100,000 cases one request at a time would measure the loader, not the lists;
 * the audit rows those requests would add are not written (no list measured here reads them).
 */

export interface CasePopulation {
  cases: number;
  tasks: number;
  openTasks: number;
  overdueTasks: number;
  bias: number;
  overdueBias: number;
  bids: number;
  overdueReviews: number;
  closureRequests: number;
  queued: number;
  workers: number;
  loadMs: number;
}

export interface CaseStaff {
  /** Per operation: the agency holding the cases and the measured caseworker, if any, first among its workers. */
  operations: Array<{ operationId: string; code: string; agencyId: string; firstWorkerId?: string }>;
}

type Value = string | number | boolean | null;

const CASELOAD = 60;
const DAY = 86_400_000;
const STATUSES = [
  ['identified', 15],
  ['assessment', 25],
  ['case_plan', 20],
  ['implementation', 25],
  ['follow_up', 15],
] as const;
const TITLES: Record<string, string[]> = {
  task: ['Call back to confirm the safe address', 'Check documents with the registration desk', 'Visit the household at home'],
  follow_up: ['Follow up after the referral', 'Check in by phone', 'Home visit to review the plan'],
  action: ['Refer to safe shelter', 'Arrange a protection interview', 'Emergency cash assistance', 'Legal counselling on residency'],
  service: ['Psychosocial support sessions', 'Livelihoods training enrolment', 'School enrolment'],
  referral: ['Referral to the anti-trafficking partner', 'Referral to health services', 'Referral to legal aid'],
};
// Recommended actions of the heightened-risk instrument, copied onto a case opened from a screening.
const SCREENING_ACTIONS = [
  ['immediate_safety_plan', 'Immediate safety plan'],
  ['anti_trafficking_referral', 'Referral to an anti-trafficking partner'],
  ['best_interests_assessment', 'Best interests assessment (BIA) within 2 days'],
] as const;
const KINDS = ['task', 'follow_up', 'action', 'service', 'referral'] as const;
const CATEGORIES: SubmissionCategory[] = [
  'legal_physical_protection',
  'women_girls_at_risk',
  'children_adolescents_at_risk',
  'survivors_violence_torture',
  'family_reunification',
  'lack_of_alternative_solutions',
];
const URGENCY_DAYS = { '2_days': 2, '1_week': 7, '30_days': 30, non_urgent: 90 } as const;

/** Deterministic (seeded) so two runs at one size build the same case work. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** UUID version 7 like Waymark's ids (time-ordered), so index locality matches production. */
function uuidv7(): string {
  const bytes = randomBytes(16);
  const now = Date.now();
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function field(value: Value): string {
  if (value === null) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : text;
}

async function copy(client: pg.PoolClient, table: string, columns: string[], rows: Value[][]): Promise<void> {
  function* chunks(): Generator<string> {
    let buffer = '';
    for (const row of rows) {
      buffer += row.map(field).join('\t') + '\n';
      if (buffer.length >= 1 << 20) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`)));
}

function pickStatus(r: number): string {
  let total = 0;
  for (const [status, weight] of STATUSES) {
    total += weight / 100;
    if (r < total) return status;
  }
  return 'follow_up';
}

function assessmentFor(personId: string, assessedOn: string, assessedBy: string): DurableSolutionsAssessment {
  return {
    subject: { kind: 'person', id: personId },
    assessedOn,
    assessedBy,
    solutions: {
      voluntary_repatriation: { status: 'not_feasible', wish: 'does_not_wish', traffickingRisk: { level: 'high', reasons: ['return_area_controlled_by_traffickers'] } },
      local_integration: { status: 'not_feasible', wish: 'undecided', traffickingRisk: { level: 'medium', reasons: ['no_work_authorisation'] } },
      resettlement: { status: 'preferred', wish: 'wishes', traffickingRisk: { level: 'low', reasons: [] } },
    },
  };
}

/** Caseworkers of each holding agency (about 60 open cases each), written like created users who never signed in. */
async function insertWorkers(client: pg.PoolClient, operationId: string, agencyId: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => uuidv7());
  await copy(
    client,
    'users',
    ['id', 'email', 'display_name', 'password_hash', 'role', 'scope', 'agency_id', 'must_change_password'],
    ids.map((id, i) => [id, `bench-worker-${id}@example.org`, `Bench worker ${i + 1}`, '!bench: never signs in', 'caseworker', 'agency', agencyId, true]),
  );
  await copy(client, 'user_operations', ['user_id', 'operation_id'], ids.map((id) => [id, operationId]));
  return ids;
}

interface Candidate {
  operation_id: string;
  id: string;
  agency_id: string;
  risk_level: string | null;
  latest_screening_id: string | null;
  child: boolean;
}

/**
 * Opens 10% of persons' cases with tasks, children's BIAs and BIDs, closure requests and a
 * resettlement queue of 10% of the cases, spread over caseworkers of the holding agency.
 */
export async function buildCasePopulation(target: BenchTarget, staff: CaseStaff, today: Date, seed: number, log: (line: string) => void): Promise<CasePopulation> {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const todayMs = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const adult = day(Date.UTC(today.getUTCFullYear() - 18, today.getUTCMonth(), today.getUTCDate()));
  const counts: CasePopulation = {
    cases: 0, tasks: 0, openTasks: 0, overdueTasks: 0, bias: 0, overdueBias: 0, bids: 0, overdueReviews: 0, closureRequests: 0, queued: 0, workers: 0, loadMs: 0,
  };
  const client = await target.database.pool.connect();
  try {
    const { ms } = await timed(async () => {
      await client.query('begin');
      for (const holder of staff.operations) {
        // The high and critical first (a screening proposes their case), then others by a stable shuffle.
        const { rows } = await client.query<Candidate>(
          `with ranked as (
             select operation_id, id, agency_id, risk_level, latest_screening_id, birth_date_effective > $3::date as child,
                    row_number() over (order by risk_rank desc nulls last, md5(id::text)) as n, count(*) over () as total
             from persons where operation_id = $1 and agency_id = $2 and anonymised_at is null)
           select operation_id, id, agency_id, risk_level, latest_screening_id, child from ranked where n <= total / 10`,
          [holder.operationId, holder.agencyId, adult],
        );
        if (rows.length === 0) continue;
        const workers = await insertWorkers(client, holder.operationId, holder.agencyId, Math.max(1, Math.ceil(rows.length / CASELOAD) - (holder.firstWorkerId ? 1 : 0)));
        if (holder.firstWorkerId) workers.unshift(holder.firstWorkerId);
        counts.workers += workers.length;
        const cases: Value[][] = [];
        const tasks: Value[][] = [];
        const bias: Value[][] = [];
        const bids: Value[][] = [];
        const assessments: Value[][] = [];
        const submissions: Value[][] = [];
        for (const [index, person] of rows.entries()) {
          const caseId = uuidv7();
          const worker = workers[index % workers.length]!;
          const status = pickStatus(random());
          const openedMs = todayMs - int(3, 540) * DAY;
          const opened = new Date(openedMs + int(8, 17) * 3_600_000).toISOString();
          const fromScreening = person.risk_level === 'high' || person.risk_level === 'critical' ? person.latest_screening_id : null;
          const priority = fromScreening ? person.risk_level! : 'medium';
          const closure = status === 'follow_up' && random() < 0.2;
          const closureAt = closure ? new Date(todayMs - int(0, 20) * DAY).toISOString() : null;
          cases.push([
            person.operation_id, caseId, person.id, person.agency_id, worker, status, priority, fromScreening, opened,
            closure ? worker : null, closureAt, closure ? 'Goals of the plan reached; the person agrees' : null, opened, worker, opened, worker,
          ]);
          counts.cases++;
          if (closure) counts.closureRequests++;
          // Tasks: later stages have more, and more of them done; open ones fall due around today.
          const stage = STATUSES.findIndex(([s]) => s === status);
          const taskCount = int(1, 2 + stage);
          for (let t = 0; t < taskCount; t++) {
            const kind = t === 0 && fromScreening ? 'action' : pick(KINDS);
            const done = t < taskCount - 2 && random() < 0.4 + stage * 0.1;
            const due = done ? todayMs - int(1, 300) * DAY : random() < 0.1 ? null : todayMs + int(-25, 60) * DAY;
            const owner = random() < 0.92 ? worker : null;
            const action = t === 0 && fromScreening ? pick(SCREENING_ACTIONS) : null;
            tasks.push([
              person.operation_id, uuidv7(), caseId, kind, action ? action[1] : pick(TITLES[kind]!), owner, due === null ? null : day(due),
              done ? 'done' : random() < 0.3 ? 'in_progress' : 'open', done ? new Date(due! + DAY).toISOString() : null,
              action ? action[0] : null, opened, worker, opened, worker,
            ]);
            counts.tasks++;
            if (!done) {
              counts.openTasks++;
              if (due !== null && due < todayMs) counts.overdueTasks++;
            }
          }
          // A child's case: a BIA (half completed), and a BID with its next review for most completed ones.
          if (person.child && random() < 0.5) {
            const urgency = pick(['2_days', '1_week', '30_days', 'non_urgent'] as const);
            const identifiedMs = Math.max(openedMs, todayMs - int(5, 400) * DAY);
            const dueMs = identifiedMs + URGENCY_DAYS[urgency] * DAY;
            const completedMs = random() < 0.5 ? Math.min(todayMs, dueMs + int(-1, 10) * DAY) : null;
            const biaId = uuidv7();
            bias.push([
              person.operation_id, biaId, person.id, caseId, urgency, urgency, priority === 'critical' ? 'critical_screening' : 'high_screening', true,
              day(identifiedMs), day(dueMs), completedMs === null ? null : day(Math.max(completedMs, identifiedMs)), opened, worker, opened, worker,
            ]);
            counts.bias++;
            if (completedMs === null && dueMs < todayMs) counts.overdueBias++;
            if (completedMs !== null && random() < 0.8) {
              const assessed = Math.max(completedMs, identifiedMs);
              const decided = assessed + int(1, 20) * DAY;
              const review = decided + int(60, 183) * DAY;
              bids.push([
                person.operation_id, uuidv7(), person.id, biaId, '{exceptional_temporary_care}',
                JSON.stringify([
                  { memberId: 'chair-1', role: 'chair', confidentialityUndertakingSigned: true },
                  { memberId: 'cp-1', role: 'child_protection', confidentialityUndertakingSigned: true },
                  { memberId: 'prot-1', role: 'protection', confidentialityUndertakingSigned: true },
                ]),
                day(assessed), random() < 0.8 ? 'agrees' : 'disagrees', null, null, pick(['keep_care_arrangement', 'change_care_arrangement', 'local_integration']),
                day(decided), day(review), 'interval', opened, worker,
              ]);
              counts.bids++;
              if (review < todayMs) counts.overdueReviews++;
            }
          }
          // The resettlement queue: one case in ten, past the case-plan stage, with the other solutions assessed first.
          if (stage >= 2 && random() < 0.1 / 0.6) {
            const assessedMs = Math.max(openedMs, todayMs - int(10, 700) * DAY);
            const assessment = assessmentFor(person.id, day(assessedMs), worker);
            assessments.push([person.operation_id, caseId, day(assessedMs), worker, JSON.stringify(assessment.solutions), '[]', worker]);
            const primary = pick(CATEGORIES);
            const secondary = random() < 0.4 ? pick(CATEGORIES.filter((c) => c !== primary)) : null;
            const priorityOfQueue: ResettlementPriority = random() < 0.05 ? 'emergency' : random() < 0.3 ? 'urgent' : 'normal';
            const confirmedAt = new Date(assessedMs + int(1, 30) * DAY);
            const confirmed = confirmCategories({
              choice: { primary, secondary, priority: priorityOfQueue },
              suggestions: [],
              confirmedBy: worker,
              confirmedAt: confirmedAt.toISOString(),
              context: { assessment },
            });
            if (!confirmed.ok) throw new Error(`bench resettlement choice refused: ${confirmed.error.map((p) => p.code).join(', ')}`);
            submissions.push([
              person.operation_id, caseId, primary, secondary, priorityOfQueue, JSON.stringify(confirmed.value), '[]', worker,
              confirmedAt.toISOString(), day(Math.min(todayMs, confirmedAt.getTime())),
            ]);
            counts.queued++;
          }
        }
        await copy(client, 'cases', [
          'operation_id', 'id', 'person_id', 'agency_id', 'assigned_user_id', 'status', 'priority', 'opened_from_screening_id', 'opened_at',
          'closure_requested_by', 'closure_requested_at', 'closure_requested_reason', 'created_at', 'created_by', 'updated_at', 'updated_by',
        ], cases);
        await copy(client, 'case_tasks', [
          'operation_id', 'id', 'case_id', 'kind', 'title', 'owner_user_id', 'due_date', 'status', 'done_at', 'created_from', 'created_at', 'created_by', 'updated_at', 'updated_by',
        ], tasks);
        await copy(client, 'best_interests_assessments', [
          'operation_id', 'id', 'person_id', 'case_id', 'urgency', 'suggested_urgency', 'suggested_because', 'required', 'identified_at', 'due_date', 'completed_at',
          'created_at', 'created_by', 'updated_at', 'updated_by',
        ], bias);
        await copy(client, 'best_interests_determinations', [
          'operation_id', 'id', 'person_id', 'bia_id', 'reason_codes', 'panel', 'assessment_date', 'child_views_kind', 'child_not_heard_reason', 'child_views_text',
          'recommendation', 'decision_date', 'review_due_on', 'review_due_reason', 'created_at', 'created_by',
        ], bids);
        await copy(client, 'durable_solution_assessments', ['operation_id', 'case_id', 'assessed_on', 'assessed_by', 'solutions', 'warnings', 'updated_by'], assessments);
        // Migration 0024's triggers put each confirmed submission on the queue table as it is copied.
        await copy(client, 'resettlement_submissions', [
          'operation_id', 'case_id', 'primary_category', 'secondary_category', 'priority', 'confirmed', 'suggested', 'confirmed_by', 'confirmed_at', 'waiting_since',
        ], submissions);
        log(`  cases: ${cases.length} in ${holder.code} (${tasks.length} tasks, ${workers.length} workers)`);
      }
      await client.query('commit');
    });
    counts.loadMs = ms;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
  // Vacuumed as autovacuum would have by the time such a caseload exists, so index-only scans count as in production.
  await target.database.pool.query('vacuum analyze cases, case_tasks, best_interests_assessments, best_interests_determinations, durable_solution_assessments, resettlement_submissions, resettlement_queue, users, user_operations');
  return counts;
}
