import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../src/use-cases/audit/verify-audit-chain';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { pdfText } from './pdf-text';
import { startTestApp, type Client, type TestApp } from './test-app';

const NOTE_BODY = 'Child separated at the border; living with a neighbour.';
// Someone else's name: an informant about the person's workplace, never part of her export.
const INFORMANT = 'Samir Khoury';
const PROGRAMME = { name: 'Safe work, Beirut', kind: 'livelihoods', rule: { all: [{ field: 'sex', op: 'in', values: ['female'] }] }, adminAreaCodes: [], capacity: 10 };
const WORKPLACE = { name: 'Litani greenhouses', sector: 'A_AgricultureForestryAndFishing', adminAreaCode: 'LB11' };
const person = {
  givenName: 'Mariam',
  familyName: 'Haddad',
  originalScriptName: 'مريم حداد',
  otherNames: ['Maryam'],
  sex: 'female',
  dateOfBirth: '1990-04-02',
  nationality: 'SYR',
  languages: ['ar'],
  setting: 'urban',
  adminAreaCode: 'LB11',
  documents: ['birth_certificate'],
};

/** Where consent gates screening, record it first; a server without consents answers 404. */
async function consentIfNeeded(client: Client, personId: string): Promise<void> {
  const response = await client.request('POST', `/api/v1/persons/${personId}/consents`, { purpose: 'case_management', decision: 'given', method: 'written', givenBy: 'self' });
  if (![201, 404].includes(response.status)) throw new Error(`consent: ${response.status} ${JSON.stringify(response.body)}`);
}

