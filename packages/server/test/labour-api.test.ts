import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const INFORMANT = 'Rania Informant-Canary';
const farm = (n: number) => ({ name: `Greenhouse ${n}`, sector: 'A_AgricultureForestryAndFishing', adminAreaCode: 'AREA-L' });

interface Layer {
  figures: { source: 'live' | 'release'; releasedAt: string | null };
  areas: { adminAreaCode: string; workplaces: number | null; bySector: Record<string, number | null>; byIndicator: Record<string, number | null>; peopleLinked: number | null }[];
  table: { columns: { key: string }[]; rows: unknown[][]; disclosure?: { method: string } };
}

/** A count published by the cell-key method (k = 5, D = 2): within 2 of the truth and at least k, or withheld. */
function expectPublished(shown: number | null, truth: number, k = 5) {
  if (shown === null) return expect(truth).toBeLessThan(k + 2);
  expect(shown).toBeGreaterThanOrEqual(k);
  expect(Math.abs(shown - truth)).toBeLessThanOrEqual(2);
}

describe.each(databaseTargets())('labour conditions on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let analyst: Client;
  const farms: string[] = [];

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-15T10:00:00Z') });
    caseworker = await app.as('caseworker');
    analyst = await app.as('analyst');
  }, 120_000);
  afterAll(() => app.close());

  it('refuses a workplace with an unknown sector or no area, at each path, writing nothing', async () => {
    const bad = await caseworker.request('POST', '/api/v1/workplaces', { name: 'X', sector: 'Farming', adminAreaCode: '' });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect((bad.body as { errors: { path: string }[] }).errors.map((e) => e.path).sort()).toEqual(['/adminAreaCode', '/sector']);
    expect(((await caseworker.request('GET', '/api/v1/workplaces')).body as { total: number }).total).toBe(0);
    expect((await analyst.request('GET', '/api/v1/workplaces')).status).toBe(403);
    expect((await analyst.request('POST', '/api/v1/workplaces', farm(0))).status).toBe(403);
  });

  it('records workplaces and reports; the informant is sealed and shown only to those who record', async () => {
    for (let n = 0; n < 6; n++) {
      const created = await caseworker.request('POST', '/api/v1/workplaces', farm(n));
      expect(created.status).toBe(201);
      farms.push((created.body as { id: string }).id);
    }
    const site = await caseworker.request('POST', '/api/v1/workplaces', { name: 'Tower block', sector: 'F_Construction', adminAreaCode: 'AREA-M' });
    expect(site.status).toBe(201);

    const report = { sourceType: 'community_informant', reportedOn: '2026-06-01', informantName: INFORMANT, conditions: ['documents_withheld', 'long_hours'], indicators: ['retention_of_identity_documents', 'excessive_overtime'], hoursPerWeek: 72, dailyPay: 8, payCurrency: 'USD' };
    const recorded = await caseworker.request('POST', `/api/v1/workplaces/${farms[0]}/reports`, report);
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ informantName: INFORMANT, hasInformant: true, hoursPerWeek: 72, dailyPay: 8 });
    for (const id of farms.slice(1, 5)) {
      expect((await caseworker.request('POST', `/api/v1/workplaces/${id}/reports`, { sourceType: 'site_visit', reportedOn: '2026-06-02', indicators: ['excessive_overtime'] })).status).toBe(201);
    }
    // Sealed at rest: the column holds an envelope, never the name.
    const stored = await app.database.db.selectFrom('workplace_reports').select('informant_name_sealed').where('informant_name_sealed', 'is not', null).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.informant_name_sealed).not.toContain('Rania');

    const detail = await caseworker.request('GET', `/api/v1/workplaces/${farms[0]}`);
    expect(detail.body).toMatchObject({ reportCount: 1, indicators: ['excessive_overtime', 'retention_of_identity_documents'], reports: [{ informantName: INFORMANT, conditions: ['documents_withheld', 'long_hours'] }] });
    // Opening an informant's name is in the audit trail (ids and counts, never the name).
    const audited = await app.database.db.selectFrom('audit_events').select(['action', 'details']).where('action', '=', 'labour.workplace_read').execute();
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited)).not.toContain('Rania');
    const list = await caseworker.request('GET', '/api/v1/workplaces?adminAreaCode=AREA-L');
    expect((list.body as { total: number }).total).toBe(6);
    expect(JSON.stringify(list.body)).not.toContain('Rania');
  });

  it('refuses bad reports (future, pay without currency, unknown indicator), writing nothing', async () => {
    const future = await caseworker.request('POST', `/api/v1/workplaces/${farms[5]}/reports`, { sourceType: 'hotline', reportedOn: '2026-07-01' });
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({ errors: [expect.objectContaining({ path: '/reportedOn', code: 'in_future' })] });
    const pay = await caseworker.request('POST', `/api/v1/workplaces/${farms[5]}/reports`, { sourceType: 'hotline', reportedOn: '2026-06-01', dailyPay: 5 });
    expect(pay.body).toMatchObject({ errors: [expect.objectContaining({ path: '/payCurrency', code: 'currency_required' })] });
    const unknown = await caseworker.request('POST', `/api/v1/workplaces/${farms[5]}/reports`, { sourceType: 'hotline', reportedOn: '2026-06-01', indicators: ['bad_vibes'] });
    expect(unknown.status).toBe(400);
    expect((unknown.body as { errors: { path: string }[] }).errors[0]!.path).toBe('/indicators/0');
    expect(((await caseworker.request('GET', `/api/v1/workplaces/${farms[5]}`)).body as { reportCount: number }).reportCount).toBe(0);
  });

  it('links people screened at a workplace, only those in my scope', async () => {
    for (let n = 0; n < 5; n++) {
      const person = await caseworker.request('POST', '/api/v1/persons', { givenName: `W${n}`, familyName: 'Worker', sex: 'male', birthYear: 1995, adminAreaCode: 'AREA-L' });
      const linked = await caseworker.request('POST', `/api/v1/workplaces/${farms[n % 2]}/people`, { personId: (person.body as { id: string }).id });
      expect(linked.status).toBe(201);
    }
    const other = await app.as('caseworker', undefined, { agencyId: await app.createAgency() });
    const theirs = await other.request('POST', '/api/v1/persons', { givenName: 'T', familyName: 'Other', sex: 'male', birthYear: 1995 });
    expect((await caseworker.request('POST', `/api/v1/workplaces/${farms[0]}/people`, { personId: (theirs.body as { id: string }).id })).status).toBe(404);
    const bad = await caseworker.request('POST', `/api/v1/workplaces/${farms[0]}/people`, { personId: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ errors: [expect.objectContaining({ path: '/personId' })] });
    const detail = (await caseworker.request('GET', `/api/v1/workplaces/${farms[0]}`)).body as { people: unknown[]; peopleLinked: number };
    expect(detail.peopleLinked).toBe(3);
    expect(detail.people).toHaveLength(3);
    // The other agency's worker sees the workplace but none of these people.
    expect(((await other.request('GET', `/api/v1/workplaces/${farms[0]}`)).body as { people: unknown[] }).people).toEqual([]);
  });

  it('gives analysts the labour layer per area by the cell-key method, from the release, never an informant', async () => {
    await app.release();
    const response = await analyst.request('GET', '/api/v1/reports/labour-by-area');
    expect(response.status).toBe(200);
    const body = response.body as Layer;
    expect(body.figures.source).toBe('release');
    expect(body.table.disclosure).toMatchObject({ method: 'cell-key', threshold: 5, maxPerturbation: 2 });
    const l = body.areas.find((a) => a.adminAreaCode === 'AREA-L')!;
    expectPublished(l.workplaces, 6);
    expectPublished(l.bySector.A_AgricultureForestryAndFishing ?? null, 6);
    expectPublished(l.byIndicator.excessive_overtime!, 5);
    // One workplace reported documents retained: never shown as 1 (withheld, or moved to at least k).
    expectPublished(l.byIndicator.retention_of_identity_documents!, 1);
    expectPublished(l.peopleLinked, 5);
    // One construction site in AREA-M: fewer than k changes there, so the release has no AREA-M yet.
    expect(body.areas.find((a) => a.adminAreaCode === 'AREA-M')).toBeUndefined();
    expect(body.table.columns.map((c) => c.key)).toContain('peopleLinked');
    expect(JSON.stringify(body)).not.toContain('Rania');
    expect((await caseworker.request('GET', '/api/v1/reports/labour-by-area')).status).toBe(403);
    // The same records give the same number: the administrator's live layer shows AREA-L as released.
    const live = (await (await app.as('administrator')).request('GET', '/api/v1/reports/labour-by-area')).body as Layer;
    expect(live.figures.source).toBe('live');
    expect(live.areas.find((a) => a.adminAreaCode === 'AREA-L')).toEqual(l);
    const m = live.areas.find((a) => a.adminAreaCode === 'AREA-M')!;
    expectPublished(m.workplaces, 1);
  });

  it('moves the released labour layer only when k records of a family changed in an area (one link shows nothing)', async () => {
    const admin = await app.as('administrator');
    const before = (await analyst.request('GET', '/api/v1/reports/labour-by-area')).body as Layer;
    const link = async () => {
      const person = await caseworker.request('POST', '/api/v1/persons', { givenName: 'Late', familyName: 'Worker', sex: 'female', birthYear: 1990, adminAreaCode: 'AREA-L' });
      expect((await caseworker.request('POST', `/api/v1/workplaces/${farms[2]}/people`, { personId: (person.body as { id: string }).id })).status).toBe(201);
    };
    await link();
    await app.release();
    // Live readers see the link at once; the release keeps AREA-L's people as they were.
    const released = (await analyst.request('GET', '/api/v1/reports/labour-by-area')).body as Layer;
    expect(released.areas).toEqual(before.areas);
    const people = async () =>
      (await sql<{ n: number }>`select n from view_release_rows where operation_id = ${app.operationId}::uuid and view = 'labour-by-area' and family = 'people' and area = 'AREA-L'`.execute(app.database.db)).rows[0]?.n;
    expect(await people()).toBe(5);
    expectPublished(((await admin.request('GET', '/api/v1/reports/labour-by-area')).body as Layer).areas.find((a) => a.adminAreaCode === 'AREA-L')!.peopleLinked, 6);
    for (let n = 0; n < 3; n++) await link();
    await app.release();
    expect(await people()).toBe(5);
    await link();
    await app.release();
    // Five links since the last release of AREA-L's people: now they move, and only they.
    expect(await people()).toBe(10);
    const after = (await analyst.request('GET', '/api/v1/reports/labour-by-area')).body as Layer;
    const [was, now] = [before, after].map((layer) => layer.areas.find((a) => a.adminAreaCode === 'AREA-L')!);
    expect({ ...now, peopleLinked: null }).toEqual({ ...was, peopleLinked: null });
    expectPublished(now!.peopleLinked, 10);
  });

  it("publishes the labour layer under the operation's own k, not the default", async () => {
    const admin = await app.as('administrator');
    expect((await admin.request('PUT', `/api/v1/operations/${app.operationId}/disclosure`, { minCellCount: 6 })).status).toBe(200);
    try {
      const body = (await analyst.request('GET', '/api/v1/reports/labour-by-area')).body as { suppressionThreshold: number; areas: { adminAreaCode: string; peopleLinked: number | null }[] };
      expect(body.suppressionThreshold).toBe(6);
      // Ten people linked in AREA-L, published against k = 6: at least 6 or withheld.
      expectPublished(body.areas.find((a) => a.adminAreaCode === 'AREA-L')!.peopleLinked, 10, 6);
      const risk = (await analyst.request('GET', `/api/v1/reports/risk-by-area?operationId=${app.operationId}`)).body as { suppressionThreshold: number };
      expect(risk.suppressionThreshold).toBe(6);
    } finally {
      expect((await admin.request('PUT', `/api/v1/operations/${app.operationId}/disclosure`, { minCellCount: 5 })).status).toBe(200);
    }
  });

  it('changes a workplace naming the version read, and archives it', async () => {
    const current = (await caseworker.request('GET', `/api/v1/workplaces/${farms[5]}`)).body as { version: number };
    const changed = await caseworker.request('PATCH', `/api/v1/workplaces/${farms[5]}`, { description: 'Seasonal, April to October', version: current.version });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ description: 'Seasonal, April to October', version: current.version + 1 });
    expect((await caseworker.request('PATCH', `/api/v1/workplaces/${farms[5]}`, { description: 'stale', version: current.version })).status).toBe(409);
    expect((await caseworker.request('PATCH', `/api/v1/workplaces/${farms[5]}`, { sector: 'Farming', version: current.version + 1 })).status).toBe(400);
    expect((await caseworker.request('DELETE', `/api/v1/workplaces/${farms[5]}`)).status).toBe(204);
    expect((await caseworker.request('GET', `/api/v1/workplaces/${farms[5]}`)).status).toBe(404);
  });
});
