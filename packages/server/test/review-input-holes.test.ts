import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../src/db/audit';
import { OPERATIONS } from '../src/http/openapi-document';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

/** The security review's payloads (issue 12 §3). */
const FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1+1)'];
const FORMULA_START = /^[=+\-@\t\r]/;
const RLO = '\u202E';

const square = (x: number, y: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] });
const person = (extra: Record<string, unknown> = {}) => ({ givenName: 'Amal', familyName: 'Haddad', sex: 'female', birthYear: 1990, ...extra });

/**
 * The security review's repros for the input holes, each a named test: formula injection,
 * encoded paths, ids shadowed across operations, NUL and control characters, bidirectional
 * overrides, enumeration.
 */
describe.each(databaseTargets())('the review’s input holes on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let supervisor: Client;
  let administrator: Client;
  let analyst: Client;

  beforeAll(async () => {
    app = await startTestApp(target);
    caseworker = await app.as('caseworker');
    supervisor = await app.as('supervisor');
    administrator = await app.as('administrator');
    analyst = await app.as('analyst');
  });
  afterAll(() => app.close());

  describe('formula injection', () => {
    it.each(FORMULAS)('refuses the area code %s on the way in, at the field', async (code) => {
      const response = await caseworker.request('POST', '/api/v1/persons', person({ adminAreaCode: code }));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', errors: [{ path: '/adminAreaCode', code: 'invalid_area_code' }] });
      const workplace = await caseworker.request('POST', '/api/v1/workplaces', { name: 'Farm', sector: 'A_AgricultureForestryAndFishing', adminAreaCode: code });
      expect(workplace.status).toBe(400);
      expect(workplace.body).toMatchObject({ errors: [{ path: '/adminAreaCode', code: 'invalid_area_code' }] });
    });

    it('refuses a boundary file whose codes are formulas, and writes boundary names that are formulas as text in CSV, HXL and XLSX', async () => {
      const codes = ['F-1', 'F-2', 'F-3', 'F-4'];
      for (const code of codes) for (let n = 0; n < 6; n++) expect((await caseworker.request('POST', '/api/v1/persons', person({ adminAreaCode: code }))).status).toBe(201);
      const collection = (features: { code: string; name: string }[]) => ({
        type: 'FeatureCollection',
        features: features.map((feature, i) => ({ type: 'Feature', properties: { pcode: feature.code, label: feature.name }, geometry: square(35 + i, 33) })),
      });
      const formulaCodes = await administrator.request('POST', `/api/v1/operations/${app.operationId}/boundaries`, {
        level: 2, codeProperty: 'pcode', nameProperty: 'label', source: 'test', geojson: collection([{ code: 'F-1', name: 'x' }, ...FORMULAS.map((code) => ({ code, name: 'x' }))]),
      });
      expect(formulaCodes.status).toBe(400);
      expect((formulaCodes.body as { errors: unknown[] }).errors).toEqual(
        FORMULAS.map((_code, i) => expect.objectContaining({ path: `/geojson/features/${i + 1}/properties/pcode`, code: 'invalid_area_code' })),
      );
      const upload = await administrator.request('POST', `/api/v1/operations/${app.operationId}/boundaries`, {
        level: 2, codeProperty: 'pcode', nameProperty: 'label', source: 'test', geojson: collection(codes.map((code, i) => ({ code, name: FORMULAS[i]! }))),
      });
      expect(upload.status, JSON.stringify(upload.body)).toBe(200);

      const query = `operationId=${app.operationId}&view=risk_level&by=area&level=2`;
      for (const format of ['csv', 'hxl']) {
        const response = await fetch(`${app.url}/api/v1/exports/population?format=${format}&${query}`, { headers: { cookie: analyst.cookie! } });
        expect(response.status).toBe(200);
        const cells = (parseCsv(await response.text(), { bom: true }) as string[][]).flat();
        expect(cells.filter((cell) => FORMULA_START.test(cell)), format).toEqual([]);
        for (const formula of FORMULAS) expect(cells, format).toContain(`'${formula}`);
      }
      const xlsx = await fetch(`${app.url}/api/v1/exports/population?format=xlsx&${query}`, { headers: { cookie: analyst.cookie! } });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await xlsx.arrayBuffer()) as ArrayBuffer);
      const names: ExcelJS.Cell[] = [];
      workbook.getWorksheet('Data')!.eachRow((row) => row.eachCell((cell) => FORMULAS.includes(String(cell.value)) && names.push(cell)));
      // XLSX keeps them as they are, as strings: a cell is a formula only when written as one.
      expect(names.map((cell) => [cell.value, cell.type])).toEqual(expect.arrayContaining(FORMULAS.map((formula) => [formula, ExcelJS.ValueType.String])));
      expect(names).toHaveLength(FORMULAS.length);
    });
  });

  describe('encoded paths', () => {
    const refusals = async () =>
      (await app.database.db.selectFrom('audit_events').select(['details']).where('action', '=', 'request.refused').execute()).map((row) => (row.details as { route: string }).route);

    it('answers GET /%61pi/v1/persons/{id} with no-store, as the persons route it reached', async () => {
      const id = ((await caseworker.request('POST', '/api/v1/persons', person())).body as { id: string }).id;
      const response = await caseworker.request('GET', `/%61pi/v1/persons/${id}`);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const before = (await refusals()).length;
      const other = await caseworker.request('GET', `/%61pi/v1/persons/${uuidv7()}`);
      expect(other.status).toBe(404);
      expect(other.headers.get('cache-control')).toBe('no-store');
      expect((await refusals()).slice(before)).toEqual(['/api/v1/persons/:id']);
    });

    // One route of every family of the route table, in every spelling a client could send.
    const families = [...new Map(OPERATIONS.map((op) => [op.path.split('/')[3], op])).values()];
    const variants = (path: string): [string, string][] => [
      ['percent-encoded', path.replace('/api/', '/%61pi/')],
      ['percent-encoded family', path.replace(/^\/api\/v1\/(.)/, (_m, first: string) => `/api/v1/%${first.charCodeAt(0).toString(16)}`)],
      ['double slash in front', `/${path}`],
      ['double slash inside', path.replace('/v1/', '/v1//')],
      ['trailing slash', `${path}/`],
      ['upper case', path.replace('/api/v1/', '/API/V1/')],
    ];

    it.each(families.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))('%s: every spelling is no-store, and a refusal it reached is audited', async (_name, op) => {
      const canonical = op.path.replace('{id}', uuidv7()).replace('{view}', 'risk-by-area');
      const body = op.method === 'get' || op.method === 'delete' ? undefined : {};
      for (const [spelling, path] of variants(canonical)) {
        const before = (await refusals()).length;
        const response = await supervisor.request(op.method.toUpperCase(), path, body);
        expect(response.headers.get('cache-control'), `${spelling} ${path}`).toBe('no-store');
        expect(response.status, `${spelling} ${path}`).toBeLessThan(500);
        const audited = (await refusals()).slice(before);
        if ([403, 404].includes(response.status) && audited.length === 0) {
          // Not audited only when no route was reached: the router's own 404.
          expect(response.body, `${spelling} ${path}`).toMatchObject({ code: 'not_found' });
        }
        for (const route of audited) expect(route === 'unmatched' || route.startsWith('/api/'), route).toBe(true);
      }
    });
  });

  describe('ids shadowed across operations', () => {
    let otherOperation: string;
    let otherSupervisor: Client;

    beforeAll(async () => {
      otherOperation = uuidv7();
      await app.database.db.insertInto('operations').values({ id: otherOperation, code: 'other', name: 'Other operation' }).execute();
      otherSupervisor = await app.as('supervisor', [otherOperation]);
    });

    it('refuses POST /persons with the id of a person in another operation (409), as it refuses any taken id', async () => {
      const original = (await supervisor.request('POST', '/api/v1/persons', person({ givenName: 'Original' }))).body as { id: string };
      const impostor = await otherSupervisor.request('POST', '/api/v1/persons', person({ id: original.id, givenName: 'Impostor', operationId: otherOperation }));
      expect(impostor.status).toBe(409);
      expect(impostor.body).toMatchObject({ code: 'duplicate_id' });
      const household = await otherSupervisor.request('POST', '/api/v1/households', {
        operationId: otherOperation,
        members: [{ ...person({ id: original.id }), relationshipToHead: 'head' }],
      });
      expect(household.status).toBe(409);
      expect(await app.database.db.selectFrom('persons').select('operation_id').where('id', '=', original.id).execute()).toEqual([{ operation_id: app.operationId }]);
      // The same id in the same operation, held by another agency: the same answer, word for word.
      const elsewhere = await app.as('supervisor', undefined, { agencyId: await app.createAgency() });
      const reuse = await elsewhere.request('POST', '/api/v1/persons', person({ id: original.id }));
      expect(reuse.status).toBe(409);
      expect(reuse.body).toEqual(impostor.body);
      expect(JSON.stringify(reuse.body)).not.toMatch(/Original|persons_pkey|agency/);
    });

    it('refuses a household whose own id is taken in another operation', async () => {
      const household = (await supervisor.request('POST', '/api/v1/households', { members: [{ ...person(), relationshipToHead: 'head' }] })).body as { id: string };
      const copy = await otherSupervisor.request('POST', '/api/v1/households', { id: household.id, operationId: otherOperation, members: [{ ...person(), relationshipToHead: 'head' }] });
      expect(copy.status).toBe(409);
    });

    it('scopes the subject-access export’s audit entries to the person’s operation', async () => {
      const mine = (await otherSupervisor.request('POST', '/api/v1/persons', person({ operationId: otherOperation }))).body as { id: string };
      // An entry under the same id in another operation (a shadow left from before the rule).
      await app.database.db.transaction().execute((tx) =>
        writeAudit(tx, { actorId: null, operationId: app.operationId, action: 'person.update', resourceType: 'person', resourceId: mine.id, details: { elsewhere: true } }),
      );
      const exported = await otherSupervisor.request('GET', `/api/v1/persons/${mine.id}/export?format=json`);
      expect(exported.status).toBe(200);
      const audit = (exported.body as { audit: { action: string; details: Record<string, unknown> }[] }).audit;
      expect(audit.map((entry) => entry.action)).toContain('person.create');
      expect(audit.filter((entry) => entry.details.elsewhere)).toEqual([]);
    });
  });

  describe('NUL, control and bidirectional characters', () => {
    it.each([
      ['persons', '/api/v1/persons', person({ givenName: 'a\u0000b' }), '/givenName'],
      ['households', '/api/v1/households', { members: [{ ...person({ familyName: 'a\u0000b' }), relationshipToHead: 'head' }] }, '/members/0/familyName'],
      ['workplaces', '/api/v1/workplaces', { name: 'a\u0000b', sector: 'A_AgricultureForestryAndFishing', adminAreaCode: 'AREA-L' }, '/name'],
    ])('refuses a NUL in %s with 400 at the field, writing nothing', async (_name, path, body, field) => {
      const count = async () => Number((await app.database.db.selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      const response = await caseworker.request('POST', path, body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', errors: [{ path: field, code: 'control_character' }] });
      expect(await count()).toBe(before);
    });

    it('refuses a NUL in a list filter with 400 at the parameter', async () => {
      for (const [path, parameter] of [['/api/v1/persons', 'name'], ['/api/v1/persons', 'adminAreaCode']] as const) {
        const response = await caseworker.request('GET', `${path}?${parameter}=a%00b`);
        expect(response.status, parameter).toBe(400);
        expect(response.body).toMatchObject({ errors: [{ path: `/${parameter}` }] });
      }
    });

    it('stores names in NFC, so a name typed with a combining accent is the same name', async () => {
      const created = await caseworker.request('POST', '/api/v1/persons', person({ givenName: 'Jose\u0301', familyName: 'Nun\u0303ez' }));
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ givenName: 'Jos\u00e9', familyName: 'Nu\u00f1ez' });
      const found = await caseworker.request('GET', `/api/v1/persons?name=${encodeURIComponent('Jose\u0301')}`);
      expect((found.body as { items: { givenName: string }[] }).items.map((item) => item.givenName)).toContain('Jos\u00e9');
    });

    it('refuses a right-to-left override in names, codes and titles, and strips it from a boundary file’s names', async () => {
      const named = await caseworker.request('POST', '/api/v1/persons', person({ givenName: `${RLO}live` }));
      expect(named.status).toBe(400);
      expect(named.body).toMatchObject({ errors: [{ path: '/givenName', code: 'bidi_control' }] });
      const workplace = await caseworker.request('POST', '/api/v1/workplaces', { name: `x${RLO}evil`, sector: 'A_AgricultureForestryAndFishing', adminAreaCode: 'AREA-L' });
      expect(workplace.body).toMatchObject({ errors: [{ path: '/name', code: 'bidi_control' }] });
      const code = await caseworker.request('POST', '/api/v1/persons', person({ adminAreaCode: `A${RLO}B` }));
      expect(code.body).toMatchObject({ errors: [{ path: '/adminAreaCode', code: 'invalid_area_code' }] });
      // A finer level nobody can carry yet (people may only name loaded areas): it lies inside a district.
      const upload = await administrator.request('POST', `/api/v1/operations/${app.operationId}/boundaries`, {
        level: 3, codeProperty: 'pcode', nameProperty: 'label', source: 'test',
        geojson: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { pcode: 'BIDI-1', label: `${RLO}live` }, geometry: { type: 'Polygon', coordinates: [[[35.2, 33.2], [35.4, 33.2], [35.4, 33.4], [35.2, 33.4], [35.2, 33.2]]] } }] },
      });
      expect(upload.status, JSON.stringify(upload.body)).toBe(200);
      const areas = await analyst.request('GET', `/api/v1/population/areas?operationId=${app.operationId}`);
      expect(JSON.stringify(areas.body)).not.toContain(RLO);
    });
  });

  describe('enumeration', () => {
    it('answers a taken email the same whether or not the caller can see the account, and never says an account exists', async () => {
      const otherOperation = uuidv7();
      await app.database.db.insertInto('operations').values({ id: otherOperation, code: 'hidden', name: 'Hidden operation' }).execute();
      const hidden = await app.as('caseworker', [otherOperation]);
      const hiddenEmail = (await hidden.request('GET', '/api/v1/sessions/current')).body as { user: { email: string } };
      const visibleEmail = (await caseworker.request('GET', '/api/v1/sessions/current')).body as { user: { email: string } };
      const create = (email: string) =>
        administrator.request('POST', '/api/v1/users', { email, displayName: 'New', role: 'caseworker', scope: 'agency', agencyId: app.agencyId, operationIds: [app.operationId] });
      const toHidden = await create(hiddenEmail.user.email);
      const toVisible = await create(visibleEmail.user.email);
      expect(toHidden.status).toBe(409);
      expect(toHidden.body).toEqual(toVisible.body);
      expect(JSON.stringify(toHidden.body)).not.toMatch(/account/i);
    });

    it('does not tell anyone the PostgreSQL or Waymark version on /health', async () => {
      const health = await app.anonymous.request('GET', '/api/v1/health');
      expect(health.status).toBe(200);
      expect(health.body).toEqual({ status: 'ok', database: target.name });
      expect(JSON.stringify(health.body)).not.toMatch(/\d+\.\d+/);
    });
  });
});
