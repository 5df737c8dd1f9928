import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../src/db/audit';
import type { DatabaseHandle } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import type { Db } from '../src/db/transaction';
import { verifyAuditChain, type ChainVerification } from '../src/use-cases/audit/verify-audit-chain';
import { giveConsent } from './consent-fixtures';
import { databaseTargets, emptyDatabase } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

const person = (n: number) => ({ givenName: `Amina${n}`, familyName: 'Yusuf', sex: 'female', birthYear: 1994 });

class Undo extends Error {}

/**
 * Tampers the way a database superuser could (trigger off, then edit), judges the result,
 * and rolls it all back, trigger included, so each test starts from the intact chain.
 */
async function tampered(db: Db, tamper: string): Promise<ChainVerification> {
  let result: ChainVerification | undefined;
  await db
    .transaction()
    .execute(async (tx) => {
      await sql`alter table audit_events disable trigger audit_events_no_update_or_delete`.execute(tx);
      await sql.raw(tamper).execute(tx);
      result = await verifyAuditChain(tx, { batchSize: 7 });
      throw new Undo();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Undo)) throw error;
    });
  return result!;
}

describe.each(databaseTargets())('audit chain on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  let chain: string;
  beforeAll(async () => {
    app = await startTestApp(target);
    chain = app.operationId;
    caseworker = await app.as('caseworker');
    const created = await caseworker.request('POST', '/api/v1/persons', person(0));
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    await caseworker.request('GET', `/api/v1/persons/${id}`);
    await caseworker.request('PATCH', `/api/v1/persons/${id}`, { version: 1, givenName: 'Amna' });
    await caseworker.request('POST', '/api/v1/households', { members: [{ ...person(1), relationshipToHead: 'head' }] });
    await giveConsent(caseworker, id);
    await caseworker.request('POST', `/api/v1/persons/${id}/screenings`, { instrument: 'heightened-risk', responses: {} });
    await caseworker.request('GET', `/api/v1/persons/${id}/screenings`);
  });
  afterAll(() => app.close());

  const seqs = async (action: string) =>
    (await app.database.db.selectFrom('audit_events').select('seq').where('chain', '=', chain).where('action', '=', action).orderBy('seq').execute()).map(
      (row) => Number(row.seq),
    );

  it('real API actions give one intact chain per operation, plus the global one', async () => {
    const result = await verifyAuditChain(app.database.db, { batchSize: 3 });
    expect(result.breaks).toEqual([]);
    expect(result.heads.map((head) => head.chain).sort()).toEqual(['global', chain].sort());
    const head = result.heads.find((h) => h.chain === chain)!;
    expect(head.seq).toBeGreaterThanOrEqual(6);
    expect(head.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(result.entries).toBe(Number((await sql<{ n: string }>`select count(*) as n from audit_events`.execute(app.database.db)).rows[0]!.n));
  });

  it('finds an edited entry, naming its chain and position', async () => {
    const [seq] = await seqs('person.update');
    const result = await tampered(app.database.db, `update audit_events set details = '{"householdId": null}' where chain = '${chain}' and seq = ${seq}`);
    expect(result.breaks).toEqual([{ chain, seq, kind: 'edited_entry' }]);
  });

  it('finds an edited time, actor or outcome just the same', async () => {
    const [seq] = await seqs('person.view');
    for (const change of [`at = at + interval '1 second'`, `actor_id = null`, `outcome = 'refused'`, `ip = '10.0.0.1'`]) {
      const result = await tampered(app.database.db, `update audit_events set ${change} where chain = '${chain}' and seq = ${seq}`);
      expect(result.breaks, change).toEqual([{ chain, seq, kind: 'edited_entry' }]);
    }
  });

  it('finds a removed entry', async () => {
    const [seq] = await seqs('person.view');
    const result = await tampered(app.database.db, `delete from audit_events where chain = '${chain}' and seq = ${seq}`);
    expect(result.breaks).toEqual([{ chain, seq, kind: 'missing_entry' }]);
  });

  it('finds a removed entry whose successors were renumbered to close the gap', async () => {
    const [seq] = await seqs('person.view');
    const result = await tampered(
      app.database.db,
      // Through a free range, so the unique (chain, seq) index never sees two at once.
      `delete from audit_events where chain = '${chain}' and seq = ${seq};
       update audit_events set seq = seq + 1000000 where chain = '${chain}' and seq > ${seq};
       update audit_events set seq = seq - 1000001 where chain = '${chain}' and seq > 1000000`,
    );
    expect(result.breaks).toEqual([{ chain, seq, kind: 'broken_link' }]);
  });

  it('finds two entries swapped', async () => {
    const [seq] = await seqs('person.update');
    const result = await tampered(
      app.database.db,
      `update audit_events set seq = seq + 1000000 where chain = '${chain}' and seq in (${seq}, ${seq! + 1});
       update audit_events set seq = case when seq = ${seq! + 1000000} then ${seq! + 1} else ${seq} end where chain = '${chain}' and seq > 1000000`,
    );
    expect(result.breaks).toEqual([{ chain, seq, kind: 'broken_link' }]);
  });

  it('finds the first entry removed, and judges the other chains on their own', async () => {
    const result = await tampered(app.database.db, `delete from audit_events where chain = '${chain}' and seq = 1`);
    expect(result.breaks).toEqual([{ chain, seq: 1, kind: 'missing_entry' }]);
    expect(result.heads.map((head) => head.chain)).toContain('global');
  });

  it('refuses UPDATE, DELETE and TRUNCATE while the trigger stands', async () => {
    const db = app.database.db;
    await expect(sql`update audit_events set details = '{}' where seq = 1`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where seq = 1`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow(/append-only/);
    expect((await verifyAuditChain(db)).breaks).toEqual([]);
  });

  it('keeps the chain unbroken under 20 registrations at once', async () => {
    const before = (await verifyAuditChain(app.database.db)).heads.find((h) => h.chain === chain)!.seq;
    const responses = await Promise.all(Array.from({ length: 20 }, (_, n) => caseworker.request('POST', '/api/v1/persons', person(100 + n))));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const result = await verifyAuditChain(app.database.db);
    expect(result.breaks).toEqual([]);
    expect(result.heads.find((h) => h.chain === chain)!.seq).toBe(before + 20);
  });

  it('chains entries written by a rolled-back transaction out of existence: no gap left behind', async () => {
    const rolledBack = app.database.db.transaction().execute(async (tx) => {
      await writeAudit(tx, { actorId: null, operationId: chain, action: 'test.rolled_back', resourceType: 'test', resourceId: null });
      throw new Undo();
    });
    await expect(rolledBack).rejects.toBeInstanceOf(Undo);
    await caseworker.request('POST', '/api/v1/persons', person(200));
    expect((await verifyAuditChain(app.database.db)).breaks).toEqual([]);
  });
});

describe.each(databaseTargets())('migration 0007 on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await emptyDatabase(target);
  });
  afterAll(() => database.close());

  it('seals audit entries written before the chain existed, in the same bytes the application hashes', async () => {
    await migrate(database.pool, { through: 6 });
    const operationId = '0190a4e0-0000-7000-8000-0000000000aa';
    await database.pool.query(`insert into operations (id, code, name) values ($1, 'legacy', 'Legacy')`, [operationId]);
    // As the old writeAudit wrote them: the database's clock (microseconds), jsonb details.
    const legacy: Array<[string | null, string, unknown]> = [
      [null, 'session.sign_in', {}],
      [operationId, 'person.create', { householdId: '0190A4E0-0000-7000-8000-0000000000BB' }],
      [operationId, 'population.load', { persons: 400, households: 120, ratio: 0.30000000000000004, big: 1e21 }],
      [null, 'odd.details', { 'z': 'quote " backslash \\ newline \n tab \t bell \u0007 ünïcødé سلام 🙂', 'a': [3, { y: true, b: null }], 'é': false, 'aa': -0.5 }],
      [operationId, 'person.read', { empty: '' }],
    ];
    for (const [op, action, details] of legacy) {
      await database.pool.query(`insert into audit_events (operation_id, action, resource_type, details) values ($1, $2, 'test', $3)`, [
        op,
        action,
        JSON.stringify(details),
      ]);
    }
    await migrate(database.pool);
    const sealed = await verifyAuditChain(database.db);
    expect(sealed.breaks).toEqual([]);
    expect(sealed.entries).toBe(legacy.length);
    expect(sealed.heads.map((h) => [h.chain, h.seq])).toEqual([
      [operationId, 3],
      ['global', 2],
    ]);

    // New entries continue the sealed chains.
    await database.db.transaction().execute((tx) =>
      writeAudit(tx, { actorId: null, operationId, action: 'person.update', resourceType: 'person', resourceId: null, details: { n: 1 } }),
    );
    const continued = await verifyAuditChain(database.db);
    expect(continued.breaks).toEqual([]);
    expect(continued.heads.find((h) => h.chain === operationId)!.seq).toBe(4);
  });
});

