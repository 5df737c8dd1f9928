import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect';
import { databaseTargets, freshDatabase } from '../../server/test/database-targets';

const WAYMARK = fileURLToPath(new URL('../bin/waymark.mjs', import.meta.url));
/** Seeded screenings seal their highly sensitive answers: the CLI needs a key ring on a server database. */
const SENSITIVE = 'sg_sexual_violence|sg_exchanged_sex|sg_coerced_by_person_with_power|sg_shunned_or_threatened|sg_received_support|ci_armed_group_approach';
const KEYS = JSON.stringify({ active: 'k1', keys: { k1: randomBytes(32).toString('base64') } });

function waymark(url: string, ...args: string[]) {
  return spawnSync(process.execPath, [WAYMARK, ...args], {
    env: { ...process.env, DATABASE_URL: url, WAYMARK_KEYS: KEYS, WAYMARK_LOG_LEVEL: 'warn' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe.each(databaseTargets())('waymark CLI on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;
  const count = async (sql: string) => Number((await database.pool.query<{ n: string }>(sql)).rows[0]!.n);

  beforeAll(async () => {
    database = await freshDatabase(target);
  });
  afterAll(() => database.close());

  it('migrate reports an up-to-date database', () => {
    const run = waymark(database.url, 'migrate');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('up to date');
  });

  it('seed --demo loads exactly N synthetic persons, each screened, in plausible proportions', async () => {
    const run = waymark(database.url, 'seed', '--demo', '400', '--seed', '7');
    expect(run.status, run.stderr).toBe(0);
    expect(await count('select count(*) as n from persons')).toBe(400);
    expect(await count('select count(*) as n from screenings')).toBe(400);
    // Each seeded person has given case-management consent, a child's through a parent.
    expect(await count(`select count(*) as n from consents where purpose = 'case_management' and decision = 'given'`)).toBe(400);
    expect(await count(`select count(*) as n from consents where given_by = 'carer'`)).toBeGreaterThan(0);
    expect(await count('select count(*) as n from persons where risk_level is null')).toBe(0);
    expect(await count(`select count(*) as n from persons where risk_level = 'low'`)).toBeGreaterThan(40);
    expect(await count(`select count(*) as n from audit_events where action = 'population.load'`)).toBeGreaterThan(0);
    // Answers to highly sensitive items (and the signals naming them) are sealed, never in clear.
    expect(await count(`select count(*) as n from screenings where sealed_answers like 'v1:k1:%'`)).toBe(400);
    expect(await count(`select count(*) as n from screenings where (responses::text || outcome::text) ~ '${SENSITIVE}'`)).toBe(0);
  });

  it('screen --all re-scores everyone, keeping the history and pointing back to the answers reused', async () => {
    const before = await count('select count(*) as n from screenings');
    const run = waymark(database.url, 'screen', '--all');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Re-scored 400 persons/);
    expect(await count('select count(*) as n from screenings')).toBe(before + 400);
    expect(
      await count(`select count(*) as n from persons p join screenings s on s.operation_id = p.operation_id and s.id = p.latest_screening_id
                    where s.rescored_from is not null and s.risk_level = p.risk_level`),
    ).toBe(400);
    // Answers reused unchanged are not copied, and a second re-score points at the answered original, never at a re-score.
    expect(await count('select count(*) as n from screenings where responses is null')).toBe(400);
    expect(waymark(database.url, 'screen', '--all').status).toBe(0);
    expect(
      await count(`select count(*) as n from screenings s join screenings source on source.operation_id = s.operation_id and source.id = s.rescored_from
                    where source.responses is null`),
    ).toBe(0);
    expect(await count('select count(*) as n from screenings where rescored_from is not null')).toBe(800);
    expect(await count(`select count(*) as n from screenings where (coalesce(responses::text, '') || outcome::text) ~ '${SENSITIVE}'`)).toBe(0);
  });

  it.each([
    [['seed', '--demo', '0'], 'must be a whole number'],
    [['seed', '--demo', 'many'], 'must be a whole number'],
    [['screen'], "required option '--all'"],
    [['frobnicate'], 'unknown command'],
  ])('refuses %j clearly and changes nothing', async (args, message) => {
    const persons = await count('select count(*) as n from persons');
    const run = waymark(database.url, ...args);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(message);
    expect(await count('select count(*) as n from persons')).toBe(persons);
  });

  it('refuses a malformed DATABASE_URL before touching anything', () => {
    const run = waymark('mysql://nope', 'migrate');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('DATABASE_URL');
  });
});
