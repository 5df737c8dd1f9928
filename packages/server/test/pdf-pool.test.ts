import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReferralFormPdf } from '../src/pdf/referral-form-pdf';
import { createPdfPool, type PdfPool } from '../src/pdf/pdf-pool';
import type { ReferralForm } from '../src/use-cases/cases/referral-form';
import { databaseTargets } from './database-targets';
import { pdfText } from './pdf-text';
import { startTestApp, type TestApp } from './test-app';

// Review of issue 20 (§1): pdfkit drew every page on the event loop, so one user asking for
// subject-access PDFs held health's p99 over 100 ms. Documents are now drawn on worker threads,
// a bounded number at once, with a bounded queue that refuses when full.

const FORM: ReferralForm = {
  generatedAt: '2026-06-15T10:00:00.000Z',
  generatedBy: '0190a4e0-0000-7000-8000-000000000001',
  generatedByRole: 'caseworker',
  caseId: '0190a4e0-0000-7000-8000-000000000002',
  casePriority: 'high',
  taskId: '0190a4e0-0000-7000-8000-000000000003',
  reason: 'Safe shelter',
  dueDate: '2026-06-20',
  agency: { name: 'Partner shelter', kind: 'ngo' },
  person: { givenName: 'Amal', familyName: 'Haddad', originalScriptName: 'أمل حداد', sex: 'female', dateOfBirth: null, birthYear: 1990, age: 36, nationality: 'SYR', languages: ['ar'] },
  traffickingOutcome: null,
  consent: { effectiveAt: '2026-06-14T10:00:00.000Z', method: 'verbal', givenBy: 'self', carerRelationship: null, childAssent: 'not_applicable' },
  print: { lang: 'en', timeZone: 'UTC' },
  generatedByName: 'Rana Saleh',
};

describe('the PDF pool', () => {
  let pool: PdfPool;
  beforeAll(() => {
    pool = createPdfPool({ threads: 1, queue: 1 });
  });
  afterAll(() => pool.close());

  it('draws on a worker exactly the document the main thread would', async () => {
    const drawn = await pool.render('referral_form', FORM);
    expect(drawn.ok).toBe(true);
    if (!drawn.ok) return;
    expect(drawn.value.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(drawn.value)).toBe(pdfText(await renderReferralFormPdf(FORM)));
    expect(pdfText(drawn.value)).toContain('Partner shelter');
  }, 60_000);

  it('refuses at once when every thread is busy and the queue is full, and draws the others', async () => {
    // One drawing, one waiting, one refused: decided when asked, before any finishes.
    const asked = [pool.render('referral_form', FORM), pool.render('referral_form', FORM), pool.render('referral_form', FORM)];
    const [first, second, third] = await Promise.all(asked);
    expect(first!.ok && second!.ok).toBe(true);
    expect(third).toEqual({ ok: false, error: expect.objectContaining({ code: 'service_unavailable' }) });
    // Room again once they are done.
    expect((await pool.render('referral_form', FORM)).ok).toBe(true);
  }, 60_000);
});

describe.each(databaseTargets())('PDF routes when no document can be drawn, on $name PostgreSQL', (target) => {
  let app: TestApp;
  // No thread and no queue: every document is refused, which the routes must answer properly.
  const full = createPdfPool({ threads: 0, queue: 0 });
  beforeAll(async () => {
    app = await startTestApp(target, { pdfPool: full });
  });
  afterAll(async () => {
    await app.close();
    await full.close();
  });

  it('answers 503 problem+json with Retry-After, and writes no audit row for a document not given', async () => {
    const officer = await app.as('protection_officer');
    const created = await officer.request('POST', '/api/v1/persons', { givenName: 'Amal', familyName: 'Haddad', sex: 'female', birthYear: 1990 });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const exports = async () => (await app.database.db.selectFrom('audit_events').select('id').where('action', '=', 'person.export').execute()).length;
    const before = await exports();
    const refused = await officer.request('GET', `/api/v1/persons/${id}/export?format=pdf`);
    expect(refused.status).toBe(503);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await exports()).toBe(before);
    // The JSON export needs no worker and is given (and audited) as before.
    expect((await officer.request('GET', `/api/v1/persons/${id}/export`)).status).toBe(200);
    expect(await exports()).toBe(before + 1);
  });

  it('says so in the OpenAPI document of every PDF route, and of health', async () => {
    const document = (await app.anonymous.request('GET', '/api/v1/openapi.json')).body as { paths: Record<string, { get: { responses: Record<string, { description: string }> } }> };
    for (const path of ['/api/v1/persons/{id}/export', '/api/v1/cases/{id}/summary.pdf', '/api/v1/case-tasks/{id}/referral.pdf', '/api/v1/health']) {
      expect(document.paths[path]!.get.responses['503']?.description, path).toContain('service_unavailable');
    }
  });
});
