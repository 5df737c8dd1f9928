import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { highlySensitiveItemIds, mayReadField, ROLES, TOPIC_OF_DOMAIN, type Actor, type Role } from '@waymark/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGGREGATE_VIEWS } from '../src/exports/registry';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { derivedStrings, distinct, itemStrings, leaksIn, likePatterns, type Forbidden, type ScreeningView } from './leak-matrix/forbidden';
import { readRoutes, readsOf, routeKey, viewParams, type Read, type Subject, type Surroundings } from './leak-matrix/reads';
import { scenarios, type Scenario } from './leak-matrix/scenarios';
import { pdfText } from './pdf-text';
import { startTestApp, type Client, type TestApp } from './test-app';

const NOW = new Date('2026-06-15T10:00:00Z');
const execFileAsync = promisify(execFile);
const WAYMARK = fileURLToPath(new URL('../../cli/bin/waymark.mjs', import.meta.url));

interface Reader {
  actor: Actor;
  client: Client;
  email: string;
}

interface Screened {
  scenario: Scenario;
  subject: Subject;
  topic: string;
  /** What this person's hidden answers name or raised. */
  forbidden: Forbidden[];
}

/**
 * The leak matrix (issue 12 §1): for every highly sensitive item of the shipped instruments
 * and each of its answers (scenarios.ts), a woman screened with that answer by a cleared
 * supervisor, a case opened from the screening when it proposes one (tasks copied from its
 * actions), and then every reader the rule book does not clear for the item's topic (every
 * role, at operation scope, not the person's assigned worker) reads every GET route of the
 * route table (reads.ts: JSON, PDF, exports in every format, problem answers alike) and
 * `waymark export` writes every aggregate view. None of it may hold the item's id, choice
 * values, labels, help or reasons in any language, nor the ids, reasons, action labels and
 * explanation lines that a cleared reader sees and the same woman screened without those
 * answers (her twin) does not (forbidden.ts). A final dump of every table finds none of
 * them in clear either. New items, routes, views and roles join by themselves.
 */
