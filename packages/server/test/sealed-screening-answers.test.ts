import { compactOutcome, findInstrument, mergeSensitive, scoreScreening, type StoredOutcome } from '@waymark/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../src/crypto/key-ring';
import { openScreeningAnswers, sealScreeningAnswers } from '../src/crypto/screening-answers';
import { rotateKeys } from '../src/use-cases/keys/rotate-keys';
import { seedPopulation } from '../src/use-cases/population/seed-population';
import { consoleOperatorActor } from '../src/use-cases/console/console-actor';
import { rescoreAll } from '../src/use-cases/screenings/rescore-all';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';
import { liveKeyRing, ringOf, testKeys } from './test-key-ring';

const SENSITIVE_ITEMS = ['sg_sexual_violence', 'sg_exchanged_sex', 'sg_coerced_by_person_with_power', 'sg_shunned_or_threatened', 'sg_received_support', 'ci_armed_group_approach'];
const ANSWERS = {
  sg_sexual_violence: 'yes_earlier',
  sg_coerced_by_person_with_power: 'yes_in_the_past',
  sg_exchanged_sex: 'prefer_not_to_answer',
  ci_armed_group_approach: 'yes_adult',
  mms_used_smuggler: 'yes',
};
const CLEAR_ANSWERS = { mms_used_smuggler: 'yes' };

interface ScreeningView {
  id: string;
  riskLevel: string;
  responses: Record<string, unknown>;
  withheld: { domain: string; answers: number; reason?: string }[];
  domains: { domain: string; level: string; signals: { itemId?: string }[] }[];
  followUps: { itemId: string }[];
  explanation: Record<string, string[]>;
}

