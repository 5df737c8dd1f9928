import { findInstrument, highlySensitiveItemIds, mergeSensitive, type StoredOutcome } from '@waymark/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScreeningAnswers, screeningAnswersAad } from '../src/crypto/screening-answers';
import { seal } from '../src/crypto/seal';
import { rotateKeys } from '../src/use-cases/keys/rotate-keys';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';
import { liveKeyRing } from './test-key-ring';

interface ScreeningBody {
  id: string;
  riskLevel: string;
  overrides: { id: string }[];
  domains: { domain: string; level: string; score: number }[];
  recommendedActions: { id: string }[];
  explanation: Record<string, string[]>;
  withheld: { domain: string; topic: string | null; readableBy: string[] }[];
}

const SGBV_72H_TRACES = [
  'sexual_violence_last_72_hours',
  'Sexual violence in the last 72 hours',
  'عنف جنسي خلال الساعات الـ72 الماضية',
  'urgent_medical_care',
  'post-rape care',
  'gbv_case_management',
  'Sexual violence and coercion: high',
];
const CHILD_RECRUITED_TRACES = [
  'child_recruited_by_armed_group',
  'A child in the household has been approached or recruited by an armed group.',
  'immediate_safety_plan',
  'Immediate safety plan',
  'best_interests_assessment',
];

/**
 * The review's repros of issue 12 §1, each by name: every one of them failed against main
 * before this change (the override, its reason and actions and the SGBV domain's score
 * reached uncleared readers; the override id sat in clear in `screenings.outcome`; task
 * titles copied from its actions too). The leak matrix (sensitive-leak-matrix.test.ts)
 * generalises them to every item, answer, role and route.
 */
