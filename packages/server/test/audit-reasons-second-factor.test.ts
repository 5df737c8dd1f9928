import { ok } from '@waymark/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../src/db/audit';
import { transact } from '../src/db/transaction';
import { base32Decode, hotp, timeStep } from '../src/use-cases/sessions/totp';
import { databaseTargets } from './database-targets';
import { startTestApp, type TestApp } from './test-app';

/**
 * Issue 20 §6: audit reasons are free text ("consent withdrawn after her husband found the
 * card"): every role that reads them must show a second factor first, like the roles
 * cleared for highly sensitive topics. Auditors included, whatever their operation says.
 */
describe.each(databaseTargets())('audit reasons behind a second factor on $name PostgreSQL', (target) => {
  let app: TestApp;
  const clock = new Date('2026-03-01T10:00:00Z');
  beforeAll(async () => {
    app = await startTestApp(target, { mfaRequired: true, now: () => clock });
  });
  afterAll(() => app.close());

  it('an auditor with a password alone reads nothing of the trail; with the second factor the reasons are there', async () => {
    const reason = 'Consent withdrawn after her husband found the card at the Amman office.';
    await transact(app.database.db, async (tx) => {
      await writeAudit(tx, { actorId: null, operationId: app.operationId, action: 'consent.withdraw', resourceType: 'person', resourceId: null, reason });
      return ok(null);
    });
    const auditor = await app.as('auditor');
    expect(auditor.session!.mfa).toMatchObject({ enrolmentRequired: true, enrolled: false });
    const refused = await auditor.request('GET', `/api/v1/audit-events?operationId=${app.operationId}`);
    expect(refused.status).toBe(403);
    expect(refused.contentType).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'mfa_enrolment_required' });
    expect(JSON.stringify(refused.body)).not.toContain('Amman');

    const started = await auditor.request('POST', '/api/v1/sessions/current/mfa');
    const secret = base32Decode((started.body as { secret: string }).secret);
    expect((await auditor.request('POST', '/api/v1/sessions/current/mfa/confirm', { code: hotp(secret, timeStep(clock)) })).status).toBe(200);

    // Signed in again: only the second step is open until the code is given.
    const { client: pending } = await app.signIn(auditor.session!.user.email, 'a-long-test-password');
    const halfway = await pending.request('GET', `/api/v1/audit-events?operationId=${app.operationId}`);
    expect(halfway.status).toBe(403);
    expect(halfway.body).toMatchObject({ code: 'mfa_verification_required' });
    expect((await pending.request('POST', '/api/v1/sessions/current/mfa/verify', { code: hotp(secret, timeStep(clock) + 1) })).status).toBe(200);
    const read = await pending.request('GET', `/api/v1/audit-events?operationId=${app.operationId}`);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).toContain(reason);
  });
});
