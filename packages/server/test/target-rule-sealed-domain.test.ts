import type { TargetRule } from '@waymark/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetRuleSql } from '../src/db/target-rule-sql';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const NOW = new Date('2026-06-15T10:00:00Z');

/**
 * The SGBV items are highly sensitive: their answers and signals are sealed (migration
 * 0012). The domain's LEVEL is not an answer and stays in the clear outcome, so a targeting
 * rule on it must select by the true level, not read every sealed domain as "low".
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

  it('a rule on the sealed domain selects the people whose true level meets it', async () => {
    const rank: Record<string, number> = { low: 1, medium: 2, high: 3 };
    for (const value of ['medium', 'high'] as const) {
      const expected = [...levels].filter(([, level]) => rank[level]! >= rank[value]!).map(([id]) => id).sort();
      expect(await selected({ all: [{ field: 'domain.sgbv_coercion', op: 'gte', value }] })).toEqual(expected);
    }
    const high = [...levels].filter(([, level]) => level === 'high').map(([id]) => id).sort();
    expect(high.length).toBeGreaterThan(0);
    expect(await selected({ all: [{ field: 'domain.sgbv_coercion', op: 'in', values: ['high'] }] })).toEqual(high);
    const low = [...levels].filter(([, level]) => level === 'low').map(([id]) => id).sort();
    expect(await selected({ all: [{ field: 'domain.sgbv_coercion', op: 'lte', value: 'low' }] })).toEqual(low);
  });
});