describe.each(databaseTargets())('sealed screening answers on $name PostgreSQL', (target) => {
  let app: TestApp;
  let assigned: Client;
  const k1 = testKeys.ring;

  /** Screenings whose clear columns name a highly sensitive item anywhere. */
  const clearSensitive = async () =>
    Number(
      (
        await sql<{ n: string }>`select count(*) as n from screenings
          where (coalesce(responses::text, '') || outcome::text) like any (${SENSITIVE_ITEMS.map((id) => `%${id}%`)}::text[])`.execute(app.database.db)
      ).rows[0]!.n,
    );
  const history = async (client: Client, personId: string) => {
    const response = await client.request('GET', `/api/v1/persons/${personId}/screenings`);
    expect(response.status).toBe(200);
    return (response.body as { items: ScreeningView[] }).items;
  };
  const screenSomeone = async () => {
    const created = await assigned.request('POST', '/api/v1/persons', { givenName: 'Sealed', familyName: 'Answers', sex: 'female', birthYear: 1995 });
    const personId = (created.body as { id: string }).id;
    await giveConsent(assigned, personId);
    const screened = await assigned.request('POST', `/api/v1/persons/${personId}/screenings`, { instrument: 'heightened-risk', responses: ANSWERS });
    expect(screened.status, JSON.stringify(screened.body)).toBe(201);
    return { personId, screening: screened.body as ScreeningView };
  };

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-15T10:00:00Z') });
    assigned = await app.as('caseworker');
  });
  afterAll(async () => {
    testKeys.ring = k1;
    await app.close();
  });

  it('an API screening stores no highly sensitive answer in clear; cleared readers see it whole, others see it withheld', async () => {
    const before = await clearSensitive();
    const { personId, screening } = await screenSomeone();
    expect(await clearSensitive()).toBe(before);
    const row = await app.database.db.selectFrom('screenings').selectAll().where('id', '=', screening.id).executeTakeFirstOrThrow();
    expect(row.sealed_answers).toMatch(/^v1:k1:/);
    expect(row.responses).toEqual(CLEAR_ANSWERS);

    // What the screener was answered with is the whole screening.
    expect(screening.responses).toEqual(ANSWERS);
    expect(screening.followUps).toContainEqual(expect.objectContaining({ itemId: 'sg_exchanged_sex' }));
    const [mine] = await history(assigned, personId);
    expect(mine).toEqual(screening);

    const [colleague] = await history(await app.as('caseworker'), personId);
    expect(colleague!.responses).toEqual(CLEAR_ANSWERS);
    expect(colleague!.withheld).toEqual([
      { domain: 'conflict_insecurity', topic: 'trafficking', readableBy: ['administrator', 'supervisor', 'protection_officer', 'partner_caseworker'] },
      { domain: 'sgbv_coercion', topic: 'sgbv', readableBy: ['administrator', 'supervisor', 'protection_officer'] },
    ]);
    for (const item of SENSITIVE_ITEMS) expect(JSON.stringify(colleague)).not.toContain(item);
    const [protection] = await history(await app.as('protection_officer'), personId);
    expect(protection!.responses).toEqual(ANSWERS);
    expect(protection!.withheld).toEqual([]);
  });

  it('a sealed part copied to another screening does not open: that screening is shown with the section withheld, never a 500', async () => {
    const first = await screenSomeone();
    const second = await screenSomeone();
    const source = await app.database.db.selectFrom('screenings').select('sealed_answers').where('id', '=', first.screening.id).executeTakeFirstOrThrow();
    await app.database.db.updateTable('screenings').set({ sealed_answers: source.sealed_answers }).where('id', '=', second.screening.id).execute();

    const [copied] = await history(assigned, second.personId);
    expect(copied!.responses).toEqual(CLEAR_ANSWERS);
    expect(copied!.withheld).toEqual([
      { domain: 'conflict_insecurity', topic: 'trafficking', readableBy: ['administrator', 'supervisor', 'protection_officer', 'partner_caseworker'], reason: 'encryption_unavailable' },
      { domain: 'sgbv_coercion', topic: 'sgbv', readableBy: ['administrator', 'supervisor', 'protection_officer'], reason: 'encryption_unavailable' },
    ]);
    expect(JSON.stringify(copied)).not.toContain('sg_');
    // The original still opens; the subject-access export says why the section is missing.
    expect((await history(assigned, first.personId))[0]!.responses).toEqual(ANSWERS);
    const exported = await (await app.as('administrator')).request('GET', `/api/v1/persons/${second.personId}/export?format=json`);
    expect(exported.status).toBe(200);
    expect((exported.body as { header: { withheld: { section: string; reason: string }[] } }).header.withheld).toContainEqual(
      expect.objectContaining({ section: 'screening.sgbv_coercion', reason: 'encryption_unavailable' }),
    );
  });

  it('seed and re-score: nothing highly sensitive in clear, re-scores reuse the sealed answers and score the same', async () => {
    const today = new Date('2026-06-15T00:00:00Z');
    await seedPopulation(app.database, { persons: 150, seed: 3, today, screen: true, keyRing: liveKeyRing });
    expect(await clearSensitive()).toBe(0);
    await rescoreAll(app.database, { actor: await consoleOperatorActor(app.database.db), actorId: null, now: today, keyRing: liveKeyRing });
    expect(await clearSensitive()).toBe(0);

    const { rows } = await sql<{ operation_id: string; id: string; person_id: string; responses: Record<string, unknown> | null; outcome: StoredOutcome; sealed_answers: string | null; rescored_from: string | null }>`
      select s.operation_id, s.id, s.person_id, s.responses, s.outcome, s.sealed_answers, s.rescored_from
        from screenings s join persons p on p.operation_id = s.operation_id and p.id = s.person_id
       where p.given_name <> 'Sealed'`.execute(app.database.db);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const whole = (row: (typeof rows)[number]) => {
      const part = openScreeningAnswers(liveKeyRing, row, row.sealed_answers);
      expect(part.ok).toBe(true);
      return mergeSensitive(findInstrument('heightened-risk', 1)!, { responses: row.responses, stored: row.outcome }, part.ok ? part.value : null);
    };
    const rescored = rows.filter((row) => row.rescored_from !== null);
    expect(rescored.length).toBe(150);
    for (const row of rescored) {
      // Reused answers are copied neither in clear nor sealed; the re-score's own signals are sealed under its id.
      expect(row.responses).toBeNull();
      const own = openScreeningAnswers(liveKeyRing, row, row.sealed_answers);
      expect(own.ok && (own.value === null || own.value.responses === null)).toBe(true);
      const original = byId.get(row.rescored_from!)!;
      expect(whole(row).stored).toEqual(whole(original).stored);
    }
    // Sealed parts opened above prove each is bound to its own row.
    expect(rows.filter((row) => row.sealed_answers !== null).length).toBeGreaterThan(150);
  });

  it('keys rotate re-seals screenings under the new key, and seals answers a database from before sealing held in clear', async () => {
    const { personId, screening } = await screenSomeone();
    // A screening written before migration 0012: everything in clear, nothing sealed.
    const row = await app.database.db.selectFrom('screenings').selectAll().where('id', '=', screening.id).executeTakeFirstOrThrow();
    const part = openScreeningAnswers(liveKeyRing, row, row.sealed_answers);
    if (!part.ok) throw new Error('did not open');
    const legacy = mergeSensitive(findInstrument('heightened-risk', 1)!, { responses: row.responses, stored: row.outcome as StoredOutcome }, part.value);
    await app.database.db
      .updateTable('screenings')
      .set({ responses: JSON.stringify(legacy.responses), outcome: JSON.stringify(legacy.stored), sealed_answers: null })
      .where('id', '=', screening.id)
      .execute();
    expect(await clearSensitive()).toBe(1);
    expect((await history(assigned, personId))[0]).toEqual(screening);

    testKeys.ring = ringOf('k2', { k1: k1.keys.get('k1')!, k2: generateKey() });
    const summary = await rotateKeys(app.database.db, liveKeyRing, { batchSize: 7 });
    expect(summary.screeningAnswers.sealedFromClear).toBe(1);
    expect(summary.screeningAnswers.resealed).toBeGreaterThan(150);
    expect(summary.screeningAnswers.unknownKey + summary.screeningAnswers.tampered).toBe(1); // the copied one
    expect(Object.keys(summary.screeningAnswers.remainingByKey).sort()).toEqual(['k1', 'k2']);
    expect(summary.screeningAnswers.remainingByKey.k1).toBe(1);
    expect(await clearSensitive()).toBe(0);
    expect((await history(assigned, personId))[0]).toEqual(screening);

    // Only the active key needed now (bar the copied part, which never opened).
    testKeys.ring = ringOf('k2', { k2: testKeys.ring.keys.get('k2')! });
    expect((await history(assigned, personId))[0]).toEqual(screening);
    const again = await rotateKeys(app.database.db, liveKeyRing);
    expect(again.screeningAnswers).toMatchObject({ resealed: 0, sealedFromClear: 0 });
  });

  it('never writes highly sensitive answers in clear without a key ring: the API path refuses, a seed refuses before writing', async () => {
    const instrument = findInstrument('heightened-risk')!;
    const scored = scoreScreening(instrument, ANSWERS, { ageYears: 30, sex: 'female', setting: null, legalStatus: null, careSituation: null, documents: [], householdSize: 1, isHeadOfHousehold: true, dependantsInHousehold: 0, otherAdultsInHousehold: 0, yearsSinceArrival: null });
    if (!scored.ok) throw new Error('rejected');
    const place = { operation_id: app.operationId, id: app.operationId, person_id: app.operationId };
    // screen-person answers this with 503 encryption_unavailable, inside its transaction.
    expect(sealScreeningAnswers(undefined, instrument, place, ANSWERS, compactOutcome(scored.value))).toEqual({ ok: false, error: 'encryption_unavailable' });
    const screenings = async () => Number((await sql<{ n: string }>`select count(*) as n from screenings`.execute(app.database.db)).rows[0]!.n);
    const before = await screenings();
    await expect(seedPopulation(app.database, { persons: 10, seed: 4, today: new Date('2026-06-15T00:00:00Z'), screen: true })).rejects.toThrow(/key ring/);
    expect(await screenings()).toBe(before);
  });

  it('erasure removes the sealed answers with the clear ones', async () => {
    const { personId } = await screenSomeone();
    const erased = await (await app.as('administrator')).request('POST', `/api/v1/persons/${personId}/erasure`, {
      reason: 'The person asked in writing on 2026-06-01',
      mode: 'anonymise',
    });
    expect(erased.status).toBe(200);
    const rows = await app.database.db.selectFrom('screenings').select(['responses', 'sealed_answers']).where('person_id', '=', personId).execute();
    expect(rows).toEqual([{ responses: null, sealed_answers: null }]);
  });
});
