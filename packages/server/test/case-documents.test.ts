import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { pdfText } from './pdf-text';
import { startTestApp, type Client, type TestApp } from './test-app';

const MISSING = '0190a4e0-0000-7000-8000-000000000000';
/** The PDF's text with its line wrapping undone (lines wrap at word boundaries). */
const textOf = (bytes: Buffer) => pdfText(bytes).replace(/\s+/g, ' ');

interface Problem {
  code: string;
  errors?: { path: string; code: string }[];
}

/**
 * Printed case documents hold only what the reader may see: built from the same presenters
 * and clearance checks as the JSON, and checked here by reading the PDF's own text.
 */
describe.each(databaseTargets())('printable case summary and referral form on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let colleague: Client;
  let supervisor: Client;
  let analyst: Client;
  let otherAgencyWorker: Client;
  let personId: string;
  let caseId: string;
  let referralId: string;
  let plainTaskId: string;
  let partnerAgency: string;
  let sgbvTitles: string[];
  let findingsText: string;

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-01T09:00:00Z') });
    caseworker = await app.as('caseworker');
    colleague = await app.as('caseworker');
    supervisor = await app.as('supervisor');
    analyst = await app.as('analyst');
    partnerAgency = await app.createAgency({ kind: 'anti_trafficking' });
    otherAgencyWorker = await app.as('caseworker', undefined, { agencyId: partnerAgency });
    const created = await caseworker.request('POST', '/api/v1/persons', { givenName: 'Yasmin', familyName: 'Printed', sex: 'female', birthYear: 1993 });
    personId = (created.body as { id: string }).id;
    await giveConsent(caseworker, personId);
    const screened = await caseworker.request('POST', `/api/v1/persons/${personId}/screenings`, {
      instrument: 'heightened-risk',
      responses: { sg_sexual_violence: 'yes_last_72_hours', mms_used_smuggler: 'yes' },
    });
    const opened = await caseworker.request('POST', '/api/v1/cases', { fromScreeningId: (screened.body as { id: string }).id });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const body = opened.body as { id: string; tasks: { title: string; topic: string | null }[] };
    caseId = body.id;
    sgbvTitles = body.tasks.filter((t) => t.topic === 'sgbv').map((t) => t.title);
    expect(sgbvTitles.length).toBeGreaterThan(0);
    const assessed = await caseworker.request('POST', `/api/v1/cases/${caseId}/trafficking-assessments`, { acts: ['recruitment'], means: ['deception'], purposes: ['forced_labour_or_services'] });
    expect(assessed.status).toBe(201);
    findingsText = (assessed.body as { findings: { reasons: { key: string; text: { en: string } }[] } }).findings.reasons.find((r) => r.key !== 'outcome')!.text.en;
    const referral = await caseworker.request('POST', `/api/v1/cases/${caseId}/tasks`, { kind: 'referral', title: 'Referral for safe shelter and legal aid' });
    referralId = (referral.body as { id: string }).id;
    const plain = await caseworker.request('POST', `/api/v1/cases/${caseId}/tasks`, { kind: 'task', title: 'Call back' });
    plainTaskId = (plain.body as { id: string }).id;
  });
  afterAll(() => app.close());

  const prints = async (document: string) =>
    Number(
      (await app.database.pool.query<{ n: string }>(`select count(*) as n from audit_events where action = 'case.print' and resource_id = $1 and details->>'document' = $2`, [caseId, document])).rows[0]!.n,
    );
  const pdf = async (by: Client, path: string) => {
    const response = await fetch(app.url + path, { headers: { cookie: by.cookie ?? '' } });
    return { status: response.status, type: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) };
  };

  it('prints the whole case for a cleared reader, and the same case with the SGBV titles and trafficking findings withheld for a colleague without clearance; each print audited', async () => {
    const before = await prints('case_summary');
    const cleared = await pdf(supervisor, `/api/v1/cases/${caseId}/summary.pdf`);
    expect(cleared.status).toBe(200);
    expect(cleared.type).toContain('application/pdf');
    const full = textOf(cleared.bytes);
    expect(full).toContain('Protection case summary');
    expect(full).toContain('Yasmin Printed');
    expect(full).toContain(caseId);
    for (const title of sgbvTitles) expect(full).toContain(title);
    expect(full).toContain(findingsText);
    expect(full).toContain('Presumed victim of trafficking');

    const limited = textOf((await pdf(colleague, `/api/v1/cases/${caseId}/summary.pdf`)).bytes);
    expect(limited).toContain('Yasmin Printed');
    expect(limited).toContain('Referral for safe shelter and legal aid');
    expect(limited).toContain('withheld (section: Sexual and gender-based violence)');
    for (const title of sgbvTitles) expect(limited).not.toContain(title);
    expect(limited).toContain('Presumed victim of trafficking');
    expect(limited).toContain("Findings withheld: outside the reader's clearance.");
    expect(limited).not.toContain(findingsText);

    expect(await prints('case_summary')).toBe(before + 2);
    const { rows } = await app.database.pool.query<{ details: { tasksWithheld: number; findingsWithheld: number } }>(
      `select details from audit_events where action = 'case.print' and resource_id = $1 and actor_id = $2`,
      [caseId, colleague.userId],
    );
    expect(rows[0]!.details).toMatchObject({ tasksWithheld: sgbvTitles.length, findingsWithheld: 1 });
  });

  it('refuses readers outside scope (404) and roles without case.read (403), printing and auditing nothing', async () => {
    const before = await prints('case_summary');
    expect((await pdf(otherAgencyWorker, `/api/v1/cases/${caseId}/summary.pdf`)).status).toBe(404);
    expect((await pdf(analyst, `/api/v1/cases/${caseId}/summary.pdf`)).status).toBe(403);
    expect((await pdf(supervisor, `/api/v1/cases/${MISSING}/summary.pdf`)).status).toBe(404);
    expect((await pdf(supervisor, '/api/v1/cases/not-an-id/summary.pdf')).status).toBe(404);
    expect((await pdf(otherAgencyWorker, `/api/v1/case-tasks/${referralId}/referral.pdf?agencyId=${partnerAgency}`)).status).toBe(404);
    expect((await pdf(analyst, `/api/v1/case-tasks/${referralId}/referral.pdf?agencyId=${partnerAgency}`)).status).toBe(403);
    expect(await prints('case_summary')).toBe(before);
  });

  it('refuses a referral form without referral consent for the named agency (409, the refusal audited), then prints it once consent is given', async () => {
    const path = `/api/v1/case-tasks/${referralId}/referral.pdf?agencyId=${partnerAgency}`;
    const refused = await caseworker.request('GET', path);
    expect(refused.status).toBe(409);
    expect(refused.body as Problem).toMatchObject({ code: 'consent_required', purpose: 'referral' });
    const audited = await app.database.pool.query(`select 1 from audit_events where action = 'case.referral_print' and outcome = 'refused' and resource_id = $1`, [personId]);
    expect(audited.rowCount).toBe(1);
    expect(await prints('referral_form')).toBe(0);

    // Consent to refer to another agency does not cover this one.
    const elsewhere = await app.createAgency({ kind: 'ngo' });
    await giveConsent(caseworker, personId, 'referral', { recipientAgencyId: elsewhere });
    expect((await caseworker.request('GET', path)).status).toBe(409);

    await giveConsent(caseworker, personId, 'referral', { recipientAgencyId: partnerAgency });
    const printed = await pdf(caseworker, path);
    expect(printed.status).toBe(200);
    const text = textOf(printed.bytes);
    expect(text).toContain('Referral form');
    expect(text).toContain('Referral for safe shelter and legal aid');
    expect(text).toContain('Yasmin Printed');
    expect(text).toContain('Consent to this referral');
    expect(text).toContain('Presumed victim of trafficking');
    expect(text).not.toContain('presumed_victim');
    expect(text).not.toContain(findingsText);
    for (const title of sgbvTitles) expect(text).not.toContain(title);
    expect(await prints('referral_form')).toBe(1);
  });

  it('answers bad requests with a problem and a path: no agency, an unknown agency, a task that is not a referral', async () => {
    const missing = await caseworker.request('GET', `/api/v1/case-tasks/${referralId}/referral.pdf`);
    expect(missing.status).toBe(400);
    expect(missing.contentType).toContain('application/problem+json');
    expect((missing.body as Problem).errors).toEqual([expect.objectContaining({ path: '/agencyId' })]);
    const unknown = await caseworker.request('GET', `/api/v1/case-tasks/${referralId}/referral.pdf?agencyId=${MISSING}`);
    expect(unknown.status).toBe(400);
    expect((unknown.body as Problem).errors).toEqual([expect.objectContaining({ path: '/agencyId', code: 'unknown_agency' })]);
    expect((await caseworker.request('GET', `/api/v1/case-tasks/${plainTaskId}/referral.pdf?agencyId=${partnerAgency}`)).status).toBe(404);
  });

  it("puts the case work in the subject access PDF, per the reader's clearance", async () => {
    const exported = await pdf(supervisor, `/api/v1/persons/${personId}/export?format=pdf`);
    expect(exported.status).toBe(200);
    const text = textOf(exported.bytes);
    expect(text).toContain('Protection cases: 1');
    expect(text).toContain(`Case ${caseId}`);
    expect(text).toContain('Referral for safe shelter and legal aid');
    expect(text).toContain(findingsText);
    expect(text).toContain("Children's best interests");
  });

  it("prints in words, not codes, JSON or ids: labels, the assignee's name, durable solutions and resettlement", async () => {
    const text = textOf((await pdf(supervisor, `/api/v1/cases/${caseId}/summary.pdf`)).bytes);
    for (const code of ['presumed_victim', 'forced_labour_or_services', 'ForcedLabour', 'recruitment', '{"', 'case_plan', 'identified,']) expect(text).not.toContain(code);
    expect(text).toContain('Act: Recruitment');
    expect(text).toContain('Means: Deception');
    expect(text).toContain('Assigned to caseworker');
    expect(text).not.toContain(caseworker.userId!);
    expect(text).toContain('Durable solutions');
    expect(text).toContain('Not assessed yet.');
    // Her SGBV answers raised the risk: the suggestion is there, with its reason for a cleared reader.
    expect(text).toContain('Women and girls at risk');
    expect(text).toContain('sexual and gender-based violence');
    // Printed by a caseworker, who does not read solutions: no such section at all.
    expect(textOf((await pdf(colleague, `/api/v1/cases/${caseId}/summary.pdf`)).bytes)).not.toContain('Durable solutions');
  });

  it("prints in the reader's language and on their clock", async () => {
    const arabicBytes = (await pdf(supervisor, `/api/v1/cases/${caseId}/summary.pdf?lang=ar&tz=Asia/Beirut`)).bytes;
    if (process.env.WAYMARK_KEEP_PDF_DIR) writeFileSync(join(process.env.WAYMARK_KEEP_PDF_DIR, `case-ar-${target.name}.pdf`), arabicBytes);
    const arabic = textOf(arabicBytes);
    expect(arabic).toContain('ملخّص ملف الحماية');
    expect(arabic).toContain('ضحية مفترضة للاتجار بالبشر');
    expect(arabic).toContain('الفعل');
    expect(arabic).toContain('التجنيد');
    // Printed 09:00 UTC: 12:00 in Beirut in June.
    expect(arabic).toMatch(/12:00/);
    const englishBytes = (await pdf(supervisor, `/api/v1/cases/${caseId}/summary.pdf?tz=Asia/Beirut`)).bytes;
    if (process.env.WAYMARK_KEEP_PDF_DIR) writeFileSync(join(process.env.WAYMARK_KEEP_PDF_DIR, `case-en-${target.name}.pdf`), englishBytes);
    const english = textOf(englishBytes);
    expect(english).toMatch(/1 Jun 2026, 12:00/);
    const referralBytes = (await pdf(caseworker, `/api/v1/case-tasks/${referralId}/referral.pdf?agencyId=${partnerAgency}&lang=ar`)).bytes;
    if (process.env.WAYMARK_KEEP_PDF_DIR) writeFileSync(join(process.env.WAYMARK_KEEP_PDF_DIR, `referral-ar-${target.name}.pdf`), referralBytes);
    const referral = textOf(referralBytes);
    expect(referral).toContain('استمارة إحالة');
    const exportedBytes = (await pdf(supervisor, `/api/v1/persons/${personId}/export?format=pdf&lang=ar`)).bytes;
    if (process.env.WAYMARK_KEEP_PDF_DIR) writeFileSync(join(process.env.WAYMARK_KEEP_PDF_DIR, `export-ar-${target.name}.pdf`), exportedBytes);
    const exported = textOf(exportedBytes);
    expect(exported).toContain('نسخة البيانات الشخصية لصاحبها');
  });

  it('refuses an unknown time zone or language at its field, printing and auditing nothing', async () => {
    const before = await prints('case_summary');
    for (const [query, path] of [['tz=Mars/Olympus', '/tz'], ['tz=%3DHYPERLINK(1)', '/tz'], ['lang=fr', '/lang']] as const) {
      const answer = await supervisor.request('GET', `/api/v1/cases/${caseId}/summary.pdf?${query}`);
      expect(answer.status, query).toBe(400);
      expect((answer.body as Problem).errors).toEqual([expect.objectContaining({ path })]);
      if (path === '/tz') expect((answer.body as Problem).errors![0]!.code).toBe('unknown_time_zone');
    }
    const export400 = await supervisor.request('GET', `/api/v1/persons/${personId}/export?format=pdf&tz=Nowhere/Place`);
    expect(export400.status).toBe(400);
    expect(await prints('case_summary')).toBe(before);
  });
});
