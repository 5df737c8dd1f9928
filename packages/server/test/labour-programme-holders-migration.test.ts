import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/connect';
import { migrate } from '../src/db/migrate';
import { databaseTargets, emptyDatabase } from './database-targets';


describe.each(databaseTargets())('migration 0028 gives existing labour and programme rows owners on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await emptyDatabase(target);
  });
  afterAll(() => database.close());

  it("backfills holders from the creating user's agency, else the audit trail, else the operation's first agency; a report's from its recorder, else its workplace", async () => {
    await migrate(database.pool, { through: 27 });
    const q = (text: string, values: unknown[] = []) => database.pool.query(text, values);
    const operation = uuidv7();
    const elsewhere = uuidv7();
    await q(`insert into operations (id, code, name) values ($1, 'here', 'Here'), ($2, 'elsewhere', 'Elsewhere')`, [operation, elsewhere]);
    const [first, second, away] = [uuidv7(), uuidv7(), uuidv7()];
    await q(`insert into agencies (operation_id, id, code, name, kind, created_at) values
      ($1, $2, 'first', 'First', 'unhcr', '2026-01-01'), ($1, $3, 'second', 'Second', 'ngo', '2026-02-01'), ($4, $5, 'away', 'Away', 'ngo', '2026-01-01')`, [operation, first, second, elsewhere, away]);
    const user = async (agency: string) => {
      const id = uuidv7();
      await q(`insert into users (id, email, display_name, password_hash, role, scope, agency_id) values ($1, $2, 'u', 'x', 'caseworker', 'agency', $3)`, [id, `${id}@example.org`, agency]);
      return id;
    };
    const [ofSecond, audited, ofAway] = [await user(second), await user(second), await user(away)];
    const workplace = async (createdBy: string | null) => {
      const id = uuidv7();
      await q(`insert into workplaces (operation_id, id, name, sector, admin_area_code, created_by, updated_by) values ($1, $2, 'W', 'F_Construction', 'AREA', $3, $3)`, [operation, id, createdBy]);
      return id;
    };
    const byColumn = await workplace(ofSecond);
    const byAudit = await workplace(null);
    await q(`insert into audit_events (operation_id, actor_id, action, resource_type, resource_id, chain, seq, hash) values ($1, $2, 'labour.workplace_create', 'workplace', $3, $4, 1, 'h')`, [operation, audited, byAudit, operation]);
    const byNobody = await workplace(null);
    // A user whose agency works in another operation cannot hold a row of this one.
    const byOutsider = await workplace(ofAway);
    const report = async (workplaceId: string, recordedBy: string | null) => {
      const id = uuidv7();
      await q(`insert into workplace_reports (operation_id, id, workplace_id, source_type, reported_on, informant_name_sealed, informant_key_id, recorded_by)
        values ($1, $2, $3, 'hotline', '2026-05-01', 'sealed', 'k', $4)`, [operation, id, workplaceId, recordedBy]);
      return id;
    };
    const recorded = await report(byNobody, ofSecond);
    const unplaced = await report(byColumn, null);
    const programme = uuidv7();
    await q(`insert into programmes (operation_id, id, name, kind, rule, capacity, created_by, updated_by) values ($1, $2, 'P', 'livelihoods', '{"all":[]}', 10, $3, $3)`, [operation, programme, ofSecond]);
    const orphanProgramme = uuidv7();
    await q(`insert into programmes (operation_id, id, name, kind, rule, capacity) values ($1, $2, 'Q', 'livelihoods', '{"all":[]}', 10)`, [operation, orphanProgramme]);

    await migrate(database.pool);
    const holder = async (table: string, id: string) => (await q(`select agency_id, team_id, assigned_user_id from ${table} where id = $1`, [id])).rows[0];
    expect(await holder('workplaces', byColumn)).toEqual({ agency_id: second, team_id: null, assigned_user_id: ofSecond });
    expect(await holder('workplaces', byAudit)).toEqual({ agency_id: second, team_id: null, assigned_user_id: audited });
    expect(await holder('workplaces', byNobody)).toEqual({ agency_id: first, team_id: null, assigned_user_id: null });
    expect(await holder('workplaces', byOutsider)).toEqual({ agency_id: first, team_id: null, assigned_user_id: null });
    expect(await holder('workplace_reports', recorded)).toEqual({ agency_id: second, team_id: null, assigned_user_id: ofSecond });
    expect(await holder('workplace_reports', unplaced)).toEqual({ agency_id: second, team_id: null, assigned_user_id: null });
    expect(await holder('programmes', programme)).toEqual({ agency_id: second, team_id: null, assigned_user_id: ofSecond });
    expect(await holder('programmes', orphanProgramme)).toEqual({ agency_id: first, team_id: null, assigned_user_id: null });
    // Every row has an owner from now on: the columns are required.
    await expect(q(`insert into programmes (operation_id, id, name, kind, rule, capacity) values ($1, $2, 'R', 'livelihoods', '{"all":[]}', 10)`, [operation, uuidv7()])).rejects.toThrow(/agency_id/);
  });
});
