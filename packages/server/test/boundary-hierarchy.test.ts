import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { databaseTargets, emptyDatabase } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

// Issue 20 §1: the same boundary file uploaded at level 1 and then at level 2 made areas their
// own parents, and the next map aggregate spun for ever, after every restart too.

const square = (x: number, y: number, size: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] });
const collection = (features: Array<{ code: string; geometry: unknown }>) => ({
  type: 'FeatureCollection',
  features: features.map((f) => ({ type: 'Feature', properties: { pcode: f.code, label: `Area ${f.code}` }, geometry: f.geometry })),
});
const PROVINCES = collection([
  { code: 'G-N', geometry: square(35, 34, 1) },
  { code: 'G-S', geometry: square(35, 33, 1) },
]);
const DISTRICTS = collection([
  { code: 'D-N1', geometry: square(35, 34.5, 0.4) },
  { code: 'D-S1', geometry: square(35, 33, 0.4) },
]);
const upload = (client: Client, operationId: string, level: number, geojson: unknown) =>
  client.request('POST', `/api/v1/operations/${operationId}/boundaries`, { level, codeProperty: 'pcode', nameProperty: 'label', source: `level ${level}`, geojson });

describe.each(databaseTargets())('admin area hierarchy on $name PostgreSQL', (target) => {
  let app: TestApp;
  let admin: Client;
  let analyst: Client;

  beforeAll(async () => {
    app = await startTestApp(target);
    admin = await app.as('administrator');
    analyst = await app.as('analyst');
    const caseworker = await app.as('caseworker');
    for (const area of ['D-N1', 'D-N1', 'D-S1', 'G-N']) {
      expect((await caseworker.request('POST', '/api/v1/persons', { givenName: 'A', familyName: area, sex: 'female', birthYear: 1990, adminAreaCode: area })).status).toBe(201);
    }
  });
  afterAll(() => app.close());

  const areas = async () =>
    app.database.db.selectFrom('admin_areas').select(['code', 'level', 'parent_code']).where('operation_id', '=', app.operationId).orderBy('code').execute();

  it('refuses a file whose codes are areas of another level (409 at each code), writes nothing, and the map still answers', async () => {
    expect((await upload(admin, app.operationId, 2, DISTRICTS)).status).toBe(200);
    expect((await upload(admin, app.operationId, 1, PROVINCES)).status).toBe(200);
    const before = await areas();
    expect(before).toEqual([
      { code: 'D-N1', level: 2, parent_code: 'G-N' },
      { code: 'D-S1', level: 2, parent_code: 'G-S' },
      { code: 'G-N', level: 1, parent_code: null },
      { code: 'G-S', level: 1, parent_code: null },
    ]);
    const audited = async () => (await app.database.db.selectFrom('audit_events').select('id').where('action', '=', 'boundaries.upload').execute()).length;
    const auditedBefore = await audited();

    // The easy mistake: the provinces again, at level 2.
    const clash = await upload(admin, app.operationId, 2, PROVINCES);
    expect(clash.status).toBe(409);
    expect(clash.contentType).toContain('application/problem+json');
    expect(clash.body).toMatchObject({
      code: 'boundary_level_clash',
      errors: [
        { path: '/geojson/features/0/properties/pcode', code: 'boundary_level_clash' },
        { path: '/geojson/features/1/properties/pcode', code: 'boundary_level_clash' },
      ],
    });
    // And the other way round: districts at level 1.
    expect((await upload(admin, app.operationId, 1, DISTRICTS)).body).toMatchObject({ code: 'boundary_level_clash' });
    expect(await areas()).toEqual(before);
    expect(await audited()).toBe(auditedBefore);

    for (const query of ['by=area&level=1', 'by=area&level=2', 'by=area&level=1&area=G-N', 'by=sex&area=G-S']) {
      const table = await analyst.request('GET', `/api/v1/population/aggregates?operationId=${app.operationId}&view=risk_level&${query}`);
      expect(table.status, query).toBe(200);
    }
  });

  it('replacing a level forgets the parents it gave, and the upload gives them again', async () => {
    const moved = collection([
      { code: 'G-N', geometry: square(35, 33, 1) },
      { code: 'G-S', geometry: square(35, 34, 1) },
    ]);
    expect((await upload(admin, app.operationId, 1, moved)).body).toEqual({ level: 1, areas: 2, matched: 1, reparented: 2 });
    expect((await areas()).filter((a) => a.level === 2)).toEqual([
      { code: 'D-N1', level: 2, parent_code: 'G-S' },
      { code: 'D-S1', level: 2, parent_code: 'G-N' },
    ]);
    // The right file for level 2 replaces the level, and frees its codes for the level above.
    expect((await upload(admin, app.operationId, 2, collection([{ code: 'D-N1', geometry: square(35, 34.5, 0.4) }]))).status).toBe(200);
    expect((await areas()).map((a) => a.code)).toEqual(['D-N1', 'G-N', 'G-S']);
  });

  it('holds the hierarchy in the database: no area its own parent, no parent but one level up, none that does not exist', async () => {
    const insert = (code: string, level: number, parent: string | null) =>
      app.database.db
        .insertInto('admin_areas')
        .values({ operation_id: app.operationId, code, level, name: code, parent_code: parent, geometry: JSON.stringify(square(0, 0, 1)), source: 'sql' })
        .execute();
    await expect(insert('SELF', 2, 'SELF')).rejects.toMatchObject({ code: '23503' });
    await expect(insert('SAME', 2, 'D-N1')).rejects.toMatchObject({ code: '23503' });
    await expect(insert('DEEP', 3, 'G-N')).rejects.toMatchObject({ code: '23503' });
    await expect(insert('GONE', 2, 'G-GONE')).rejects.toMatchObject({ code: '23503' });
    await expect(
      app.database.db.updateTable('admin_areas').set({ parent_code: 'D-N1' }).where('operation_id', '=', app.operationId).where('code', '=', 'G-N').execute(),
    ).rejects.toMatchObject({ code: '23503' });
    await insert('SUB', 3, 'D-N1');
    expect(await app.database.db.selectFrom('admin_areas').select(['parent_level']).where('code', '=', 'SUB').executeTakeFirstOrThrow()).toEqual({ parent_level: 2 });
    await app.database.db.deleteFrom('admin_areas').where('operation_id', '=', app.operationId).where('code', '=', 'SUB').execute();
  });
});