const which = (tool: string): string | null => {
  try {
    return execFileSync('which', [tool], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
};

describe.each(databaseTargets())('data-subject rights on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let supervisor: Client;
  let officer: Client;
  let admin: Client;
  let personId: string;
  let programmeId: string;
  let workplaceId: string;
  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-15T10:00:00Z') });
    caseworker = await app.as('caseworker');
    supervisor = await app.as('supervisor');
    officer = await app.as('protection_officer');
    admin = await app.as('administrator');
    const created = await caseworker.request('POST', '/api/v1/persons', person);
    expect(created.status).toBe(201);
    personId = (created.body as { id: string }).id;
    await consentIfNeeded(caseworker, personId);
    const screened = await caseworker.request('POST', `/api/v1/persons/${personId}/screenings`, {
      instrument: 'heightened-risk',
      responses: { sg_sexual_violence: 'yes_earlier', mms_used_smuggler: 'yes' },
    });
    expect(screened.status, JSON.stringify(screened.body)).toBe(201);
    const note = await supervisor.request('POST', `/api/v1/persons/${personId}/protection-notes`, { topic: 'child_protection', body: NOTE_BODY });
    expect(note.status).toBe(201);

    // Enrolled in a programme (with her consent) and attended a session; linked to a workplace
    // that an informant, another person, reported on.
    const programme = await supervisor.request('POST', '/api/v1/programmes', PROGRAMME);
    expect(programme.status, JSON.stringify(programme.body)).toBe(201);
    programmeId = (programme.body as { id: string }).id;
    await giveConsent(caseworker, personId, 'programme_enrolment');
    expect((await caseworker.request('POST', `/api/v1/programmes/${programmeId}/enrolments`, { personId })).status).toBe(201);
    const session = await caseworker.request('POST', `/api/v1/programmes/${programmeId}/sessions`, { heldOn: '2026-06-10', topic: 'Know your rights at work', attendees: [personId] });
    expect(session.status, JSON.stringify(session.body)).toBe(201);
    const workplace = await caseworker.request('POST', '/api/v1/workplaces', WORKPLACE);
    expect(workplace.status, JSON.stringify(workplace.body)).toBe(201);
    workplaceId = (workplace.body as { id: string }).id;
    const report = await caseworker.request('POST', `/api/v1/workplaces/${workplaceId}/reports`, { sourceType: 'community_informant', reportedOn: '2026-06-01', informantName: INFORMANT, indicators: ['excessive_overtime'] });
    expect(report.status, JSON.stringify(report.body)).toBe(201);
    expect((await caseworker.request('POST', `/api/v1/workplaces/${workplaceId}/people`, { personId })).status).toBe(201);
  });
  afterAll(() => app.close());

  const auditRows = (action: string) =>
    app.database.db.selectFrom('audit_events').selectAll().where('action', '=', action).where('resource_id', '=', personId).orderBy('seq').execute();
  const count = async (table: 'persons' | 'audit_events' | 'protection_notes' | 'screenings' | 'programme_sessions' | 'audit_reasons') =>
    Number((await app.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const countOfPerson = async (table: 'programme_enrolments' | 'programme_attendance' | 'workplace_people') =>
    Number((await app.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('person_id', '=', personId).executeTakeFirstOrThrow()).n);

  it('audits a correction with the changed field names, never their values', async () => {
    const current = (await caseworker.request('GET', `/api/v1/persons/${personId}`)).body as { version: number };
    const changed = await caseworker.request('PATCH', `/api/v1/persons/${personId}`, { version: current.version, familyName: 'Haddad-Corrected', nationality: 'LBN' });
    expect(changed.status).toBe(200);
    const [row] = (await auditRows('person.update')).slice(-1);
    expect(row!.details).toMatchObject({ fields: 'familyName,nationality' });
    expect(JSON.stringify(row!.details)).not.toContain('Corrected');
    expect(JSON.stringify(row!.details)).not.toContain('LBN');
  });

  it('exports everything held on the person as JSON, audited with its format', async () => {
    const response = await supervisor.request('GET', `/api/v1/persons/${personId}/export?format=json`);
    expect(response.status).toBe(200);
    const body = response.body as {
      header: { complete: boolean; withheld: unknown[]; anonymised: boolean };
      person: { givenName: string; familyName: string; originalScriptName: string };
      screenings: Array<{ responses: Record<string, unknown>; riskLevel: string }>;
      protectionNotes: Array<{ topic: string; body?: string; restricted: boolean }>;
      consents: unknown[];
      audit: Array<{ action: string; actorRole: string | null }>;
    };
    expect(body.header).toMatchObject({ complete: true, withheld: [], anonymised: false });
    expect(body.person).toMatchObject({ givenName: 'Mariam', familyName: 'Haddad-Corrected', originalScriptName: 'مريم حداد' });
    expect(body.screenings).toHaveLength(1);
    expect(body.screenings[0]!.responses).toMatchObject({ sg_sexual_violence: 'yes_earlier' });
    expect(body.protectionNotes).toEqual([expect.objectContaining({ topic: 'child_protection', restricted: false, body: NOTE_BODY })]);
    const actions = body.audit.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['person.create', 'person.update', 'screening.create']));
    expect(body.audit.find((entry) => entry.action === 'person.create')!.actorRole).toBe('caseworker');
    const [exported] = (await auditRows('person.export')).slice(-1);
    expect(exported!.details).toMatchObject({ format: 'json', screenings: 1, protectionNotes: 1 });
  });

  it('exports her programme enrolments with attendance, and her workplace links without the informant', async () => {
    const response = await supervisor.request('GET', `/api/v1/persons/${personId}/export?format=json`);
    expect(response.status).toBe(200);
    const body = response.body as { programmes: unknown[]; workplaces: unknown[]; consents: Array<{ purpose: string }>; audit: Array<{ action: string }> };
    expect(body.programmes).toEqual([
      {
        programmeId,
        name: 'Safe work, Beirut',
        kind: 'livelihoods',
        status: 'active',
        enrolledAt: '2026-06-15T10:00:00.000Z',
        enrolledBy: caseworker.userId,
        consent: 'given',
        attendance: [{ sessionId: expect.any(String), heldOn: '2026-06-10', topic: 'Know your rights at work', recordedAt: '2026-06-15T10:00:00.000Z' }],
      },
    ]);
    expect(body.workplaces).toEqual([
      { workplaceId, name: 'Litani greenhouses', sector: 'A_AgricultureForestryAndFishing', adminAreaCode: 'LB11', linkedAt: '2026-06-15T10:00:00.000Z', linkedBy: caseworker.userId },
    ]);
    expect(body.consents.map((consent) => consent.purpose)).toContain('programme_enrolment');
    expect(body.audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['programme.enrol', 'labour.person_link']));
    expect(JSON.stringify(body)).not.toContain(INFORMANT);
    expect(JSON.stringify(body)).not.toContain('community_informant');
  });

  it('prints the programmes, attendance and workplaces in the PDF, and not the informant', async () => {
    const response = await fetch(`${app.url}/api/v1/persons/${personId}/export?format=pdf`, { headers: { cookie: supervisor.cookie ?? '' } });
    expect(response.status).toBe(200);
    const text = pdfText(Buffer.from(await response.arrayBuffer())).replace(/\s+/g, ' ');
    expect(text).toContain('Prevention programmes: 1');
    expect(text).toContain('Safe work, Beirut (Livelihoods and economic opportunity, active)');
    expect(text).toContain('Enrolled 15 Jun 2026, 10:00 UTC by caseworker; consent given');
    expect(text).not.toContain(caseworker.userId!);
    expect(text).toContain('Sessions attended: 1');
    expect(text).toContain('10 Jun 2026: Know your rights at work');
    expect(text).toContain('Workplaces: 1');
    expect(text).toContain('Litani greenhouses: Agriculture, forestry and fishing, LB11');
    expect(text).not.toContain(INFORMANT);
  });

  it('withholds what the reader is not cleared for, and says so in the header', async () => {
    const response = await officer.request('GET', `/api/v1/persons/${personId}/export`);
    expect(response.status).toBe(200);
    const body = response.body as { header: { complete: boolean; withheld: unknown[] }; protectionNotes: Array<{ restricted: boolean }> };
    expect(body.header.complete).toBe(false);
    expect(body.header.withheld).toContainEqual({ section: 'protectionNote.child_protection', count: 1, reason: 'clearance' });
    expect(body.protectionNotes).toEqual([expect.objectContaining({ restricted: true })]);
    expect(JSON.stringify(body)).not.toContain('neighbour');
  });

  it('answers 404 for a person of another agency and 403 without the verb; bad format is a 400', async () => {
    const otherAgency = await app.createAgency();
    const elsewhere = await app.as('caseworker', undefined, { agencyId: otherAgency });
    const theirs = ((await elsewhere.request('POST', '/api/v1/persons', { givenName: 'X', familyName: 'Y', sex: 'male', birthYear: 1980 })).body as { id: string }).id;
    expect((await supervisor.request('GET', `/api/v1/persons/${theirs}/export`)).status).toBe(404);
    expect((await caseworker.request('GET', `/api/v1/persons/${personId}/export`)).status).toBe(403);
    const bad = await supervisor.request('GET', `/api/v1/persons/${personId}/export?format=docx`);
    expect(bad.status).toBe(400);
    expect((bad.body as { errors: unknown[] }).errors).toContainEqual(expect.objectContaining({ path: '/format' }));
  });

  it('renders a PDF with the name as text, Arabic shaped', async () => {
    const response = await fetch(`${app.url}/api/v1/persons/${personId}/export?format=pdf`, { headers: { cookie: supervisor.cookie ?? '' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/pdf');
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    const dir = mkdtempSync(join(tmpdir(), 'waymark-export-'));
    const file = join(dir, 'export.pdf');
    writeFileSync(file, pdf);
    const pdftotext = which('pdftotext');
    if (pdftotext) expect(execFileSync(pdftotext, [file, '-'], { encoding: 'utf8' })).toContain('Mariam');
    const pdftoppm = which('pdftoppm');
    if (pdftoppm) {
      execFileSync(pdftoppm, ['-png', '-r', '60', '-f', '1', '-l', '1', file, join(dir, 'page')]);
      expect(existsSync(join(dir, 'page-1.png'))).toBe(true);
    }
    if (process.env.WAYMARK_KEEP_EXPORT_PDF) writeFileSync(process.env.WAYMARK_KEEP_EXPORT_PDF, pdf);
  });

  it('refuses an erasure without a proper reason or mode, at the field, writing nothing', async () => {
    for (const [body, path] of [
      [{ reason: 'short', mode: 'anonymise' }, '/reason'],
      [{ mode: 'anonymise' }, '/reason'],
      [{ reason: 'The person asked in writing on 2026-06-01', mode: 'delete' }, '/mode'],
    ] as const) {
      const before = [await count('persons'), await count('audit_events')];
      const response = await admin.request('POST', `/api/v1/persons/${personId}/erasure`, body);
      expect(response.status).toBe(400);
      expect((response.body as { errors: unknown[] }).errors).toContainEqual(expect.objectContaining({ path }));
      expect([await count('persons'), await count('audit_events')]).toEqual(before);
    }
    const reason = { reason: 'The person asked in writing on 2026-06-01', mode: 'anonymise' };
    expect((await caseworker.request('POST', `/api/v1/persons/${personId}/erasure`, reason)).status).toBe(403);
  });

  it('anonymises on request: identifiers gone, aggregates kept, audit chain intact, idempotent', async () => {
    const reason = { reason: 'The person asked in writing on 2026-06-01', mode: 'anonymise' };
    const before = (await admin.request('GET', `/api/v1/persons/${personId}`)).body as { riskLevel: string; version: number };
    const erased = await admin.request('POST', `/api/v1/persons/${personId}/erasure`, reason);
    expect(erased.status).toBe(200);
    const after = erased.body as Record<string, unknown>;
    expect(after).toMatchObject({
      givenName: 'Anonymised',
      familyName: '',
      otherNames: [],
      originalScriptName: null,
      dateOfBirth: null,
      birthYear: 1990,
      ageBracket: '18-59',
      sex: 'female',
      nationality: null,
      languages: [],
      documents: [],
      adminAreaCode: 'LB11',
      setting: 'urban',
      riskLevel: before.riskLevel,
      version: before.version + 1,
    });
    expect(after.anonymisedAt).toEqual(expect.any(String));
    expect(await count('protection_notes')).toBe(0);
    const screening = await app.database.db.selectFrom('screenings').selectAll().where('person_id', '=', personId).executeTakeFirstOrThrow();
    expect(screening.responses).toBeNull();
    expect(JSON.stringify(screening.outcome)).not.toContain('sg_sexual_violence');
    expect((screening.outcome as { riskLevel: string }).riskLevel).toBe(before.riskLevel);
    const [audited] = await auditRows('person.erase');
    // The request's words are about the person: the trail keeps who, when and how, and a
    // commitment in place of the words, which are not kept anywhere (issue 20 §2).
    expect(audited).toMatchObject({ actor_id: admin.userId });
    expect(audited!.reason).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await count('audit_reasons')).toBe(0);
    expect(JSON.stringify(audited!.details)).not.toContain('Mariam');
    // The history of who did what stays readable, and the chain was never edited.
    expect((await verifyAuditChain(app.database.db)).breaks).toEqual([]);
    const exported = (await admin.request('GET', `/api/v1/persons/${personId}/export`)).body as { header: { anonymised: boolean }; screenings: Array<{ responses: object }> };
    expect(exported.header.anonymised).toBe(true);
    expect(exported.screenings[0]!.responses).toEqual({});
    expect(JSON.stringify(exported)).not.toContain('Mariam');

    const again = await admin.request('POST', `/api/v1/persons/${personId}/erasure`, reason);
    expect(again.status).toBe(200);
    expect((again.body as { version: number }).version).toBe(before.version + 1);
    expect(await auditRows('person.erase')).toHaveLength(2);

    // Nothing new is gathered about an anonymised person: each attempt is a 409, writing nothing.
    const screeningsBefore = await count('screenings');
    const attempts = [
      await admin.request('POST', `/api/v1/persons/${personId}/screenings`, { instrument: 'heightened-risk', responses: {} }),
      await admin.request('PATCH', `/api/v1/persons/${personId}`, { version: before.version + 1, givenName: 'Mariam' }),
      await admin.request('POST', `/api/v1/persons/${personId}/consents`, { purpose: 'tracing', decision: 'given', method: 'oral', givenBy: 'self' }),
      await admin.request('POST', `/api/v1/persons/${personId}/protection-notes`, { topic: 'health', body: 'New note' }),
    ];
    for (const attempt of attempts) expect(attempt.body).toMatchObject({ status: 409, code: 'person_anonymised' });
    expect(await count('screenings')).toBe(screeningsBefore);
    expect(await count('protection_notes')).toBe(0);
  });

  it('after erasure: enrolment and attendance stay counted, the workplace link is gone, and she can be neither enrolled, attend nor be linked', async () => {
    // The person was anonymised by the test above.
    expect(await countOfPerson('programme_enrolments')).toBe(1);
    expect(await countOfPerson('programme_attendance')).toBe(1);
    expect(await countOfPerson('workplace_people')).toBe(0);
    const [erased] = await auditRows('person.erase');
    expect(erased!.details).toMatchObject({ workplaceLinks: 1 });
    // Coverage keeps its truth: the programme still counts her enrolment; the workplace no longer counts her.
    expect(((await supervisor.request('GET', `/api/v1/programmes/${programmeId}`)).body as { enrolled: number }).enrolled).toBe(1);
    expect(((await caseworker.request('GET', `/api/v1/workplaces/${workplaceId}`)).body as { peopleLinked: number }).peopleLinked).toBe(0);
    const exported = (await admin.request('GET', `/api/v1/persons/${personId}/export`)).body as { programmes: Array<{ attendance: unknown[] }>; workplaces: unknown[] };
    expect(exported.workplaces).toEqual([]);
    expect(exported.programmes[0]!.attendance).toHaveLength(1);

    // A new programme would enrol her afresh, the workplace would link her again, a session would record her: each a 409, nothing written.
    const other = await supervisor.request('POST', '/api/v1/programmes', { ...PROGRAMME, name: 'Another programme' });
    expect(other.status).toBe(201);
    const sessionsBefore = await count('programme_sessions');
    const attempts = [
      await admin.request('POST', `/api/v1/programmes/${(other.body as { id: string }).id}/enrolments`, { personId }),
      await admin.request('POST', `/api/v1/workplaces/${workplaceId}/people`, { personId }),
      await admin.request('POST', `/api/v1/programmes/${programmeId}/sessions`, { heldOn: '2026-06-12', topic: 'Safe recruitment', attendees: [personId] }),
    ];
    for (const attempt of attempts) expect(attempt.body).toMatchObject({ status: 409, code: 'person_anonymised' });
    expect(await countOfPerson('programme_enrolments')).toBe(1);
    expect(await countOfPerson('programme_attendance')).toBe(1);
    expect(await countOfPerson('workplace_people')).toBe(0);
    expect(await count('programme_sessions')).toBe(sessionsBefore);
  });
});
