import { DOCUMENT_TYPES, type Actor } from '@waymark/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../src/crypto/key-ring';
import { documentsOfPerson } from '../src/db/identity-documents-repository';
import { rotateKeys } from '../src/use-cases/keys/rotate-keys';
import { presentIdentityDocumentsFor } from '../src/use-cases/persons/identity-documents';
import { databaseTargets } from './database-targets';
import { pdfText } from './pdf-text';
import { startTestApp, type Client, type TestApp } from './test-app';
import { liveKeyRing, ringOf, testKeys } from './test-key-ring';

/**
 * Identity documents (issue 13 §2, migration 0052): type, number, issuer and expiry per
 * person, the number sealed and shown only to readers of sensitive person fields, the
 * type list kept consistent, bad input refused with nothing written, rotation and erasure.
 */

interface Doc {
  id: string;
  type: string;
  number: string | null;
  numberWithheld: boolean;
  issuer: string | null;
  expiryDate: string | null;
}
interface PersonAnswer {
  id: string;
  version: number;
  documents: string[];
  identityDocuments: Doc[];
}

const NOW = new Date('2026-06-15T10:00:00Z');
const PASSPORT = 'N0123456Zq';
const CERTIFICATE = 'LBN-26-C00451';
const person = { givenName: 'Hiba', familyName: 'Darwish', sex: 'female', dateOfBirth: '1991-04-02' };