describe.each(databaseTargets())('migration 0029 on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;
  let app: TestApp | undefined;
  beforeAll(async () => {
    database = await emptyDatabase(target, 5);
  });
  afterAll(async () => {
    if (app) await app.close();
    else await database.close();
  });

  it('repairs an operation whose areas loop, and the map answers for it again', async () => {
    await migrate(database.pool, { through: 24 });
    const operationId = uuidv7();
    await database.pool.query(`insert into operations (id, code, name) values ($1, 'legacy', 'Legacy')`, [operationId]);
    // What the old upload left: the provinces moved to level 2, each its own parent or the
    // other's, the districts gone; and, for good measure, a parent below its child and one
    // that does not exist. Only the sound link (SUB under D-OK) survives.
    const rows: Array<[string, number, string | null]> = [
      ['G-N', 2, 'G-N'],
      ['G-S', 2, 'G-X'],
      ['G-X', 2, 'G-S'],
      ['UP', 1, 'SUB'],
      ['LOST', 3, 'NOWHERE'],
      ['D-OK', 2, null],
      ['SUB', 3, 'D-OK'],
    ];
    for (const [code, level, parent] of rows) {
      await database.pool.query(
        `insert into admin_areas (operation_id, code, level, name, parent_code, geometry, source) values ($1, $2, $3, $2, $4, $5, 'legacy upload')`,
        [operationId, code, level, parent, JSON.stringify(square(35, 33, 1))],
      );
    }
    await migrate(database.pool);
    const repaired = await database.db.selectFrom('admin_areas').select(['code', 'parent_code', 'parent_level']).where('operation_id', '=', operationId).orderBy('code').execute();
    expect(repaired).toEqual([
      { code: 'D-OK', parent_code: null, parent_level: null },
      { code: 'G-N', parent_code: null, parent_level: null },
      { code: 'G-S', parent_code: null, parent_level: null },
      { code: 'G-X', parent_code: null, parent_level: null },
      { code: 'LOST', parent_code: null, parent_level: null },
      { code: 'SUB', parent_code: 'D-OK', parent_level: 2 },
      { code: 'UP', parent_code: null, parent_level: null },
    ]);

    app = await startTestApp(target, { database });
    const caseworker = await app.as('caseworker', [operationId]);
    const analyst = await app.as('analyst', [operationId]);
    for (const area of ['G-N', 'G-S', 'SUB']) {
      expect((await caseworker.request('POST', '/api/v1/persons', { givenName: 'A', familyName: 'B', sex: 'male', birthYear: 1980, adminAreaCode: area })).status).toBe(201);
    }
    for (const query of ['by=area&level=1', 'by=area&level=2', 'by=area&level=1&area=G-N', 'by=site&area=G-S', 'by=area&level=2&area=D-OK']) {
      const table = await analyst.request('GET', `/api/v1/population/aggregates?operationId=${operationId}&view=risk_level&${query}`);
      expect(table.status, query).toBe(200);
    }
    const health = await app.anonymous.request('GET', '/api/v1/health');
    expect(health.status).toBe(200);
    expect((await sql<{ n: number }>`select count(*)::int as n from admin_areas`.execute(database.db)).rows[0]!.n).toBe(rows.length);
  });
});

