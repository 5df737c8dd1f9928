import fc from 'fast-check';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

interface Listed {
  items: { id: string; familyName: string; givenName: string; riskLevel: string | null; createdAt: string }[];
  total: number;
  totalIsExact: boolean;
  nextCursor: string | null;
}

const CAP = 5;
const PEOPLE = 17;
const RISK_RANK: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };

// The order each sort promises, told from the rows' own fields (not from SQL), ties by id.
const compare: Record<'newest' | 'risk' | 'name', (a: Listed['items'][number], b: Listed['items'][number]) => number> = {
  newest: (a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id),
  risk: (a, b) =>
    (b.riskLevel === null ? -1 : RISK_RANK[b.riskLevel]!) - (a.riskLevel === null ? -1 : RISK_RANK[a.riskLevel]!) ||
    b.createdAt.localeCompare(a.createdAt) ||
    a.id.localeCompare(b.id),
  name: () => 0, // names sort by the database's collation: checked as a set, below.
};

describe.each(databaseTargets())('person list keyset paging on $name PostgreSQL', (target) => {
  let app: TestApp;
  let caseworker: Client;
  const ids: string[] = [];

  beforeAll(async () => {
    // A count cap of 5 stands for the real 10,000: the same code path, without 10,000 rows.
    app = await startTestApp(target, { listCountCap: CAP });
    caseworker = await app.as('caseworker');
    for (let i = 0; i < PEOPLE; i += 1) {
      // Some share a family name (ties on the name sort's first column).
      const response = await caseworker.request('POST', '/api/v1/persons', { givenName: `Given${i % 4}`, familyName: `Family${i % 3}`, sex: i % 2 ? 'male' : 'female', birthYear: 1990 });
      expect(response.status).toBe(201);
      ids.push((response.body as { id: string }).id);
    }
    // Ties on every sort's leading column: six people registered in the same microsecond (as a
    // bulk load does; finer than a JavaScript Date), and
    // risk ranks mixed with the unscreened.
    await sql`update persons set created_at = '2026-01-01T00:00:00.123456Z' where id = any(${ids.slice(3, 9)}::uuid[])`.execute(app.database.db);
    await sql`update persons set risk_level = (case when (substr(id::text, 36, 1) < '8') then 'high' else 'low' end) where id = any(${ids.slice(0, 12)}::uuid[])`.execute(app.database.db);
  });
  afterAll(() => app.close());

  async function pageThrough(sort: string, limit: number): Promise<{ pages: Listed[]; rows: Listed['items'] }> {
    const pages: Listed[] = [];
    let cursor: string | null = null;
    do {
      const response = await caseworker.request('GET', `/api/v1/persons?sort=${sort}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const page = response.body as Listed;
      pages.push(page);
      cursor = page.nextCursor;
      expect(pages.length).toBeLessThanOrEqual(PEOPLE + 1);
    } while (cursor !== null);
    return { pages, rows: pages.flatMap((page) => page.items) };
  }

  it.each(['newest', 'risk', 'name'] as const)('reaches every person past the count cap, each once, in order (%s)', async (sort) => {
    const { pages, rows } = await pageThrough(sort, 2);
    expect(rows.map((row) => row.id).sort()).toEqual([...ids].sort());
    expect(pages.length).toBe(Math.ceil(PEOPLE / 2));
    // The count stops at the cap and says so; paging does not stop with it.
    expect(pages[0]).toMatchObject({ total: CAP, totalIsExact: false });
    if (sort !== 'name') expect(rows).toEqual([...rows].sort(compare[sort]));
    // The same order as one page holding everyone (the last person included).
    const whole = (await caseworker.request('GET', `/api/v1/persons?sort=${sort}&limit=200`)).body as Listed;
    expect(whole.nextCursor).toBeNull();
    expect(rows.map((row) => row.id)).toEqual(whole.items.map((row) => row.id));
  });

  it('pages the same way at any page size (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: PEOPLE + 2 }), fc.constantFrom('newest', 'risk', 'name'), async (limit, sort) => {
        const { rows } = await pageThrough(sort, limit);
        const whole = (await caseworker.request('GET', `/api/v1/persons?sort=${sort}&limit=200`)).body as Listed;
        expect(rows.map((row) => row.id)).toEqual(whole.items.map((row) => row.id));
      }),
      { numRuns: 8 },
    );
  });

  it('counts exactly under the cap and keeps filters while paging', async () => {
    const filtered = await caseworker.request('GET', '/api/v1/persons?sex=female&limit=2');
    const first = filtered.body as Listed;
    expect(first.totalIsExact).toBe(false);
    const second = await caseworker.request('GET', `/api/v1/persons?sex=female&limit=2&cursor=${first.nextCursor}`);
    expect(second.status).toBe(200);
    expect((second.body as Listed).items.every((row) => row.id !== first.items[0]!.id)).toBe(true);
    const few = (await caseworker.request('GET', '/api/v1/persons?unscreened=true&limit=50')).body as Listed;
    expect(few.items).toHaveLength(PEOPLE - 12);
    expect(few).toMatchObject({ totalIsExact: true, nextCursor: null, total: few.items.length });
  });

  it('refuses a cursor with an offset, a cursor that is no person of the caller, and a malformed one, as problems on the field', async () => {
    const both = await caseworker.request('GET', `/api/v1/persons?cursor=${ids[0]}&offset=2`);
    expect(both.status).toBe(400);
    expect(both.headers.get('content-type')).toContain('application/problem+json');
    expect((both.body as { errors: unknown[] }).errors).toContainEqual(expect.objectContaining({ path: '/offset', code: 'not_allowed' }));

    // Another operation's person: not a cursor this caseworker may page from.
    const otherOperation = uuidv7();
    await app.database.db.insertInto('operations').values({ id: otherOperation, code: 'other', name: 'Other' }).execute();
    const other = await app.as('caseworker', [otherOperation]);
    const theirs = await other.request('POST', '/api/v1/persons', { givenName: 'Elsewhere', familyName: 'X', sex: 'female', birthYear: 1990 });
    const foreign = await caseworker.request('GET', `/api/v1/persons?cursor=${(theirs.body as { id: string }).id}`);
    expect(foreign.status).toBe(400);
    expect((foreign.body as { errors: unknown[] }).errors).toContainEqual(expect.objectContaining({ path: '/cursor', code: 'unknown_item' }));

    const malformed = await caseworker.request('GET', '/api/v1/persons?cursor=Family1');
    expect(malformed.status).toBe(400);
    expect((malformed.body as { errors: unknown[] }).errors).toContainEqual(expect.objectContaining({ path: '/cursor' }));
  });
});
