import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleOperatorActor } from '../src/use-cases/console/console-actor';
import { rescoreAll } from '../src/use-cases/screenings/rescore-all';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';
import { liveKeyRing } from './test-key-ring';

interface ScreeningBody {
  id: string;
  riskLevel: string;
  instrumentId: string;
  instrumentVersion: number;
  overrides: { id: string }[];
  domains: { domain: string; level: string; signals: { itemId?: string; fact?: string; indicator: string; weight: number; why: Record<string, string> }[] }[];
  recommendedActions: { id: string }[];
  followUps: { itemId: string }[];
  explanation: Record<string, string[]>;
}

describe.each(databaseTargets())('screening API on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  const register = async (body: Record<string, unknown>) => {
    const response = await caseworker.request('POST', '/api/v1/persons', body);
    expect(response.status).toBe(201);
    const id = (response.body as { id: string }).id;
    // Screening needs case-management consent (consent-api.test.ts tests its absence).
    await giveConsent(caseworker, id);
    return id;
  };
  const screen = (personId: string, responses: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    caseworker.request('POST', `/api/v1/persons/${personId}/screenings`, { instrument: 'heightened-risk', responses, ...extra });
  const count = async (table: 'screenings' | 'audit_events') =>
    Number((await app.database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-15T10:00:00Z') });
    caseworker = await app.as('caseworker');
  });
  afterAll(() => app.close());

  it('serves the full instrument definition, weights included', async () => {
    const list = await caseworker.request('GET', '/api/v1/instruments');
    expect(list.body).toMatchObject({ items: [expect.objectContaining({ id: 'heightened-risk', version: 1 })] });
    const definition = (await caseworker.request('GET', '/api/v1/instruments/heightened-risk')).body as {
      items: { id: string; domain: string; choices?: { value: string; weight: number }[] }[];
      domains: { id: string }[];
    };
    expect(definition.domains.map((d) => d.id)).toEqual([
      'mixed_migration_smuggling', 'urban_unregistered', 'protracted_displacement', 'conflict_insecurity', 'economic_survival',
      'women_at_risk', 'children_at_risk', 'sgbv_coercion', 'family_separation_isolation', 'trauma', 'legal_protection', 'enforcement_border',
    ]);
    const debt = definition.items.find((item) => item.id === 'mms_owes_journey_debt');
    expect(debt).toMatchObject({ domain: 'mixed_migration_smuggling', choices: expect.arrayContaining([{ ...debt!.choices![0]!, value: 'yes', weight: expect.any(Number) }]) });
    expect((await caseworker.request('GET', '/api/v1/instruments/nope')).status).toBe(404);
    const badVersion = await caseworker.request('GET', '/api/v1/instruments/heightened-risk?version=one');
    expect(badVersion.status).toBe(400);
    expect(badVersion.contentType).toContain('application/problem+json');
    expect(badVersion.body).toMatchObject({ code: 'validation_failed', errors: [expect.objectContaining({ path: '/version' })] });
    expect((await caseworker.request('GET', '/api/v1/instruments/heightened-risk?version=1')).status).toBe(200);
  });

  it('scores, explains and keeps history; the person shows the newest level', async () => {
    const personId = await register({ givenName: 'Tesfay', familyName: 'Gebre', sex: 'male', birthYear: 1998, setting: 'urban', legalStatus: 'irregular_migrant' });
    const first = await screen(personId, { mms_used_smuggler: 'yes', mms_owes_journey_debt: 'yes', mms_onward_plans: 'yes_within_weeks' });
    expect(first.status).toBe(201);
    const outcome = first.body as ScreeningBody;
    expect(outcome).toMatchObject({ riskLevel: 'critical', instrumentId: 'heightened-risk', instrumentVersion: 1 });
    expect(outcome.overrides.map((o) => o.id)).toContain('journey_debt_and_imminent_onward_movement');
    const smuggling = outcome.domains.find((d) => d.domain === 'mixed_migration_smuggling')!;
    expect(smuggling.signals.map((s) => s.itemId)).toEqual(expect.arrayContaining(['mms_used_smuggler', 'mms_owes_journey_debt']));
    expect(smuggling.signals.every((s) => s.weight > 0 && s.why.en && s.why.ar)).toBe(true);
    // Registration facts count without being asked again.
    const legal = outcome.domains.find((d) => d.domain === 'legal_protection')!;
    expect(legal.signals.some((s) => s.fact === 'legalStatus')).toBe(true);
    expect(outcome.recommendedActions.length).toBeGreaterThan(0);
    expect(outcome.explanation.en!.length).toBeGreaterThan(0);
    expect(outcome.explanation.ar!.length).toBeGreaterThan(0);
    expect((await caseworker.request('GET', `/api/v1/persons/${personId}`)).body).toMatchObject({ riskLevel: 'critical' });

    const second = await screen(personId, { mms_used_smuggler: 'no', mms_owes_journey_debt: 'no', mms_onward_plans: 'no' });
    expect(second.status).toBe(201);
    const level = (second.body as ScreeningBody).riskLevel;
    expect(level).not.toBe('critical');
    const history = (await caseworker.request('GET', `/api/v1/persons/${personId}/screenings`)).body as { items: ScreeningBody[]; total: number };
    expect(history.total).toBe(2);
    expect(history.items.map((s) => s.id)).toEqual([(second.body as ScreeningBody).id, outcome.id]);
    expect(history.items[1]).toMatchObject({ riskLevel: 'critical' });
    expect((await caseworker.request('GET', `/api/v1/persons/${personId}`)).body).toMatchObject({ riskLevel: level });
    expect((await caseworker.request('GET', '/api/v1/persons?riskLevel=critical')).body).toMatchObject({ total: 0 });
  });

  it('makes an unaccompanied child with no carer critical whatever the sum', async () => {
    const childId = await register({ givenName: 'Abdi', familyName: 'Noor', sex: 'male', birthYear: 2012, careSituation: 'unaccompanied' });
    const response = await screen(childId, { cr_current_carer: 'no_one' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ riskLevel: 'critical', overrides: [expect.objectContaining({ id: 'unaccompanied_child_without_carer' })] });
  });

  it('turns "prefer not to answer" on a sensitive item into a follow-up, never a lower score', async () => {
    const personId = await register({ givenName: 'Leila', familyName: 'Haddad', sex: 'female', birthYear: 1990 });
    const response = await screen(personId, { sg_sexual_violence: 'prefer_not_to_answer' });
    expect(response.status).toBe(201);
    expect((response.body as ScreeningBody).followUps).toEqual([expect.objectContaining({ itemId: 'sg_sexual_violence' })]);
  });

  it.each([
    ['an answer that is not one of the choices', { mms_used_smuggler: 'maybe' }, {}, '/responses/mms_used_smuggler', 'not_a_choice'],
    ['an unknown item', { favourite_food: 'yes' }, {}, '/responses/favourite_food', 'unknown_item'],
    ['an answer to a question that does not apply', { mms_debt_repaid_through_work: 'yes' }, {}, '/responses/mms_debt_repaid_through_work', 'not_applicable'],
    ['a wrong type', { eb_times_pushed_back: 'often' }, {}, '/responses/eb_times_pushed_back', 'wrong_type'],
    ['an unknown instrument', {}, { instrument: 'vulnerability-x' }, '/instrument', 'unknown_instrument'],
    ['an instrument version that does not exist', {}, { instrumentVersion: 99 }, '/instrumentVersion', 'unknown_instrument_version'],
    ['an unknown field', {}, { notes: 'x' }, '/notes', 'unknown_field'],
  ])('refuses %s with a problem at the field, writing nothing', async (_label, responses, extra, path, code) => {
    const personId = await register({ givenName: 'Sara', familyName: 'Ali', sex: 'female', birthYear: 1995 });
    const before = [await count('screenings'), await count('audit_events')];
    const response = await screen(personId, responses, extra);
    expect(response.status).toBe(400);
    expect(response.contentType).toContain('application/problem+json');
    expect((response.body as { errors: unknown[] }).errors).toContainEqual(expect.objectContaining({ path, code }));
    expect([await count('screenings'), await count('audit_events')]).toEqual(before);
    expect((await caseworker.request('GET', `/api/v1/persons/${personId}`)).body).toMatchObject({ riskLevel: null });
  });

  it('answers 404 when screening someone who does not exist', async () => {
    const response = await screen('0190a4e0-0000-7000-8000-000000000000', {});
    expect(response.status).toBe(404);
  });

  it('shows a re-scored screening with the answers it reused', async () => {
    const personId = await register({ givenName: 'Yonas', familyName: 'Tesfaye', sex: 'male', birthYear: 1993 });
    const answers = { mms_used_smuggler: 'yes', ci_threatened_or_attacked: 'yes' };
    const original = (await screen(personId, answers)).body as ScreeningBody;
    await rescoreAll(app.database, { actor: await consoleOperatorActor(app.database.db), actorId: null, now: new Date('2026-06-16T10:00:00Z'), keyRing: liveKeyRing });
    const history = (await caseworker.request('GET', `/api/v1/persons/${personId}/screenings`)).body as {
      items: (ScreeningBody & { rescoredFrom: string | null; responses: unknown })[];
    };
    expect(history.items[0]).toMatchObject({ rescoredFrom: original.id, responses: answers, riskLevel: original.riskLevel });
    expect(history.items[0]!.explanation.en).toEqual(original.explanation.en);
  });
});
