import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

describe.each(databaseTargets())('supervising cases on $name PostgreSQL', (target) => {
  let app: TestApp;
  let worker: Client;
  let caseId: string;
  beforeAll(async () => {
    app = await startTestApp(target);
    worker = await app.as('caseworker');
    const person = (await worker.request('POST', '/api/v1/persons', { givenName: 'Closure', familyName: 'Pending', sex: 'female', birthYear: 1990 })).body as { id: string };
    await giveConsent(worker, person.id);
    const opened = await worker.request('POST', '/api/v1/cases', { personId: person.id });
    expect(opened.status).toBe(201);
    caseId = (opened.body as { id: string }).id;
    let version = (opened.body as { version: number }).version;
    const step = async (event: string, reason?: string) => {
      const response = await worker.request('POST', `/api/v1/cases/${caseId}/transitions`, { event, version, ...(reason ? { reason } : {}) });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      version = (response.body as { version: number }).version;
    };
    await step('start_assessment');
    await step('request_closure', 'The person moved to another country with her family.');
  });
  afterAll(() => app.close());

  it('lists closure requests waiting for a decision to supervisors of the agency, oldest first', async () => {
    const supervisor = await app.as('supervisor');
    const waiting = await supervisor.request('GET', '/api/v1/cases/closure-requests');
    expect(waiting.status).toBe(200);
    expect(waiting.body).toMatchObject({ items: [{ caseId, requestedBy: worker.userId, reason: 'The person moved to another country with her family.' }] });
  });

  it('is not for caseworkers, and a supervisor of another agency sees nothing of it', async () => {
    expect((await worker.request('GET', '/api/v1/cases/closure-requests')).status).toBe(403);
    const otherAgency = await app.createAgency();
    const outsider = await app.as('supervisor', undefined, { agencyId: otherAgency });
    expect((await outsider.request('GET', '/api/v1/cases/closure-requests')).body).toEqual({ items: [] });
  });
});
