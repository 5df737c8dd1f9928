import { COMMAND_RULES, ROLE_VERBS, ROLES } from '@waymark/core';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../server/src/db/connect';
import { hashPassword } from '../../server/src/use-cases/sessions/passwords';
import { databaseTargets, freshDatabase } from '../../server/test/database-targets';
import { buildProgram, leafCommandNames } from '../src/program';
import { consoleActor } from '../../server/src/use-cases/console/console-actor';

const WAYMARK = fileURLToPath(new URL('../bin/waymark.mjs', import.meta.url));

describe('the command line in the rule book', () => {
  it('names every command, and every command that touches personal data names its verb', () => {
    const commands = leafCommandNames(buildProgram()).sort();
    expect(Object.keys(COMMAND_RULES).sort()).toEqual(commands);
    for (const [name, rule] of Object.entries(COMMAND_RULES)) {
      if (rule.verb === null) expect(rule.why, `${name} must say why it touches no personal data`).toBeTruthy();
    }
  });
});

describe.each(databaseTargets())('commands run as a checked actor on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;
  const users = new Map<string, string>();
  beforeAll(async () => {
    database = await freshDatabase(target);
    const operationId = uuidv7();
    const agencyId = uuidv7();
    await database.db.insertInto('operations').values({ id: operationId, code: 'cli', name: 'CLI' }).execute();
    await database.db.insertInto('agencies').values({ operation_id: operationId, id: agencyId, code: 'a', name: 'A', kind: 'ngo' }).execute();
    const passwordHash = await hashPassword('a-long-test-password');
    for (const role of ROLES) {
      const id = uuidv7();
      const email = `${role}@example.org`;
      await database.db.insertInto('users').values({ id, email, display_name: role, password_hash: passwordHash, role, scope: 'operation', agency_id: agencyId }).execute();
      await database.db.insertInto('user_operations').values({ user_id: id, operation_id: operationId }).execute();
      users.set(role, email);
    }
  });
  afterAll(() => database.close());

  it('allows each command exactly to the roles whose verbs include its verb, and the console operator', async () => {
    for (const [command, rule] of Object.entries(COMMAND_RULES)) {
      const console = await consoleActor(database.db, command, undefined);
      expect(console.ok, command).toBe(true);
      for (const role of ROLES) {
        // Refusals write an audit row each; the count check is in the next test.
        const result = await consoleActor(database.db, command, users.get(role));
        const allowed = rule.verb === null || ROLE_VERBS[role].has(rule.verb);
        expect(result.ok, `${command} as ${role}`).toBe(allowed);
      }
    }
    expect(await consoleActor(database.db, 'screen', 'nobody@example.org')).toMatchObject({ ok: false, error: { code: 'unknown_user' } });
  });

  it('refuses a command to a user without its verb before touching anything, exit 3', async () => {
    const before = Number((await database.pool.query<{ n: string }>('select count(*) as n from audit_events')).rows[0]!.n);
    const run = spawnSync(process.execPath, [WAYMARK, 'screen', '--all', '--as', users.get('caseworker')!], {
      env: { ...process.env, DATABASE_URL: database.url, WAYMARK_LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(3);
    expect(run.stderr).toContain('does not include screening.rescore_all');
    // Nothing done; only the refusal itself is on the trail.
    const after = await database.pool.query<{ action: string; outcome: string }>('select action, outcome from audit_events order by id offset $1', [before]);
    expect(after.rows).toEqual([{ action: 'console.refused', outcome: 'refused' }]);
    const allowed = spawnSync(process.execPath, [WAYMARK, 'screen', '--all', '--as', users.get('supervisor')!], {
      env: { ...process.env, DATABASE_URL: database.url, WAYMARK_LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(allowed.status, allowed.stderr).toBe(0);
  });
});
