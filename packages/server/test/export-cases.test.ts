import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

describe.each(databaseTargets())('subject access covers the case work on $name PostgreSQL', (target) => {
  let app: TestApp;
  let worker: Client;
  let personId: string;
  let caseId: string;
  beforeAll(async () => {
    app = await startTestApp(target);
    worker = await app.as('caseworker');
    personId = ((await worker.request('POST', '/api/v1/persons', { givenName: 'Export', familyName: 'Cases', sex: 'female', birthYear: 1992 })).body as { id: string }).id;
    await giveConsent(worker, personId);
    const opened = await worker.request('POST', '/api/v1/cases', { personId });
    expect(opened.status).toBe(201);
    caseId = (opened.body as { id: string }).id;
    const assessed = await worker.request('POST', `/api/v1/cases/${caseId}/trafficking-assessments`, { acts: ['recruitment'], purposes: ['forced_labour_or_services'] });
    expect(assessed.status).toBe(201);
  });
  afterAll(() => app.close());

  it('exports the person’s cases with their tasks and trafficking assessments, and an empty best-interests record for an adult', async () => {
    const officer = await app.as('protection_officer');
    const exported = await officer.request('GET', `/api/v1/persons/${personId}/export`);
    expect(exported.status).toBe(200);
    const body = exported.body as {
      cases: Array<{ id: string; tasks: unknown[]; traffickingAssessments: Array<{ outcome: string; restricted: boolean }> }>;
      bestInterests: { assessments: unknown[]; determinations: unknown[]; careArrangements: unknown[] };
      audit: Array<{ action: string }>;
    };
    expect(body.cases.map((c) => c.id)).toEqual([caseId]);
    expect(body.cases[0]!.traffickingAssessments).toEqual([expect.objectContaining({ outcome: 'at_risk', restricted: false })]);
    expect(body.bestInterests).toEqual({ assessments: [], determinations: [], careArrangements: [] });
    // The audit trail about the person includes what was done on the case.
    expect(body.audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['case.create', 'trafficking.assess']));
  });
});