describe.each(databaseTargets())('leak matrix of highly sensitive answers on $name PostgreSQL', (target) => {
  let app: TestApp;
  let supervisor: Client;
  let around: Surroundings;
  const readers: Reader[] = [];
  const screened: Screened[] = [];
  let twin: Subject;
  let women = 0;

  const fetchText = async (client: Client, url: string): Promise<{ status: number; text: string }> => {
    const response = await fetch(app.url + url, { headers: { cookie: client.cookie ?? '' } });
    const bytes = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type') ?? '';
    // XLSX is a zip of XML: the same table the CSV and HXL variants of the read write out.
    if (type.includes('spreadsheetml')) return { status: response.status, text: '' };
    return { status: response.status, text: type.includes('pdf') ? pdfText(bytes) : bytes.toString('utf8') };
  };

  /** Runs reads a few at a time: the server is in this process, so waiting on PostgreSQL overlaps. */
  async function each<T>(items: T[], run: (item: T) => Promise<void>, width = 8): Promise<void> {
    let next = 0;
    await Promise.all(Array.from({ length: width }, async () => {
      while (next < items.length) await run(items[next++]!);
    }));
  }

  async function person(label: string, answers: Record<string, unknown>, assignee: string): Promise<{ subject: Subject; view: ScreeningView & { riskLevel: string } }> {
    const household = await supervisor.request('POST', '/api/v1/households', {
      members: [{ givenName: 'Leak', familyName: `Woman ${++women}`, sex: 'female', birthYear: 1996, relationshipToHead: 'head', adminAreaCode: 'AREA-LEAK' }],
    });
    expect(household.status, JSON.stringify(household.body)).toBe(201);
    const created = household.body as { id: string; members: { id: string }[] };
    const personId = created.members[0]!.id;
    await giveConsent(supervisor, personId);
    const screening = await supervisor.request('POST', `/api/v1/persons/${personId}/screenings`, { instrument: 'heightened-risk', responses: answers });
    expect(screening.status, `${label}: ${JSON.stringify(screening.body)}`).toBe(201);
    const view = screening.body as ScreeningView & { id: string; riskLevel: string };
    let caseId: string | null = null;
    let caseNumber: string | null = null;
    let taskIds: string[] = [];
    if (view.riskLevel === 'high' || view.riskLevel === 'critical') {
      const opened = await supervisor.request('POST', '/api/v1/cases', { fromScreeningId: view.id });
      expect(opened.status, JSON.stringify(opened.body)).toBe(201);
      const body = opened.body as { id: string; caseNumber: string; tasks: { id: string }[] };
      caseId = body.id;
      caseNumber = body.caseNumber;
      taskIds = body.tasks.map((task) => task.id);
    }
    await app.database.db.updateTable('persons').set({ assigned_user_id: assignee, team_id: null }).where('id', '=', personId).execute();
    await app.database.db.updateTable('households').set({ assigned_user_id: assignee, team_id: null }).where('id', '=', created.id).execute();
    if (caseId) await app.database.db.updateTable('cases').set({ assigned_user_id: assignee, team_id: null }).where('id', '=', caseId).execute();
    return { subject: { personId, householdId: created.id, caseId, caseNumber, taskIds }, view };
  }

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => NOW });
    supervisor = await app.as('supervisor', undefined, { scope: 'operation' });
    // The women's assigned worker: need-to-know makes her a cleared reader, so not one of the matrix's.
    const assigned = (await app.as('caseworker')).userId!;
    for (const role of ROLES) {
      const client = await app.as(role as Role, undefined, { scope: 'operation' });
      const user = await app.database.db.selectFrom('users').select('email').where('id', '=', client.userId!).executeTakeFirstOrThrow();
      readers.push({ client, email: user.email, actor: { userId: client.userId!, role: role as Role, scope: 'operation', agencyId: app.agencyId, teamIds: [], operationIds: [app.operationId] } });
    }

    const programme = await supervisor.request('POST', '/api/v1/programmes', {
      kind: 'trafficking_awareness',
      capacity: 1000,
      operationId: app.operationId,
      name: 'Leak matrix',
      rule: { field: 'sex', op: 'in', values: ['female'] },
    });
    expect(programme.status, JSON.stringify(programme.body)).toBe(201);
    const workplace = await supervisor.request('POST', '/api/v1/workplaces', { operationId: app.operationId, name: 'Leak farm', sector: 'A_AgricultureForestryAndFishing', adminAreaCode: 'AREA-LEAK' });
    expect(workplace.status, JSON.stringify(workplace.body)).toBe(201);
    around = { operationId: app.operationId, agencyId: app.agencyId, programmeIds: [(programme.body as { id: string }).id], workplaceIds: [(workplace.body as { id: string }).id] };

    // Her twin: screened with nothing that the matrix hides (the same registration, no answers).
    const twinned = await person('twin', {}, assigned);
    twin = twinned.subject;
    for (const scenario of scenarios()) {
      const sensitive = highlySensitiveItemIds(scenario.instrument);
      const hidden = Object.keys(scenario.answers).filter((id) => sensitive.has(id));
      const topics = new Set(hidden.map((id) => TOPIC_OF_DOMAIN[scenario.instrument.items.find((item) => item.id === id)!.domain]));
      // One topic a woman: a reader is cleared for all of her hidden answers or for none.
      expect(topics.size, scenario.label).toBe(1);
      const clear = Object.fromEntries(Object.entries(scenario.answers).filter(([id]) => !sensitive.has(id)));
      expect(clear, `${scenario.label}: its show-if needs an answer that is not highly sensitive; screen a twin with it`).toEqual({});
      const { subject, view } = await person(scenario.label, scenario.answers, assigned);
      const forbidden = [
        ...hidden.flatMap((id) => itemStrings(scenario.instrument, scenario.instrument.items.find((item) => item.id === id)!)),
        ...derivedStrings(view, twinned.view),
      ];
      screened.push({ scenario, subject, topic: [...topics][0]!, forbidden });
    }
  }, 600_000);
  afterAll(() => app.close());

  const uncleared = (reader: Reader, woman: Screened) =>
    !mayReadField(reader.actor, { sensitivity: 'highly_sensitive', topic: woman.topic as never }, { assignedUserId: null });

  it('covers every highly sensitive item and answer, and some reader is uncleared for each', () => {
    expect(screened.length).toBeGreaterThan(0);
    for (const woman of screened) {
      expect(readers.some((reader) => uncleared(reader, woman)), woman.scenario.label).toBe(true);
      expect(woman.forbidden.length, woman.scenario.label).toBeGreaterThan(0);
    }
    // The review's two repros are cells of the matrix.
    const overrides = new Set(screened.flatMap((woman) => woman.forbidden.filter((f) => f.what.startsWith('override ')).map((f) => f.text)));
    expect(overrides).toContain('sexual_violence_last_72_hours');
    expect(overrides).toContain('child_recruited_by_armed_group');
  });

  it('every read route answers a cleared reader (else the matrix would not be reading it)', async () => {
    const { perSubject, global } = readRoutes();
    const withCase = screened.find((woman) => woman.subject.caseId !== null && woman.subject.taskIds.length > 0)!.subject;
    const admin = readers.find((reader) => reader.actor.role === 'administrator')!;
    const unread: string[] = [];
    for (const op of [...perSubject, ...global]) {
      const reads = readsOf(op, withCase, around);
      let answered = false;
      for (const read of reads) {
        for (const client of [admin.client, supervisor]) {
          const { status } = await fetchText(client, read.url);
          if (status >= 200 && status < 300) answered = true;
          if (answered) break;
        }
        if (answered) break;
      }
      if (!answered) unread.push(`${routeKey(op.method, op.path)} (${reads.length} reads)`);
    }
    expect(unread).toEqual([]);
  }, 300_000);

  it('no uncleared reader finds a hidden answer, or anything it raised, in any read about the woman', async () => {
    const { perSubject } = readRoutes();
    const leaks: string[] = [];
    const jobs: Array<{ reader: Reader; woman: Screened; read: Read }> = [];
    for (const woman of screened) {
      for (const reader of readers.filter((candidate) => uncleared(candidate, woman))) {
        for (const op of perSubject) for (const read of readsOf(op, woman.subject, around)) jobs.push({ reader, woman, read });
      }
    }
    await each(jobs, async ({ reader, woman, read }) => {
      const { status, text } = await fetchText(reader.client, read.url);
      for (const found of leaksIn(text, woman.forbidden)) leaks.push(`${reader.actor.role} ${read.route} (${status}) about "${woman.scenario.label}": ${found.what}`);
    });
    expect(jobs.length).toBeGreaterThan(100);
    expect([...new Set(leaks)].slice(0, 40)).toEqual([]);
  }, 300_000);

  it('no uncleared reader finds one in a list, report, export or the audit trail', async () => {
    const { global } = readRoutes();
    const leaks: string[] = [];
    const jobs: Array<{ reader: Reader; forbidden: Forbidden[]; read: Read }> = [];
    for (const reader of readers) {
      const forbidden = distinct(screened.filter((woman) => uncleared(reader, woman)).flatMap((woman) => woman.forbidden));
      if (forbidden.length === 0) continue;
      for (const op of global) for (const read of readsOf(op, twin, around)) jobs.push({ reader, forbidden, read });
    }
    await each(jobs, async ({ reader, forbidden, read }) => {
      const { status, text } = await fetchText(reader.client, read.url);
      for (const found of leaksIn(text, forbidden)) leaks.push(`${reader.actor.role} ${read.url} (${status}): ${found.what}`);
    });
    expect([...new Set(leaks)].slice(0, 40)).toEqual([]);
  }, 300_000);

  it('waymark export writes none of it, for any view', async () => {
    const analyst = readers.find((reader) => reader.actor.role === 'analyst')!;
    const forbidden = distinct(screened.flatMap((woman) => woman.forbidden));
    const dir = mkdtempSync(join(tmpdir(), 'waymark-leak-'));
    try {
      const runs = await Promise.all(
        AGGREGATE_VIEWS.map(async (view) => {
          const out = join(dir, `${view.id}.csv`);
          const { operationId, ...own } = viewParams(view.id, around);
          const args = [...(operationId ? ['--operation', 'test'] : []), ...Object.entries(own).flatMap(([name, value]) => ['--param', `${name}=${value}`])];
          const run = await execFileAsync(process.execPath, [WAYMARK, 'export', view.id, '--format', 'csv', ...args, '--out', out, '--as', analyst.email], {
            env: { ...process.env, DATABASE_URL: app.database.url, WAYMARK_LOG_LEVEL: 'warn' },
            encoding: 'utf8',
            timeout: 180_000,
          });
          return { view: view.id, text: `${run.stdout}\n${run.stderr}\n${readFileSync(out, 'utf8')}` };
        }),
      );
      for (const { view, text } of runs) {
        expect(text.length, view).toBeGreaterThan(0);
        expect(leaksIn(text, forbidden).map((found) => `${view}: ${found.what}`)).toEqual([]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('a dump of the database holds none of it in clear, and no aggregate counts a domain only highly sensitive answers raise', async () => {
    const forbidden = distinct(screened.flatMap((woman) => woman.forbidden));
    const patterns = likePatterns(forbidden);
    // Every table that holds people's data (each keeps operation_id in its key), the audit trail and rollups included.
    const { rows: tables } = await sql<{ name: string }>`
      select quote_ident(t.table_name) as name from information_schema.tables t
       where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
         and exists (select 1 from information_schema.columns c
                      where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'operation_id')
       order by 1`.execute(app.database.db);
    expect(tables.map((table) => table.name)).toEqual(expect.arrayContaining(['screenings', 'case_tasks', 'audit_events', 'persons']));
    // The search can fail: a row holding one of the strings, as to_jsonb writes it, is found.
    const probe = forbidden.find((entry) => entry.what.startsWith('reason of override'))!;
    const { rows: probed } = await sql<{ row: string }>`
      select row from (select to_jsonb(p)::text as row from (select ${probe.text}::text as outcome) p) r where row like any(${patterns}::text[])`.execute(app.database.db);
    expect(probed.length).toBe(1);
    const leaks: string[] = [];
    for (const { name } of tables) {
      // PostgreSQL finds the rows holding any of the strings; the few it returns are named here.
      const { rows } = await sql<{ row: string }>`
        select row from (select to_jsonb(t)::text as row from ${sql.raw(name)} t) r where row like any(${patterns}::text[])`.execute(app.database.db);
      for (const { row } of rows) for (const found of leaksIn(row, forbidden)) leaks.push(`${name}: ${found.what}`);
    }
    expect([...new Set(leaks)]).toEqual([]);

    // A domain every item of which is highly sensitive is never counted from what is in clear.
    const instrument = screened[0]!.scenario.instrument;
    const sensitive = highlySensitiveItemIds(instrument);
    const sealedDomains = instrument.domains
      .map((domain) => domain.id)
      .filter((domain) => instrument.items.filter((item) => item.domain === domain).every((item) => sensitive.has(item.id)));
    expect(sealedDomains.length).toBeGreaterThan(0);
    const { rows: counted } = await sql<{ n: string | null }>`
      select sum(n)::text as n from population_domain_rollup where domain = any(${sealedDomains}::text[])`.execute(app.database.db);
    expect(Number(counted[0]?.n ?? 0)).toBe(0);
  }, 300_000);
});
