import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/connect';
import { copyRows } from '../src/db/bulk/copy-rows';
import { databaseTargets, freshDatabase } from './database-targets';

describe.each(databaseTargets())('COPY rows on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await freshDatabase(target);
  });
  afterAll(() => database.close());

  it('round-trips the values that could break the text format', async () => {
    const tricky = ['', 'tab\there', 'new\nline', 'cr\rhere', 'back\\slash', '"quoted"', "O'Brien", '\\N', 'محمد الحسن', 'ትግርኛ'];
    const client = await database.pool.connect();
    try {
      await client.query('create temp table t (n int, s text, a text[], j jsonb, nothing text)');
      await copyRows(
        client,
        't',
        ['n', 's', 'a', 'j', 'nothing'],
        tricky.map((s, n) => [n, s, [s, 'x,y', '{z}'], JSON.stringify({ s, quote: '"', slash: '\\' }), null]),
      );
      const { rows } = await client.query<{ s: string; a: string[]; j: { s: string }; nothing: null }>('select * from t order by n');
      expect(rows.map((r) => r.s)).toEqual(tricky);
      expect(rows.map((r) => r.a)).toEqual(tricky.map((s) => [s, 'x,y', '{z}']));
      expect(rows.map((r) => r.j)).toEqual(tricky.map((s) => ({ s, quote: '"', slash: '\\' })));
      expect(rows.every((r) => r.nothing === null)).toBe(true);
    } finally {
      client.release();
    }
  });
});
