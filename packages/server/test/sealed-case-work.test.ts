import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../src/crypto/key-ring';
import { rotateKeys } from '../src/use-cases/keys/rotate-keys';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';
import { ringOf, testKeys } from './test-key-ring';

const VIEWS = 'SealedViewsCanary: I want to stay with my aunt';
const LEGACY_VIEWS = 'LegacyViewsCanary written before sealing';

interface Assessment {
  id: string;
  restricted: boolean;
  findings: null | { reasons: { key: string; text: { en: string } }[]; elements: unknown };
}

/** Migration 0018: a child's words in a BID and a trafficking assessment's input and findings are sealed at rest. */
describe.each(databaseTargets())('case work sealed at rest on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let colleague: Client;
  let officer: Client;
  let supervisor: Client;
  let caseId: string;
  let childId: string;
  const k1 = generateKey();
  const k2 = generateKey();

  beforeAll(async () => {
    testKeys.ring = ringOf('k1', { k1 });
    app = await startTestApp(target, { now: () => new Date('2026-06-01T09:00:00Z') });
    caseworker = await app.as('caseworker');
    colleague = await app.as('caseworker');
    officer = await app.as('child_protection_officer');
    supervisor = await app.as('supervisor');
    const adult = await caseworker.request('POST', '/api/v1/persons', { givenName: 'Sara', familyName: 'Sealed', sex: 'female', birthYear: 1990 });
    const personId = (adult.body as { id: string }).id;
    await giveConsent(caseworker, personId);
    caseId = ((await caseworker.request('POST', '/api/v1/cases', { personId })).body as { id: string }).id;
    const assessed = await caseworker.request('POST', `/api/v1/cases/${caseId}/trafficking-assessments`, {
      acts: ['recruitment'],
      means: ['deception'],
      purposes: ['forced_labour_or_services'],
    });
    expect(assessed.status, JSON.stringify(assessed.body)).toBe(201);
    const child = await caseworker.request('POST', '/api/v1/persons', { givenName: 'Noor', familyName: 'Sealed', sex: 'female', dateOfBirth: '2014-03-10', careSituation: 'unaccompanied' });
    childId = (child.body as { id: string }).id;
    const recorded = await officer.request('POST', `/api/v1/persons/${childId}/bid`, {
      assessmentDate: '2026-05-20',
      decisionDate: '2026-05-25',
      situation: { choosingDurableSolution: true, exceptionalTemporaryCare: false, mayBeSeparatedFromParentsAgainstTheirWill: false },
      panel: [
        { memberId: 'u-1', role: 'chair', confidentialityUndertakingSigned: true },
        { memberId: 'u-2', role: 'child_protection', confidentialityUndertakingSigned: true },
        { memberId: 'u-3', role: 'legal', confidentialityUndertakingSigned: true },
      ],
      childViews: { kind: 'disagrees', reasons: VIEWS },
      recommendation: { kind: 'local_integration' },
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    expect(recorded.body).toMatchObject({ childViews: { kind: 'disagrees', reasons: VIEWS } });
  });
  afterAll(() => app.close());

  const stored = async () => ({
    assessments: (await app.database.pool.query<{ sealed: string | null; input: unknown; findings: unknown }>('select sealed, input, findings from trafficking_assessments')).rows,
    views: (await app.database.pool.query<{ child_views_text: string }>('select child_views_text from best_interests_determinations where child_views_text is not null')).rows.map((r) => r.child_views_text),
  });
  const assessments = async (by: Client) => {
    const response = await by.request('GET', `/api/v1/cases/${caseId}/trafficking-assessments`);
    expect(response.status).toBe(200);
    return (response.body as { items: Assessment[] }).items;
  };
  const views = async (by: Client) => {
    const response = await by.request('GET', `/api/v1/persons/${childId}/best-interests`);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return (response.body as { determinations: Array<{ childViews: unknown; childViewsWithheld: boolean }> }).determinations;
  };

  it('stores ciphertext only, and gives clear text to cleared readers and nothing to others', async () => {
    const rows = await stored();
    expect(rows.assessments).toHaveLength(1);
    expect(rows.assessments[0]!.sealed).toMatch(/^v1:k1:/);
    expect(rows.assessments[0]!.input).toBeNull();
    expect(rows.assessments[0]!.findings).toBeNull();
    expect(rows.views).toHaveLength(1);
    expect(rows.views[0]).toMatch(/^v1:k1:/);
    expect(JSON.stringify(rows)).not.toContain('SealedViewsCanary');
    expect(JSON.stringify(rows)).not.toContain('recruitment');

    const cleared = await assessments(supervisor);
    expect(cleared[0]!.restricted).toBe(false);
    expect(cleared[0]!.findings!.reasons.length).toBeGreaterThan(0);
    expect(JSON.stringify(cleared[0]!.findings)).toContain('recruitment');
    // The assigned worker reads on need-to-know; a colleague of the agency sees the outcome only.
    expect((await assessments(caseworker))[0]!.findings).not.toBeNull();
    expect((await assessments(colleague))[0]).toMatchObject({ restricted: true, findings: null });

    expect((await views(officer))[0]).toMatchObject({ childViews: { kind: 'disagrees', reasons: VIEWS }, childViewsWithheld: false });
    expect((await views(colleague))[0]).toMatchObject({ childViews: null, childViewsWithheld: true });
  });

  it('reads rows from before sealing as they are, and `keys rotate` seals them and re-seals the rest under the new key', async () => {
    const before = await assessments(supervisor);
    // A database from before migration 0018: the same values in clear (and so marked by migration 0036).
    await app.database.pool.query(`update best_interests_determinations set child_views_text = $1, child_views_clear = true where person_id = $2`, [LEGACY_VIEWS, childId]);
    const legacy = await caseworker.request('POST', `/api/v1/cases/${caseId}/trafficking-assessments`, { acts: ['transfer'], purposes: ['sexual_exploitation'] });
    expect(legacy.status).toBe(201);
    const legacyId = (legacy.body as { id: string }).id;
    const clearFindings = (await assessments(supervisor)).find((a) => a.id === legacyId)!.findings;
    await app.database.pool.query(`update trafficking_assessments set sealed = null, input = $1, findings = $2 where id = $3`, [
      JSON.stringify({ acts: ['transfer'], purposes: ['sexual_exploitation'] }),
      JSON.stringify(clearFindings),
      legacyId,
    ]);
    expect((await views(officer))[0]).toMatchObject({ childViews: { kind: 'disagrees', reasons: LEGACY_VIEWS } });
    expect((await assessments(supervisor)).find((a) => a.id === legacyId)!.findings).toEqual(clearFindings);

    // The server restarts with k2 active and k1 still in the ring; the operator rotates.
    testKeys.ring = ringOf('k2', { k1, k2 });
    const summary = await rotateKeys(app.database.db, testKeys.ring);
    expect(summary.caseWork).toEqual({ resealed: 1, sealedFromClear: 2, unknownKey: 0, tampered: 0, remainingByKey: { k2: 3 } });
    const rows = await stored();
    expect(rows.assessments.every((a) => a.sealed?.startsWith('v1:k2:') && a.input === null && a.findings === null)).toBe(true);
    expect(rows.views.every((v) => v.startsWith('v1:k2:'))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain('LegacyViewsCanary');

    // Readers see exactly what they saw before.
    expect((await views(officer))[0]).toMatchObject({ childViews: { kind: 'disagrees', reasons: LEGACY_VIEWS } });
    const after = await assessments(supervisor);
    expect(after.find((a) => a.id === before[0]!.id)!.findings).toEqual(before[0]!.findings);
    expect(after.find((a) => a.id === legacyId)!.findings).toEqual(clearFindings);

    // Once k1 is gone, nothing needed it: a second run changes nothing.
    testKeys.ring = ringOf('k2', { k2 });
    const again = await rotateKeys(app.database.db, testKeys.ring);
    expect(again.caseWork).toMatchObject({ resealed: 0, sealedFromClear: 0, remainingByKey: { k2: 3 } });
    expect((await views(officer))[0]).toMatchObject({ childViews: { kind: 'disagrees', reasons: LEGACY_VIEWS } });
  });
});
