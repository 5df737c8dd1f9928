import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect';
import { hashPassword } from '../../server/src/use-cases/sessions/passwords';
import { cutRelease } from '../../server/src/use-cases/population/cut-release';
import { databaseTargets, freshDatabase } from '../../server/test/database-targets';

const WAYMARK = fileURLToPath(new URL('../bin/waymark.mjs', import.meta.url));

describe.each(databaseTargets())('waymark export on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;
  const dir = mkdtempSync(join(tmpdir(), 'waymark-export-'));
  const waymark = (...args: string[]) =>
    spawnSync(process.execPath, [WAYMARK, ...args], {
      env: { ...process.env, DATABASE_URL: database.url, WAYMARK_LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 120_000,
    });
  const exportEvents = async () =>
    (await database.pool.query<{ outcome: string; actor_id: string | null; details: Record<string, unknown> }>(`select outcome, actor_id, details from audit_events where action = 'aggregate.export' order by at, seq`)).rows;

  beforeAll(async () => {
    database = await freshDatabase(target);
    const operationId = uuidv7();
    const agencyId = uuidv7();
    await database.db.insertInto('operations').values({ id: operationId, code: 'EXP', name: 'Export test' }).execute();
    await database.db.insertInto('agencies').values({ operation_id: operationId, id: agencyId, code: 'a', name: 'A', kind: 'ngo' }).execute();
    const passwordHash = await hashPassword('a-long-test-password');
    for (const role of ['analyst', 'caseworker']) {
      const id = uuidv7();
      await database.db.insertInto('users').values({ id, email: `${role}@example.org`, display_name: role, password_hash: passwordHash, role, scope: 'operation', agency_id: agencyId }).execute();
      await database.db.insertInto('user_operations').values({ user_id: id, operation_id: operationId }).execute();
    }
    // Twelve people in one area, three in another: the three must not leave as "3".
    const person = (area: string) => ({ operation_id: operationId, id: uuidv7(), agency_id: agencyId, given_name: 'X', family_name: 'Y', sex: 'female', birth_year: 1990, admin_area_code: area, documents: [], languages: [], other_names: [], birth_year_estimated: false });
    await database.db.insertInto('persons').values([...Array.from({ length: 12 }, () => person('LBN-ADM2-AAA')), ...Array.from({ length: 3 }, () => person('LBN-ADM2-BBB'))]).execute();
    // An analyst exports the release (migration 0038), cut as the daily schedule would.
    await cutRelease(database.db, operationId, new Date());
  });
  afterAll(() => database.close());

  it('writes an HXL file for an analyst, with progress, suppression and an audited export', async () => {
    const out = join(dir, 'risk.hxl.csv');
    const run = waymark('export', 'risk-by-area', '--format', 'hxl', '--operation', 'EXP', '--out', out, '--as', 'analyst@example.org');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Exported 1 rows of risk-by-area as hxl');
    // Not a terminal here: progress is printed as lines on stderr.
    expect(run.stderr).toContain('export risk-by-area: 1/1');
    const [, hashtags, ...rows] = parseCsv(readFileSync(out)) as string[][];
    expect(hashtags![0]).toBe('#adm2+code');
    // The cell-key method (docs/DATA-PROTECTION.md): every count within 2 of the truth, the
    // same people the same number (the row total is the one cell again), nobody withheld, and
    // the three never published as 3: fewer than k people changed in their area since the
    // last (empty) release, so they are not in the release an analyst exports at all.
    const [aaa] = rows as [string[]];
    expect(rows).toHaveLength(1);
    expect(aaa[0]).toBe('LBN-ADM2-AAA');
    expect(Math.abs(Number(aaa[1]) - 12)).toBeLessThanOrEqual(2);
    expect(aaa.slice(2, 6)).toEqual(['', '', '', '']);
    expect(aaa[6]).toBe(aaa[1]);
    const events = await exportEvents();
    expect(events.at(-1)).toMatchObject({ outcome: 'allowed', details: { view: 'risk-by-area', format: 'hxl', rows: 1 } });
    expect(events.at(-1)!.actor_id).not.toBeNull();
  });

  it('refuses a caseworker with exit 3, audited, and writes no file', async () => {
    const out = join(dir, 'refused.csv');
    const before = (await exportEvents()).length;
    const run = waymark('export', 'risk-by-area', '--out', out, '--as', 'caseworker@example.org');
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('does not include aggregate.read');
    expect(existsSync(out)).toBe(false);
    expect((await exportEvents()).length).toBe(before);
  });

  it.each([
    [['export', 'nobody-by-name'], 'no view "nobody-by-name"'],
    [['export', 'risk-by-area', '--param', 'operationId=nope'], '/operationId'],
    [['export', 'risk-by-area', '--param', 'groupBy=name'], '/groupBy'],
    [['export', 'risk-by-area', '--operation', 'NOPE'], 'no operation with code NOPE'],
    [['export', 'risk-by-area', '--format', 'pdf'], 'Allowed choices are csv, xlsx, hxl'],
  ])('refuses %j with a clear message and writes nothing', (args, message) => {
    const out = join(dir, `bad-${args.length}-${message.length}.csv`);
    const run = waymark(...args, '--out', out);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(message);
    expect(readdirSync(dir).filter((name) => name.startsWith('bad-'))).toEqual([]);
  });
});
