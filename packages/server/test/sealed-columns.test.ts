import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/connect';
import { listSealedColumns, sealedColumnName } from '../src/db/sealed-columns-repository';
import { SEALED_COLUMN_ROTATIONS } from '../src/use-cases/keys/sealed-columns';
import { databaseTargets, freshDatabase } from './database-targets';

/**
 * A sealed column is declared in the schema (a comment beginning "sealed", migration 0031).
 * These checks fail CI until a new one is declared, watched (its key ids recorded at seal
 * time, so a start without its keys is refused) and re-sealed by `waymark keys rotate`.
 */
describe.each(databaseTargets())('every sealed column is known to rotation and to the start-up check, on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await freshDatabase(target);
  });
  afterAll(() => database.close());

  it('declares in the schema every column that looks like it holds secrets', async () => {
    const declared = new Set((await listSealedColumns(database.db)).map(sealedColumnName));
    // bytea named *hash is a one-way hash (tokens, codes, the audit chain), and *nonce the salt of an
    // audit reason's commitment (migration 0030), deleted with the words: never a sealed value.
    const { rows } = await database.pool.query<{ name: string }>(
      `select table_name || '.' || column_name as name from information_schema.columns
        where table_schema = current_schema()
          and ((data_type = 'bytea' and column_name !~ '(hash|nonce)$') or column_name ~ '(seal|secret|cipher|encrypt)')
        order by 1`,
    );
    const undeclared = rows.map((row) => row.name).filter((name) => !declared.has(name));
    expect(undeclared, "declare it: comment on column <t>.<c> is 'sealed: …'; select watch_sealed_column('<t>', '<c>')").toEqual([]);
  });

  it('has a rotation for every declared sealed column, and none for a column that is not one', async () => {
    const declared = (await listSealedColumns(database.db)).map(sealedColumnName);
    expect(declared.length).toBeGreaterThanOrEqual(6);
    expect(declared.filter((name) => !SEALED_COLUMN_ROTATIONS[name]), 'add it to SEALED_COLUMN_ROTATIONS (src/use-cases/keys/sealed-columns.ts)').toEqual([]);
    expect(Object.keys(SEALED_COLUMN_ROTATIONS).filter((name) => !declared.includes(name)).sort()).toEqual([]);
  });

  it('records at seal time the key id of every declared column, on insert and on update', async () => {
    const { rows } = await database.pool.query<{ name: string; events: string[] }>(
      `select c.relname || '.' || encode(t.tgargs, 'escape') as name,
              array_agg(case when (t.tgtype & 4) <> 0 then 'insert' else 'update' end) as events
         from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
        where p.proname = 'record_sealed_key_ids'
        group by 1`,
    );
    // The first trigger argument is the column; a second, where present, limits the rows.
    const watched = new Map(rows.map((row) => [row.name.replace(/\\000.*$/, ''), [...row.events].sort()]));
    for (const column of await listSealedColumns(database.db)) {
      expect(watched.get(sealedColumnName(column)), `select watch_sealed_column('${column.table}', '${column.column}')`).toEqual(['insert', 'update']);
    }
  });
});
