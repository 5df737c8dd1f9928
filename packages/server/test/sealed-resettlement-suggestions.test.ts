import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

interface Suggestions {
  suggestions: { category: string; reasons: { rule: string; personId: string | null; en: string; ar: string; withheld?: { topics: string[]; readableBy: string[] } }[] }[];
}

const SGBV_WORDS = ['sexual and gender-based violence', 'العنف الجنسي', 'sgbv_coercion'];

/**
 * Issue 12 §1 sealed what highly sensitive answers raise: the clear `screenings.outcome` is
 * the screening as if the SGBV items had not been asked. Resettlement suggestions read that
 * clear outcome, so a woman whose SGBV answers raised her risk lost the "women and girls at
 * risk" suggestion. They are now worked out from the screening as scored (the sealed part
 * opened on the server); the reason, which names SGBV, goes only to cleared readers and is
 * never stored in clear.
 */
describe.each(databaseTargets())('resettlement suggestions from sealed screenings on $name PostgreSQL', (target) => {
  let app: TestApp;
  let officer: Client;

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-15T10:00:00Z') });
    officer = await app.as('protection_officer', undefined, { scope: 'operation' });
  }, 120_000);
  afterAll(() => app.close());

  async function screenedWithCase(responses: Record<string, string>): Promise<{ personId: string; caseId: string }> {
    const created = await officer.request('POST', '/api/v1/persons', { givenName: 'Amal', familyName: 'Sealed', sex: 'female', birthYear: 1993, arrivalDate: '2021-01-10' });
    expect(created.status).toBe(201);
    const personId = (created.body as { id: string }).id;
    await giveConsent(officer, personId);
    const screened = await officer.request('POST', `/api/v1/persons/${personId}/screenings`, { instrument: 'heightened-risk', responses });
    expect(screened.status, JSON.stringify(screened.body)).toBe(201);
    const opened = await officer.request('POST', '/api/v1/cases', { personId });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    return { personId, caseId: (opened.body as { id: string }).id };
  }

  it('regression: a woman whose SGBV answers raised her risk gets the "women and girls at risk" suggestion, with its reason for a cleared reader', async () => {
    const { personId, caseId } = await screenedWithCase({ sg_sexual_violence: 'yes_last_72_hours' });
    // The clear outcome is the uncleared view: nothing in it raises the SGBV domain.
    const stored = await app.database.pool.query<{ outcome: { domains: { domain: string; level: string }[] } }>('select outcome from screenings where person_id = $1', [personId]);
    expect(stored.rows[0]!.outcome.domains.find((d) => d.domain === 'sgbv_coercion')).toBeUndefined();

    const answer = await officer.request('GET', `/api/v1/cases/${caseId}/resettlement/suggestions`);
    expect(answer.status).toBe(200);
    const women = (answer.body as Suggestions).suggestions.find((s) => s.category === 'women_girls_at_risk');
    expect(women, JSON.stringify(answer.body)).toBeDefined();
    const reason = women!.reasons.find((r) => r.rule === 'woman_or_girl_at_high_risk')!;
    expect(reason).toMatchObject({ personId });
    expect(reason.withheld).toBeUndefined();
    expect(reason.en).toContain('sexual and gender-based violence');
  });

  it('a woman screened without SGBV answers gets no such suggestion', async () => {
    const { caseId } = await screenedWithCase({ sg_sexual_violence: 'no' });
    const answer = await officer.request('GET', `/api/v1/cases/${caseId}/resettlement/suggestions`);
    expect(answer.status).toBe(200);
    expect((answer.body as Suggestions).suggestions.map((s) => s.category)).not.toContain('women_girls_at_risk');
  });

  it('confirming the category stores the sealed reason as withheld, never its words, and the queue and submission show it so', async () => {
    const { caseId } = await screenedWithCase({ sg_sexual_violence: 'yes_earlier', sg_exchanged_sex: 'yes' });
    const suggested = await officer.request('GET', `/api/v1/cases/${caseId}/resettlement/suggestions`);
    expect((suggested.body as Suggestions).suggestions.map((s) => s.category)).toContain('women_girls_at_risk');
    const durable = await officer.request('PUT', `/api/v1/cases/${caseId}/durable-solutions`, {
      assessedOn: '2026-06-01',
      solutions: {
        voluntary_repatriation: { status: 'not_feasible', wish: 'does_not_wish', traffickingRisk: { level: 'low', reasons: [] } },
        local_integration: { status: 'not_feasible', wish: 'undecided', traffickingRisk: { level: 'low', reasons: [] } },
        resettlement: { status: 'feasible', wish: 'wishes', traffickingRisk: { level: 'low', reasons: [] } },
      },
    });
    expect(durable.status, JSON.stringify(durable.body)).toBe(200);
    const confirmed = await officer.request('PUT', `/api/v1/cases/${caseId}/resettlement`, { primary: 'women_girls_at_risk', secondary: null, priority: 'normal' });
    expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
    const primary = (confirmed.body as { primary: { source: string; reasons: { withheld?: { readableBy: string[] } }[] } }).primary;
    expect(primary.source).toBe('suggested');
    expect(primary.reasons.length).toBeGreaterThan(0);
    expect(primary.reasons.every((r) => r.withheld !== undefined && r.withheld.readableBy.includes('protection_officer'))).toBe(true);
    const row = await app.database.pool.query<{ all: string }>('select (confirmed::text || suggested::text) as all from resettlement_submissions where case_id = $1', [caseId]);
    for (const word of SGBV_WORDS) expect(row.rows[0]!.all).not.toContain(word);
  });
});
