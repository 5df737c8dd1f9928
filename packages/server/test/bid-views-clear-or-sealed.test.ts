import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bidViewsAad, openBid } from '../src/crypto/case-work-sealing';
import { generateKey } from '../src/crypto/key-ring';
import { seal } from '../src/crypto/seal';
import type { DatabaseHandle } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { missingSealingKeys } from '../src/use-cases/keys/missing-sealing-keys';
import { rotateKeys } from '../src/use-cases/keys/rotate-keys';
import { databaseTargets, emptyDatabase } from './database-targets';
import { ringOf } from './test-key-ring';

// Review of issue 20 (§4): a child's words written in clear before sealing (migration 0018)
// that happen to start with "v1:" were taken for a sealed value: migration 0031's triggers
// recorded their second field as a key id, and the server then refused to start without a
// key that never existed. Whether a value is sealed is now said by the row, not guessed.

const PLANTED = 'v1:planted:the child said: "I want to stay with my aunt"';
const ring = ringOf('k20261207-0a0b0c0d', { 'k20261207-0a0b0c0d': generateKey() });

describe.each(databaseTargets())('a BID\'s clear words that look sealed, on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;
  const operationId = uuidv7();
  const personId = uuidv7();
  const plantedId = uuidv7();
  const sealedId = uuidv7();
  const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
  const keyIds = async () => (await q('select key_id from sealed_key_ids order by key_id')).rows.map((row: { key_id: string }) => row.key_id);
  const bid = async (id: string) => (await database.db.selectFrom('best_interests_determinations').selectAll().where('operation_id', '=', operationId).where('id', '=', id).executeTakeFirstOrThrow());
  const insertBid = (id: string, text: string) =>
    q(
      `insert into best_interests_determinations (operation_id, id, person_id, panel, assessment_date, child_views_kind, child_views_text, recommendation, decision_date, review_due_on, review_due_reason)
       values ($1, $2, $3, '[]', '2024-01-01', 'disagrees', $4, 'remain_with_current_carer', '2024-01-02', '2024-07-02', 'interval')`,
      [operationId, id, personId, text],
    );

  beforeAll(async () => {
    database = await emptyDatabase(target);
    // A database from before this fix: a clear value planted before sealing, and a real envelope.
    await migrate(database.pool, { through: 35 });
    await q(`insert into operations (id, code, name) values ($1, 'op', 'Op')`, [operationId]);
    const agencyId = uuidv7();
    await q(`insert into agencies (operation_id, id, code, name, kind) values ($1, $2, 'ngo', 'NGO', 'ngo')`, [operationId, agencyId]);
    await q(`insert into persons (operation_id, agency_id, id, given_name, family_name, sex, birth_year) values ($1, $2, $3, 'Child', 'Test', 'female', 2014)`, [operationId, agencyId, personId]);
    await insertBid(plantedId, PLANTED);
    await insertBid(sealedId, seal(ring, 'I agree', bidViewsAad({ operation_id: operationId, id: sealedId, person_id: personId })));
  });
  afterAll(() => database.close());

  it('forgets the key id only a clear value named, keeps the real one, and the server needs no key that never existed', async () => {
    await migrate(database.pool);
    expect(await keyIds()).toEqual([ring.active]);
    expect(await missingSealingKeys(database.db, ring)).toEqual([]);
  });

  it('never records a key id for the clear value again, whatever statement touches its row', async () => {
    await q(`update best_interests_determinations set recommendation = recommendation where operation_id = $1`, [operationId]);
    await q(`update best_interests_determinations set child_views_text = child_views_text || '' where operation_id = $1 and id = $2`, [operationId, plantedId]);
    expect(await keyIds()).toEqual([ring.active]);
  });

  it('reads the clear value as the words they are, and the sealed one by opening it', async () => {
    const planted = openBid(ring, await bid(plantedId));
    expect(planted.ok && planted.value.child_views_text).toBe(PLANTED);
    const sealed = openBid(ring, await bid(sealedId));
    expect(sealed.ok && sealed.value.child_views_text).toBe('I agree');
  });

  it('seals the clear value on rotation, and then opens it to the same words', async () => {
    const summary = await rotateKeys(database.db, ring, { retries: 0 });
    expect(summary.columns['best_interests_determinations.child_views_text']).toMatchObject({ sealedFromClear: 1, unknownKey: 0, tampered: 0, valuesByKey: { [ring.active]: 2 } });
    expect(summary.keysInUse).toEqual([ring.active]);
    const now = await bid(plantedId);
    expect(now.child_views_text).not.toBe(PLANTED);
    const opened = openBid(ring, now);
    expect(opened.ok && opened.value.child_views_text).toBe(PLANTED);
    expect(await keyIds()).toEqual([ring.active]);
  });
});
