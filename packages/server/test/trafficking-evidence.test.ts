import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const MADE_UP = '0190a4e0-0000-7000-8000-00000000abcd';

interface Note {
  id: string;
  topic: string;
  restricted: boolean;
  body?: string;
  citedBy?: { assessmentId: string; caseId: string }[];
}
interface Assessment {
  id: string;
  findings: null | { iloIndicators: { observed: { code: string; evidenceNoteIds: string[] }[] } };
}

/** Issue 13 §4: an ILO indicator cites a real protection note of the person, or evidence written inline as a sealed note. */
describe.each(databaseTargets())('trafficking evidence on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-01T09:00:00Z') });
    caseworker = await app.as('caseworker');
  });
  afterAll(() => app.close());

  const count = async (sql: string) => Number((await app.database.pool.query<{ n: string }>(sql)).rows[0]!.n);
  const rows = async () => ({
    assessments: await count('select count(*) as n from trafficking_assessments'),
    notes: await count('select count(*) as n from protection_notes'),
    citations: await count('select count(*) as n from trafficking_evidence_citations'),
  });

  const personWithCase = async () => {
    const created = await caseworker.request('POST', '/api/v1/persons', { givenName: 'Amal', familyName: 'Evidence', sex: 'female', birthYear: 1994 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const personId = (created.body as { id: string }).id;
    await giveConsent(caseworker, personId);
    const opened = await caseworker.request('POST', '/api/v1/cases', { personId });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    return { personId, caseId: (opened.body as { id: string }).id };
  };
  const addNote = async (personId: string, body: string, topic = 'trafficking') => {
    const note = await caseworker.request('POST', `/api/v1/persons/${personId}/protection-notes`, { topic, body });
    expect(note.status, JSON.stringify(note.body)).toBe(201);
    return (note.body as Note).id;
  };
  const notesOf = async (personId: string) => ((await caseworker.request('GET', `/api/v1/persons/${personId}/protection-notes`)).body as { items: Note[] }).items;
  const assess = (caseId: string, iloIndicators: unknown[]) =>
    caseworker.request('POST', `/api/v1/cases/${caseId}/trafficking-assessments`, { acts: ['recruitment'], iloIndicators });

  it("cites one of the person's notes, which then shows the assessment that cited it", async () => {
    const { personId, caseId } = await personWithCase();
    const noteId = await addNote(personId, 'Her passport is held by the employer.');
    const response = await assess(caseId, [{ code: 'retention_of_identity_documents', evidenceNoteId: noteId }]);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const assessment = response.body as Assessment;
    expect(assessment.findings!.iloIndicators.observed).toEqual([{ code: 'retention_of_identity_documents', evidenceNoteIds: [noteId] }]);
    const note = (await notesOf(personId)).find((candidate) => candidate.id === noteId)!;
    expect(note.citedBy).toEqual([{ assessmentId: assessment.id, caseId }]);
  });

  it('files evidence written inline as a sealed trafficking note of the person and cites it', async () => {
    const { personId, caseId } = await personWithCase();
    const words = 'Works sixteen hours a day, seven days a week.';
    const response = await assess(caseId, [{ code: 'excessive_overtime', evidenceText: words }]);
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const assessment = response.body as Assessment;
    const [observed] = assessment.findings!.iloIndicators.observed;
    const filed = (await notesOf(personId)).find((note) => note.id === observed!.evidenceNoteIds[0])!;
    expect(filed).toMatchObject({ topic: 'trafficking', restricted: false, body: words, citedBy: [{ assessmentId: assessment.id, caseId }] });
    // Sealed like every protection note: the words are nowhere in the database in clear.
    const clear = await app.database.pool.query(`select 1 from protection_notes where body_sealed like '%sixteen%'`);
    expect(clear.rowCount).toBe(0);
    const inAssessments = await app.database.pool.query(`select 1 from trafficking_assessments where sealed like '%sixteen%' or input::text like '%sixteen%'`);
    expect(inAssessments.rowCount).toBe(0);
  });

  it("refuses a made-up reference, another person's note, a short name, and both or neither kind of evidence; nothing written", async () => {
    const { caseId } = await personWithCase();
    const other = await personWithCase();
    const othersNote = await addNote(other.personId, 'About someone else.');
    const before = await rows();
    const refused = await assess(caseId, [
      { code: 'deception', evidenceNoteId: MADE_UP },
      { code: 'isolation', evidenceNoteId: othersNote },
      { code: 'debt_bondage', evidenceNoteId: 'note1' },
      { code: 'excessive_overtime', evidenceNoteId: 'not a note id!' },
      { code: 'abuse_of_vulnerability', evidenceText: 'Written here, but the rest is refused.' },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'validation_failed' });
    expect((refused.body as { errors: { path: string; code: string }[] }).errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '/iloIndicators/0/evidenceNoteId', code: 'unknown_evidence_note' }),
        expect.objectContaining({ path: '/iloIndicators/1/evidenceNoteId', code: 'unknown_evidence_note' }),
        expect.objectContaining({ path: '/iloIndicators/2/evidenceNoteId', code: 'unknown_evidence_note' }),
        expect.objectContaining({ path: '/iloIndicators/3/evidenceNoteId', code: 'invalid_note_id' }),
      ]),
    );
    const both = await assess(caseId, [{ code: 'deception', evidenceNoteId: othersNote, evidenceText: 'x' }]);
    expect(both.status).toBe(400);
    expect(both.body).toMatchObject({ errors: [expect.objectContaining({ path: '/iloIndicators/0/evidenceText' })] });
    const neither = await assess(caseId, [{ code: 'deception' }]);
    expect(neither.status).toBe(400);
    expect(neither.body).toMatchObject({ errors: [expect.objectContaining({ path: '/iloIndicators/0/evidenceNoteId' })] });
    expect(await rows()).toEqual(before);
  });
});
