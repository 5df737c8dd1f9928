import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

interface Site {
  id: string;
  code: string;
  name: string;
  setting: string | null;
  adminAreaCode: string | null;
  latitude: number | null;
  longitude: number | null;
  version: number;
}

const SQUARE = JSON.stringify({ type: 'Polygon', coordinates: [[[35, 33], [36, 33], [36, 34], [35, 34], [35, 33]]] });

/** Issue 13 §3: administrators create and edit sites; a site's admin area must be one of the operation's. */
describe.each(databaseTargets())('sites on $name PostgreSQL', (target) => {
  let app: TestApp;
  let admin: Client;
  let caseworker: Client;

  beforeAll(async () => {
    app = await startTestApp(target);
    admin = await app.as('administrator', undefined, { scope: 'operation' });
    caseworker = await app.as('caseworker');
    await app.database.pool.query(`insert into admin_areas (operation_id, code, level, name, geometry, source) values ($1, 'LB-BA', 1, 'Beirut', $2, 'test')`, [app.operationId, SQUARE]);
  });
  afterAll(() => app.close());

  const sites = async () => Number((await app.database.pool.query<{ n: string }>('select count(*) as n from sites')).rows[0]!.n);
  const create = (body: Record<string, unknown>, by: Client = admin) => by.request('POST', `/api/v1/operations/${app.operationId}/sites`, body);

  it('creates a site with its setting, area and coordinates, audited; everyone in the operation sees it, and a person registered there takes its setting and area', async () => {
    const created = await create({ code: 'BEI-CC1', name: 'Karantina collective centre', setting: 'collective_centre', adminAreaCode: 'LB-BA', latitude: 33.9, longitude: 35.53 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const site = created.body as Site;
    expect(site).toMatchObject({ code: 'BEI-CC1', setting: 'collective_centre', adminAreaCode: 'LB-BA', latitude: 33.9, longitude: 35.53, version: 1 });
    const audit = await app.database.pool.query(`select 1 from audit_events where action = 'site.create' and resource_id = $1`, [site.id]);
    expect(audit.rowCount).toBe(1);
    const listed = (await caseworker.request('GET', '/api/v1/sites')).body as { items: Site[] };
    expect(listed.items.map((s) => s.id)).toContain(site.id);
    const person = await caseworker.request('POST', '/api/v1/persons', { givenName: 'Rana', familyName: 'Sited', sex: 'female', birthYear: 1990, siteId: site.id });
    expect(person.status, JSON.stringify(person.body)).toBe(201);
    expect(person.body).toMatchObject({ siteId: site.id, setting: 'collective_centre', adminAreaCode: 'LB-BA' });
  });

  it('edits a site by version, audited with what it was; a stale version is a conflict', async () => {
    const site = (await create({ code: 'BEI-HF', name: 'Host families, Beirut', setting: 'host_family' })).body as Site;
    const edited = await admin.request('PATCH', `/api/v1/sites/${site.id}`, { version: 1, name: 'Host families, Beirut south', adminAreaCode: 'LB-BA', latitude: 33.85, longitude: 35.5 });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Host families, Beirut south', adminAreaCode: 'LB-BA', latitude: 33.85, version: 2 });
    const audit = await app.database.pool.query<{ details: Record<string, unknown> }>(`select details from audit_events where action = 'site.update' and resource_id = $1`, [site.id]);
    expect(audit.rows[0]!.details).toMatchObject({ wasName: 'Host families, Beirut', wasAdminAreaCode: null });
    expect((await admin.request('PATCH', `/api/v1/sites/${site.id}`, { version: 1, name: 'Stale' })).status).toBe(409);
  });

  it('refuses an unknown area, one coordinate alone, an unknown setting and a taken code, at their fields; nothing written', async () => {
    await create({ code: 'TAKEN', name: 'Taken' });
    const before = await sites();
    const unknownArea = await create({ code: 'NEW-1', name: 'Nowhere', adminAreaCode: 'LB-XX' });
    expect(unknownArea.status).toBe(400);
    expect(unknownArea.body).toMatchObject({ code: 'validation_failed', errors: [{ path: '/adminAreaCode', code: 'unknown_admin_area' }] });
    const half = await create({ code: 'NEW-2', name: 'Half placed', latitude: 33.9 });
    expect(half.status).toBe(400);
    expect(half.body).toMatchObject({ errors: [expect.objectContaining({ path: '/longitude' })] });
    const setting = await create({ code: 'NEW-3', name: 'Odd', setting: 'spaceship' });
    expect(setting.status).toBe(400);
    expect(setting.body).toMatchObject({ errors: [expect.objectContaining({ path: '/setting' })] });
    expect((await create({ code: 'TAKEN', name: 'Again' })).status).toBe(409);
    const site = (await admin.request('GET', '/api/v1/sites')).body as { items: Site[] };
    const taken = site.items.find((s) => s.code === 'TAKEN')!;
    const badEdit = await admin.request('PATCH', `/api/v1/sites/${taken.id}`, { version: taken.version, adminAreaCode: 'LB-XX' });
    expect(badEdit.body).toMatchObject({ errors: [{ path: '/adminAreaCode', code: 'unknown_admin_area' }] });
    expect(await sites()).toBe(before);
    expect(((await admin.request('GET', '/api/v1/sites')).body as { items: Site[] }).items.find((s) => s.code === 'TAKEN')!.version).toBe(taken.version);
  });

  it('leaves site administration to operation-scope administrators', async () => {
    expect((await create({ code: 'CW', name: 'By a caseworker' }, caseworker)).status).toBe(403);
    const agencyAdmin = await app.as('administrator', undefined, { scope: 'agency' });
    expect((await create({ code: 'AA', name: 'By an agency administrator' }, agencyAdmin)).status).toBe(403);
  });

  it('never answers a 5xx or writes a site for arbitrary bodies (fuzz)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ code: fc.string({ maxLength: 50 }), name: fc.string({ maxLength: 210 }), adminAreaCode: fc.option(fc.string({ maxLength: 10 })), latitude: fc.option(fc.double()), setting: fc.option(fc.string({ maxLength: 12 })) }, { requiredKeys: [] }),
        async (body) => {
          const response = await create({ ...body, adminAreaCode: body.adminAreaCode === 'LB-BA' ? 'LB-XX' : body.adminAreaCode });
          expect(response.status).toBeLessThan(500);
          // Only a clean code and name with no area or a known one could pass; the unknown area never does.
          if (response.status === 201) expect((response.body as Site).adminAreaCode).toBeNull();
        },
      ),
      { numRuns: 40 },
    );
  });
});
