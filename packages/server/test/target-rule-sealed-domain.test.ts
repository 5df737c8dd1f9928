import type { TargetRule } from '@waymark/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetRuleSql } from '../src/db/target-rule-sql';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const NOW = new Date('2026-06-15T10:00:00Z');

/**
 * The SGBV items are highly sensitive: their answers, and since migration 0025 the levels
 * they raise, are sealed (the clear outcome is the screening as if they had not been
 * asked). A targeting rule runs in SQL on what is in clear, so a rule on the SGBV domain
 * selects by the level the clear answers give, which is low for everyone: a target list
 * shown to programme staff must not tell who disclosed sexual violence.
 */
describe.each(databaseTargets())('targeting on a sealed domain on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  const levels = new Map<string, string>();

  async function screened(responses: Record<string, string>): Promise<string> {
    const created = await caseworker.request('POST', '/api/v1/persons', { givenName: `S${levels.size}`, familyName: 'Sealed', sex: 'female', birthYear: 1995, setting: 'urban', adminAreaCode: 'AREA-A' });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    await giveConsent(caseworker, id);
    const screening = await caseworker.request('POST', `/api/v1/persons/${id}/screenings`, { instrument: 'heightened-risk', responses });
    expect(screening.status, JSON.stringify(screening.body)).toBe(201);
    const outcome = screening.body as { domains: { domain: string; level: string }[] };
    levels.set(id, outcome.domains.find((d) => d.domain === 'sgbv_coercion')?.level ?? 'low');
    return id;
  }

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => NOW });
    caseworker = await app.as('caseworker');
    await screened({ sg_sexual_violence: 'yes_last_72_hours', sg_exchanged_sex: 'yes' });
    await screened({ sg_sexual_violence: 'yes_earlier' });
    await screened({ sg_sexual_violence: 'no' });
    await screened({ es_needs_covered: 'no', es_works_informally: 'yes' });
  });
  afterAll(() => app.close());

  const selected = async (rule: TargetRule) =>
    (
      await app.database.db
        .selectFrom('persons')
        .select('id')
        .where('operation_id', '=', app.operationId)
        .where(targetRuleSql(rule, NOW, app.operationId))
        .execute()
    )
      .map((row) => row.id)
      .sort();

  it('the SGBV answers of these screenings are sealed, and not all levels are low', async () => {
    const rows = await app.database.db.selectFrom('screenings').select(['person_id', 'sealed_answers', 'responses']).where('operation_id', '=', app.operationId).execute();
    const sealed = rows.filter((row) => row.sealed_answers !== null);
    expect(sealed.length).toBeGreaterThanOrEqual(2);
    for (const row of sealed) expect(JSON.stringify(row.responses)).not.toContain('sg_sexual_violence');
    expect([...levels.values()].some((level) => level !== 'low')).toBe(true);
    expect([...levels.values()]).toContain('low');
  });

  it('a rule on the sealed domain selects by the level in clear, so nobody by what they disclosed', async () => {
    const everyone = [...levels.keys()].sort();
    for (const value of ['medium', 'high'] as const) {
      expect(await selected({ all: [{ field: 'domain.sgbv_coercion', op: 'gte', value }] })).toEqual([]);
    }
    expect(await selected({ all: [{ field: 'domain.sgbv_coercion', op: 'in', values: ['high'] }] })).toEqual([]);
    expect(await selected({ all: [{ field: 'domain.sgbv_coercion', op: 'lte', value: 'low' }] })).toEqual(everyone);
    // A domain with clear items still selects by them.
    const economic = await selected({ all: [{ field: 'domain.economic_survival', op: 'gte', value: 'medium' }] });
    expect(economic.length).toBe(1);
  });
});
