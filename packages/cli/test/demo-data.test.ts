import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect';
import { databaseTargets, freshDatabase } from '../../server/test/database-targets';
import { waymark } from './run-waymark';

describe.each(databaseTargets())('demo data kept apart from real data on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;
  const count = async (sql: string, params: unknown[] = []) => Number((await database.pool.query<{ n: string }>(sql, params)).rows[0]!.n);
  /** Rows of an operation in every table that has an operation_id, the audit trail aside. */
  const rowsOf = async (operationId: string) => {
    const tables = (
      await database.pool.query<{ table_name: string }>(
        `select table_name from information_schema.columns where table_schema = current_schema() and column_name = 'operation_id' and table_name not in ('audit_events', 'operations')`,
      )
    ).rows.map((row) => row.table_name);
    let total = 0;
    for (const table of tables) total += await count(`select count(*) as n from "${table}" where operation_id = $1`, [operationId]);
    return total;
  };

  beforeAll(async () => {
    database = await freshDatabase(target);
  });
  afterAll(() => database.close());

  it('seed --demo creates its operations as synthetic', async () => {
    const run = waymark(database.url, 'seed', '--demo', '150', '--seed', '3');
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('synthetic');
    expect(await count('select count(*) as n from operations where not synthetic')).toBe(0);
    expect(await count('select count(*) as n from persons p join operations o on o.id = p.operation_id where o.synthetic')).toBe(150);
  });

  it('refuses to seed into an operation of the demo code that holds real records, writing nothing', async () => {
    const other = await freshDatabase(target);
    try {
      const real = uuidv7();
      await other.pool.query(`insert into operations (id, code, name) values ($1, 'LBN', 'Lebanon country office')`, [real]);
      const before = await other.pool.query<{ n: string }>(`select (select count(*) from persons) + (select count(*) from agencies) + (select count(*) from sites) + (select count(*) from user_operations) as n`);
      const run = waymark(other.url, 'seed', '--demo', '50');
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(/refused: operation LBN holds real records/);
      const after = await other.pool.query<{ n: string }>(`select (select count(*) from persons) + (select count(*) from agencies) + (select count(*) from sites) + (select count(*) from user_operations) as n`);
      expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
      expect(Number((await other.pool.query<{ n: string }>(`select count(*) as n from operations where synthetic`)).rows[0]!.n)).toBe(0);
    } finally {
      await other.close();
    }
  });

  it('demo remove refuses a real operation, then deletes every synthetic one with all its rows, audited, the chain still whole', async () => {
    const real = uuidv7();
    await database.pool.query(`insert into operations (id, code, name) values ($1, 'REAL', 'Real operation')`, [real]);
    await database.pool.query(`insert into sites (operation_id, id, code, name) values ($1, $2, 'office', 'Office')`, [real, uuidv7()]);
    const refused = waymark(database.url, 'demo', 'remove', '--operation', 'REAL');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/REAL is not synthetic/);

    const synthetic = (await database.pool.query<{ id: string; code: string }>('select id, code from operations where synthetic order by code')).rows;
    expect(synthetic.length).toBeGreaterThan(0);
    for (const operation of synthetic) expect(await rowsOf(operation.id)).toBeGreaterThan(0);
    const run = waymark(database.url, 'demo', 'remove');
    expect(run.status, run.stderr).toBe(0);
    for (const operation of synthetic) {
      expect(run.stdout).toContain(`Removed synthetic operation ${operation.code}`);
      expect(await rowsOf(operation.id)).toBe(0);
      expect(await count(`select count(*) as n from audit_events where action = 'demo.removed' and resource_id = $1`, [operation.id])).toBe(1);
    }
    expect(await count('select count(*) as n from operations where synthetic')).toBe(0);
    // The real operation is as it was.
    expect(await rowsOf(real)).toBe(1);
    const verify = waymark(database.url, 'audit', 'verify');
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    // Nothing left to remove: said, not an error.
    const again = waymark(database.url, 'demo', 'remove');
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('No synthetic operation');
  });
});