describe.each(databaseTargets())('derived highly sensitive content, the review repros, on $name PostgreSQL', (target) => {
  let app: TestApp;
  let protectionOfficer: Client;
  let uncleared: Record<string, Client>;

  async function woman(responses: Record<string, string>): Promise<{ personId: string; screening: ScreeningBody }> {
    const created = await protectionOfficer.request('POST', '/api/v1/persons', { givenName: 'Repro', familyName: 'Woman', sex: 'female', birthYear: 1994, setting: 'urban', adminAreaCode: 'AREA-R' });
    expect(created.status).toBe(201);
    const personId = (created.body as { id: string }).id;
    await giveConsent(protectionOfficer, personId);
    const screened = await protectionOfficer.request('POST', `/api/v1/persons/${personId}/screenings`, { instrument: 'heightened-risk', responses });
    expect(screened.status, JSON.stringify(screened.body)).toBe(201);
    return { personId, screening: screened.body as ScreeningBody };
  }

  const readScreenings = async (client: Client, personId: string) => {
    const answer = await client.request('GET', `/api/v1/persons/${personId}/screenings`);
    expect(answer.status).toBe(200);
    return (answer.body as { items: ScreeningBody[] }).items[0]!;
  };

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-15T10:00:00Z') });
    protectionOfficer = await app.as('protection_officer', undefined, { scope: 'operation' });
    uncleared = {
      caseworker: await app.as('caseworker', undefined, { scope: 'operation' }),
      partner_caseworker: await app.as('partner_caseworker', undefined, { scope: 'operation' }),
      child_protection_officer: await app.as('child_protection_officer', undefined, { scope: 'operation' }),
    };
  }, 120_000);
  afterAll(() => app.close());

  it('repro: sg_sexual_violence = yes_last_72_hours, read by a caseworker without SGBV clearance, a partner caseworker and a child protection officer: no override, reason, actions or SGBV score, on the screenings or the person page', async () => {
    const { personId, screening } = await woman({ sg_sexual_violence: 'yes_last_72_hours' });
    // The cleared officer who screened her sees it all.
    expect(screening.overrides.map((o) => o.id)).toContain('sexual_violence_last_72_hours');
    for (const [role, client] of Object.entries(uncleared)) {
      const seen = await readScreenings(client, personId);
      const text = JSON.stringify(seen);
      for (const trace of SGBV_72H_TRACES) expect(text, `${role} reads "${trace}"`).not.toContain(trace);
      expect(seen.overrides, role).toEqual([]);
      expect(seen.domains.find((d) => d.domain === 'sgbv_coercion'), role).toMatchObject({ level: 'low', score: 0 });
      // What they still see, so they can act: the level, and that a section is withheld and for whom.
      expect(seen.riskLevel, role).toBe('critical');
      expect(seen.withheld.find((s) => s.domain === 'sgbv_coercion'), role).toMatchObject({ topic: 'sgbv', readableBy: expect.arrayContaining(['protection_officer']) });
      const page = await client.request('GET', `/api/v1/persons/${personId}`);
      for (const trace of SGBV_72H_TRACES) expect(JSON.stringify(page.body), `${role} person page`).not.toContain(trace);
    }
  });

  it('repro: the sexual_violence_last_72_hours override id is not in clear in screenings.outcome', async () => {
    const { screening } = await woman({ sg_sexual_violence: 'yes_last_72_hours' });
    const row = await app.database.db.selectFrom('screenings').select(['outcome', 'responses', 'sealed_answers', 'risk_level']).where('id', '=', screening.id).executeTakeFirstOrThrow();
    const clear = JSON.stringify([row.outcome, row.responses]);
    for (const trace of ['sexual_violence_last_72_hours', 'sg_sexual_violence', 'yes_last_72_hours', 'sgbv_coercion', 'experienced_sexual_violence']) expect(clear).not.toContain(trace);
    expect(row.sealed_answers).toMatch(/^v1:/);
    expect(row.risk_level).toBe('critical');
  });

  it('repro: ci_armed_group_approach = yes_child (child_recruited_by_armed_group) reaches neither a caseworker nor a child protection officer, nor the database in clear', async () => {
    const { personId, screening } = await woman({ ci_armed_group_approach: 'yes_child' });
    expect(screening.overrides.map((o) => o.id)).toContain('child_recruited_by_armed_group');
    for (const role of ['caseworker', 'child_protection_officer']) {
      const seen = await readScreenings(uncleared[role]!, personId);
      const text = JSON.stringify(seen);
      for (const trace of CHILD_RECRUITED_TRACES) expect(text, `${role} reads "${trace}"`).not.toContain(trace);
      expect(seen.riskLevel).toBe('critical');
      expect(seen.withheld.map((s) => s.domain)).toContain('conflict_insecurity');
    }
    const row = await app.database.db.selectFrom('screenings').select('outcome').where('id', '=', screening.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row.outcome)).not.toContain('child_recruited_by_armed_group');
  });

  it('repro: tasks a case copies from the 72-hour override are sealed at rest and withheld from an uncleared caseworker, shown to the cleared officer', async () => {
    const { screening } = await woman({ sg_sexual_violence: 'yes_last_72_hours' });
    const opened = await protectionOfficer.request('POST', '/api/v1/cases', { fromScreeningId: screening.id });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const caseId = (opened.body as { id: string }).id;
    const rows = await app.database.db.selectFrom('case_tasks').select(['title', 'created_from', 'topic']).where('case_id', '=', caseId).execute();
    expect(rows.filter((row) => row.topic === 'sgbv').length).toBeGreaterThanOrEqual(2);
    for (const row of rows.filter((candidate) => candidate.topic !== null)) {
      expect(row.title).toMatch(/^v1:/);
      expect(row.created_from).toBeNull();
    }
    for (const trace of SGBV_72H_TRACES) expect(JSON.stringify(rows)).not.toContain(trace);
    const asOfficer = JSON.stringify((await protectionOfficer.request('GET', `/api/v1/cases/${caseId}`)).body);
    expect(asOfficer).toContain('Urgent medical care (post-rape care within 72 hours)');
    expect(asOfficer).toContain('urgent_medical_care');
    const asCaseworker = await uncleared.caseworker!.request('GET', `/api/v1/cases/${caseId}`);
    expect(asCaseworker.status).toBe(200);
    for (const trace of SGBV_72H_TRACES) expect(JSON.stringify(asCaseworker.body)).not.toContain(trace);
  });

  it('a screening sealed before this release (override ids and levels in clear) is withheld whole at once, and keys rotate splits it again', async () => {
    const { personId, screening } = await woman({ sg_sexual_violence: 'yes_last_72_hours' });
    const instrument = findInstrument('heightened-risk', 1)!;
    const row = await app.database.db.selectFrom('screenings').selectAll().where('id', '=', screening.id).executeTakeFirstOrThrow();
    const part = openScreeningAnswers(liveKeyRing, row, row.sealed_answers);
    if (!part.ok || !part.value) throw new Error('did not open');
    const whole = mergeSensitive(instrument, { responses: row.responses, stored: row.outcome as StoredOutcome }, part.value);
    // Format 1 sealed the answers and the signals naming them, and left everything else in clear.
    const sensitive = highlySensitiveItemIds(instrument);
    const formatOne = {
      format: 1,
      responses: Object.fromEntries(Object.entries(whole.responses ?? {}).filter(([id]) => sensitive.has(id))),
      signals: whole.stored.domains.flatMap((d) => d.signals.flatMap((signal, index) => (signal.source === 'response' && sensitive.has(signal.itemId) ? [{ domain: d.domain, index, signal }] : []))),
      followUps: [],
    };
    const clearOutcome = { ...whole.stored, domains: whole.stored.domains.map((d) => ({ ...d, signals: d.signals.filter((s) => s.source !== 'response' || !sensitive.has(s.itemId)) })) };
    await app.database.db
      .updateTable('screenings')
      .set({ outcome: JSON.stringify(clearOutcome), responses: JSON.stringify({}), sealed_answers: seal(liveKeyRing, JSON.stringify(formatOne), screeningAnswersAad(row)) })
      .where('id', '=', screening.id)
      .execute();
    const legacy = await app.database.db.selectFrom('screenings').select('outcome').where('id', '=', screening.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(legacy.outcome)).toContain('sexual_violence_last_72_hours');

    // Read before any rotation: the view is worked out in memory.
    const before = JSON.stringify(await readScreenings(uncleared.caseworker!, personId));
    for (const trace of SGBV_72H_TRACES) expect(before).not.toContain(trace);
    expect(await readScreenings(protectionOfficer, personId)).toEqual(screening);

    const summary = await rotateKeys(app.database.db, liveKeyRing);
    expect(summary.screeningAnswers.resealed).toBeGreaterThanOrEqual(1);
    const after = await app.database.db.selectFrom('screenings').select('outcome').where('id', '=', screening.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(after.outcome)).not.toContain('sexual_violence_last_72_hours');
    expect((after.outcome as StoredOutcome).sealedFormat).toBe(2);
    expect(await readScreenings(protectionOfficer, personId)).toEqual(screening);
    const again = await rotateKeys(app.database.db, liveKeyRing);
    expect(again.screeningAnswers).toMatchObject({ resealed: 0, sealedFromClear: 0 });
  });
});