describe.each(databaseTargets())('identity documents on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let admin: Client;
  let supervisor: Client;
  const originalRing = testKeys.ring;

  beforeAll(async () => {
    testKeys.ring = ringOf('k1', { k1: generateKey() });
    app = await startTestApp(target, { now: () => NOW });
    caseworker = await app.as('caseworker');
    supervisor = await app.as('supervisor');
    admin = await app.as('administrator');
  });
  afterAll(async () => {
    testKeys.ring = originalRing;
    await app.close();
  });

  const rows = async () => Number((await app.database.pool.query<{ n: string }>('select count(*) as n from person_identity_documents')).rows[0]!.n);
  const personCount = async () => Number((await app.database.pool.query<{ n: string }>('select count(*) as n from persons')).rows[0]!.n);
  const register = async (body: Record<string, unknown>) => {
    const answer = await caseworker.request('POST', '/api/v1/persons', { ...person, ...body });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    return answer.body as PersonAnswer;
  };

  it('registers a person with two documents, seals the number and reads them back', async () => {
    const created = await register({
      documents: ['birth_certificate'],
      identityDocuments: [
        { type: 'passport', number: PASSPORT, issuer: 'SYR', expiryDate: '2029-08-31' },
        { type: 'refugee_certificate', number: CERTIFICATE, issuer: 'UNHCR Lebanon' },
      ],
    });
    expect(created.identityDocuments).toEqual([
      { id: expect.any(String), type: 'passport', number: PASSPORT, numberWithheld: false, issuer: 'SYR', expiryDate: '2029-08-31' },
      { id: expect.any(String), type: 'refugee_certificate', number: CERTIFICATE, numberWithheld: false, issuer: 'UNHCR Lebanon', expiryDate: null },
    ]);
    // The type list holds the type given without a record and each recorded document's type.
    expect(created.documents).toEqual(['refugee_certificate', 'passport', 'birth_certificate']);
    const read = await caseworker.request('GET', `/api/v1/persons/${created.id}`);
    expect(read.body).toEqual(created);

    // At rest: an envelope under the active key, never the number; the issuer in clear.
    const stored = await app.database.pool.query<{ number_sealed: string; issuer: string }>(
      'select number_sealed, issuer from person_identity_documents where person_id = $1 order by position',
      [created.id],
    );
    expect(stored.rows.map((row) => row.number_sealed.startsWith('v1:k1:'))).toEqual([true, true]);
    expect(JSON.stringify(stored.rows)).not.toContain(PASSPORT);
    expect(stored.rows.map((row) => row.issuer)).toEqual(['SYR', 'UNHCR Lebanon']);

    // Neither the audit trail nor the people list carries a number.
    const audit = await app.database.pool.query<{ text: string }>('select row_to_json(a)::text as text from audit_events a');
    expect(audit.rows.filter((row) => row.text.includes(PASSPORT) || row.text.includes(CERTIFICATE))).toEqual([]);
    const list = await caseworker.request('GET', '/api/v1/persons?limit=200');
    expect(JSON.stringify(list.body)).not.toContain(PASSPORT);
  });

  it('edits documents: a document named without its number keeps it, a removed one goes with its type', async () => {
    const created = await register({
      documents: ['birth_certificate'],
      identityDocuments: [
        { type: 'passport', number: PASSPORT, issuer: 'SYR', expiryDate: '2029-08-31' },
        { type: 'national_id', number: '01-234567', issuer: 'SYR' },
      ],
    });
    const [passport] = created.identityDocuments;
    const patched = await caseworker.request('PATCH', `/api/v1/persons/${created.id}`, {
      version: created.version,
      identityDocuments: [
        { id: passport!.id, type: 'passport', issuer: 'SYR', expiryDate: '2031-01-15' },
        { type: 'residence_permit', number: 'RP 77 1234', issuer: 'General Directorate of General Security' },
      ],
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const after = patched.body as PersonAnswer;
    expect(after.version).toBe(created.version + 1);
    expect(after.identityDocuments).toEqual([
      { id: passport!.id, type: 'passport', number: PASSPORT, numberWithheld: false, issuer: 'SYR', expiryDate: '2031-01-15' },
      { id: expect.any(String), type: 'residence_permit', number: 'RP 77 1234', numberWithheld: false, issuer: 'General Directorate of General Security', expiryDate: null },
    ]);
    // national_id went with its record; birth_certificate (held without a record) stays.
    expect(after.documents).toEqual(['passport', 'birth_certificate', 'residence_permit']);

    const cleared = await caseworker.request('PATCH', `/api/v1/persons/${created.id}`, {
      version: after.version,
      identityDocuments: [{ id: passport!.id, type: 'passport', number: null }],
    });
    expect(cleared.status).toBe(200);
    expect((cleared.body as PersonAnswer).identityDocuments).toEqual([
      { id: passport!.id, type: 'passport', number: null, numberWithheld: false, issuer: null, expiryDate: null },
    ]);
    // An edit of other fields leaves the documents as they are.
    const renamed = await caseworker.request('PATCH', `/api/v1/persons/${created.id}`, { version: (cleared.body as PersonAnswer).version, familyName: 'Darwish-Haddad' });
    expect((renamed.body as PersonAnswer).identityDocuments).toHaveLength(1);
    // A stale version writes nothing, documents included.
    const stale = await caseworker.request('PATCH', `/api/v1/persons/${created.id}`, { version: after.version, identityDocuments: [] });
    expect(stale.status).toBe(409);
    expect(await documentsOfPerson(app.database.db, app.operationId, created.id)).toHaveLength(1);
  });

  const bad: Array<[string, unknown, string, string]> = [
    ['expiry before 1950', { type: 'passport', expiryDate: '1949-12-31' }, '/identityDocuments/0/expiryDate', 'document_expiry_out_of_range'],
    ['expiry more than 30 years ahead', { type: 'passport', expiryDate: '2056-06-16' }, '/identityDocuments/0/expiryDate', 'document_expiry_out_of_range'],
    ['expiry before birth', { type: 'birth_certificate', expiryDate: '1990-01-01' }, '/identityDocuments/0/expiryDate', 'document_expiry_before_birth'],
    ['impossible date', { type: 'passport', expiryDate: '2030-02-30' }, '/identityDocuments/0/expiryDate', 'invalid_format'],
    ['number too long', { type: 'passport', number: 'X'.repeat(41) }, '/identityDocuments/0/number', 'too_big'],
    ['number with a control character', { type: 'passport', number: 'N01\u0007234' }, '/identityDocuments/0/number', 'control_character'],
    ['number with a bidi override', { type: 'passport', number: '\u202E6543210N' }, '/identityDocuments/0/number', 'bidi_control'],
    ['empty number', { type: 'passport', number: '   ' }, '/identityDocuments/0/number', 'too_small'],
    ['issuer with a bidi isolate', { type: 'passport', issuer: 'SYR\u2066x' }, '/identityDocuments/0/issuer', 'bidi_control'],
    ['unknown type', { type: 'driving_licence', number: 'D1' }, '/identityDocuments/0/type', 'not_allowed'],
    ['unknown field', { type: 'passport', colour: 'blue' }, '/identityDocuments/0/colour', 'unknown_field'],
    ['an id that is not one of the person\'s documents', { id: '0190a0a0-0000-7000-8000-000000000001', type: 'passport' }, '/identityDocuments/0/id', 'unknown_document'],
  ];

  it.each(bad)('refuses %s at the field, writing nothing', async (_name, document, path, code) => {
    const before = [await rows(), await personCount()];
    const answer = await caseworker.request('POST', '/api/v1/persons', { ...person, identityDocuments: [document] });
    expect(answer.status).toBe(400);
    expect(answer.contentType).toContain('application/problem+json');
    expect((answer.body as { errors: Array<{ path: string; code: string }> }).errors).toContainEqual(expect.objectContaining({ path, code }));
    expect([await rows(), await personCount()]).toEqual(before);
  });

  it('refuses a bad document on an edit and in a household member, writing nothing', async () => {
    const created = await register({ identityDocuments: [{ type: 'passport', number: PASSPORT }] });
    const before = [await rows(), await personCount()];
    const edit = await caseworker.request('PATCH', `/api/v1/persons/${created.id}`, {
      version: created.version,
      identityDocuments: [{ id: created.identityDocuments[0]!.id, type: 'passport', number: 'NEW1' }, { type: 'passport', expiryDate: '1900-01-01' }],
    });
    expect(edit.status).toBe(400);
    expect((edit.body as { errors: Array<{ path: string }> }).errors.map((error) => error.path)).toEqual(['/identityDocuments/1/expiryDate']);
    const duplicate = await caseworker.request('PATCH', `/api/v1/persons/${created.id}`, {
      version: created.version,
      identityDocuments: [{ id: created.identityDocuments[0]!.id, type: 'passport' }, { id: created.identityDocuments[0]!.id, type: 'national_id' }],
    });
    expect((duplicate.body as { errors: Array<{ path: string; code: string }> }).errors).toContainEqual(expect.objectContaining({ path: '/identityDocuments/1/id', code: 'duplicate_document' }));
    const household = await caseworker.request('POST', '/api/v1/households', {
      siteId: null,
      members: [{ ...person, relationshipToHead: 'head', identityDocuments: [{ type: 'passport', number: 'A\u0000B' }] }],
    });
    expect(household.status).toBe(400);
    expect((household.body as { errors: Array<{ path: string }> }).errors.map((error) => error.path)).toContain('/members/0/identityDocuments/0/number');
    expect([await rows(), await personCount()]).toEqual(before);
    const read = await caseworker.request('GET', `/api/v1/persons/${created.id}`);
    expect((read.body as PersonAnswer).identityDocuments[0]!.number).toBe(PASSPORT);
  });

  it('registers a household member\'s documents with the household', async () => {
    const answer = await caseworker.request('POST', '/api/v1/households', {
      siteId: null,
      members: [
        { ...person, relationshipToHead: 'head', identityDocuments: [{ type: 'national_id', number: '09-111', issuer: 'SYR' }] },
        { givenName: 'Omar', familyName: 'Darwish', sex: 'male', dateOfBirth: '2015-09-09', careSituation: 'with_parents', relationshipToHead: 'child', identityDocuments: [{ type: 'birth_certificate', number: 'BC-15-9' }] },
      ],
    });
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    const members = (answer.body as { members: Array<{ id: string; documents: string[] }> }).members;
    const child = await caseworker.request('GET', `/api/v1/persons/${members[1]!.id}`);
    expect((child.body as PersonAnswer).identityDocuments).toMatchObject([{ type: 'birth_certificate', number: 'BC-15-9' }]);
    expect((child.body as PersonAnswer).documents).toEqual(['birth_certificate']);
  });

  it('withholds the number from a reader not cleared for sensitive person fields', async () => {
    const created = await register({ identityDocuments: [{ type: 'passport', number: PASSPORT, issuer: 'SYR' }] });
    const stored = await documentsOfPerson(app.database.db, app.operationId, created.id);
    const record = { operationId: app.operationId, agencyId: app.agencyId, teamId: null, assignedUserId: null };
    const reader = (role: Actor['role']): Actor => ({ userId: '0190a0a0-0000-7000-8000-00000000000a', role, scope: 'operation', agencyId: app.agencyId, teamIds: [], operationIds: [app.operationId] });
    // No role that reads people today lacks the clearance (field-registry.test.ts); a role of
    // internal clearance (an analyst's) stands for one that would.
    const analyst = presentIdentityDocumentsFor(liveKeyRing, stored, { actor: reader('analyst'), person: record });
    expect(analyst).toEqual({ ok: true, value: [{ id: stored[0]!.id, type: 'passport', number: null, numberWithheld: true, issuer: 'SYR', expiryDate: null }] });
    const cleared = presentIdentityDocumentsFor(liveKeyRing, stored, { actor: reader('caseworker'), person: record });
    expect(cleared.ok && cleared.value[0]!.number).toBe(PASSPORT);
    // Without the key, withheld rather than the whole record refused.
    const keyless = presentIdentityDocumentsFor(undefined, stored, { actor: reader('caseworker'), person: record });
    expect(keyless.ok && keyless.value[0]).toMatchObject({ number: null, numberWithheld: true });
    // A sealed number copied to another document does not open there.
    const moved = [{ ...stored[0]!, id: '0190a0a0-0000-7000-8000-00000000000b' }];
    expect(presentIdentityDocumentsFor(liveKeyRing, moved, { actor: reader('caseworker'), person: record })).toMatchObject({ ok: false, error: { code: 'sealed_value_unreadable' } });
  });

  it('shows the person their own documents in the subject-access export and its PDF', async () => {
    const created = await register({ identityDocuments: [{ type: 'passport', number: PASSPORT, issuer: 'SYR', expiryDate: '2029-08-31' }] });
    const json = await supervisor.request('GET', `/api/v1/persons/${created.id}/export`);
    expect(json.status).toBe(200);
    expect((json.body as { person: PersonAnswer }).person.identityDocuments).toMatchObject([{ type: 'passport', number: PASSPORT, issuer: 'SYR', expiryDate: '2029-08-31' }]);
    const response = await fetch(`${app.url}/api/v1/persons/${created.id}/export?format=pdf`, { headers: { cookie: supervisor.cookie! } });
    expect(response.status).toBe(200);
    const text = pdfText(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain(PASSPORT);
    expect(text).toContain('Passport');
  });

  it('stores whatever valid list it accepts exactly, and writes nothing for what it refuses (fuzzed)', async () => {
    const arbitraryDocument = fc.record(
      {
        type: fc.oneof(fc.constantFrom(...DOCUMENT_TYPES), fc.constant('visa')),
        number: fc.oneof(fc.constant(null), fc.string({ minLength: 0, maxLength: 45 }), fc.constantFrom('A\u0000', '\u202Ex', 'x\u2067', '=cmd', 'Zq\u0085', '١٢٣٤٥')),
        issuer: fc.oneof(fc.constant(null), fc.constantFrom('SYR', 'UNHCR', 'المديرية العامة للأمن العام', '\u202ESYR')),
        expiryDate: fc.oneof(
          fc.constant(null),
          fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
          fc.constant('2031-02-30'),
        ),
      },
      { requiredKeys: ['type'] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(arbitraryDocument, { maxLength: 4 }), async (documents) => {
        const before = [await rows(), await personCount()];
        const answer = await caseworker.request('POST', '/api/v1/persons', { ...person, identityDocuments: documents });
        if (answer.status === 201) {
          const body = answer.body as PersonAnswer;
          const read = (await caseworker.request('GET', `/api/v1/persons/${body.id}`)).body as PersonAnswer;
          expect(read.identityDocuments.map(({ type, number, issuer, expiryDate }) => ({ type, number, issuer, expiryDate }))).toEqual(
            documents.map((document) => ({
              type: document.type,
              number: typeof document.number === 'string' ? document.number.trim().normalize('NFC') : null,
              issuer: document.issuer ?? null,
              expiryDate: document.expiryDate ?? null,
            })),
          );
          for (const document of documents) expect(read.documents).toContain(document.type);
        } else {
          expect(answer.status, JSON.stringify(answer.body)).toBe(400);
          const errors = (answer.body as { errors: Array<{ path: string }> }).errors;
          expect(errors.length).toBeGreaterThan(0);
          for (const error of errors) expect(error.path).toMatch(/^\/identityDocuments\/\d+\/\w+$/);
          expect([await rows(), await personCount()]).toEqual(before);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keys rotate finds the sealed numbers from the schema and re-seals them', async () => {
    const created = await register({ identityDocuments: [{ type: 'passport', number: PASSPORT }] });
    const k1 = testKeys.ring.keys.get('k1')!;
    const k2 = generateKey();
    testKeys.ring = ringOf('k2', { k1, k2 });
    const summary = await rotateKeys(app.database.db, testKeys.ring);
    const column = summary.columns['person_identity_documents.number_sealed'];
    expect(column?.resealed).toBeGreaterThan(0);
    expect(column?.valuesByKey).toEqual({ k2: expect.any(Number) });
    expect(summary.uncovered).toEqual([]);
    testKeys.ring = ringOf('k2', { k2 });
    const read = await caseworker.request('GET', `/api/v1/persons/${created.id}`);
    expect((read.body as PersonAnswer).identityDocuments[0]!.number).toBe(PASSPORT);
  });

  it('erasure destroys the documents, numbers and issuers with them', async () => {
    const created = await register({ identityDocuments: [{ type: 'passport', number: PASSPORT, issuer: 'Zq9IssuerCanary' }] });
    const erased = await admin.request('POST', `/api/v1/persons/${created.id}/erasure`, { mode: 'anonymise', reason: 'the person asked for erasure in writing' });
    expect(erased.status).toBe(200);
    expect(await documentsOfPerson(app.database.db, app.operationId, created.id)).toEqual([]);
    const dump = await app.database.pool.query<{ n: string }>("select count(*) as n from person_identity_documents where issuer = 'Zq9IssuerCanary'");
    expect(Number(dump.rows[0]!.n)).toBe(0);
    const read = await admin.request('GET', `/api/v1/persons/${created.id}`);
    expect(read.body).toMatchObject({ identityDocuments: [], documents: [] });
  });
});
