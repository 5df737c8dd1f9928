import { consoleActor, operationsBeyond, recordConsoleAction, type DatabaseHandle } from '@waymark/server';
import type { Actor } from '@waymark/core';

let asEmail: string | undefined;

/** Set once from the global `--as <email>` option, before any command runs. */
export function setActingEmail(email: string | undefined): void {
  asEmail = email;
}

/**
 * The actor a command runs as, checked by the rule book (core COMMAND_RULES): refused
 * with exit code 3 and nothing done when the named user lacks the command's verb.
 */
export async function actingAs(database: DatabaseHandle, command: string): Promise<Actor | null> {
  const result = await consoleActor(database.db, command, asEmail);
  if (result.ok) return result.value;
  const why =
    result.error.code === 'unknown_user'
      ? `no enabled user ${result.error.email}`
      : result.error.code === 'not_allowed'
        ? `the role of ${asEmail ?? 'the console'} does not include ${result.error.verb}`
        : `"${command}" has no entry in the rule book`;
  process.stderr.write(`waymark ${command}: not allowed: ${why}.\n`);
  await database.close();
  process.exit(3);
}

/**
 * For commands that reach every operation at once (a backup is a copy of everyone; a restore
 * or a key rotation rewrites everyone's data): refused, audited, exit 3, when the acting user
 * is not in every operation, or is but with a scope narrower than the operation (an
 * administrator of one agency). The API has no such route; the rule is the rule book's scope.
 */
export async function inEveryOperationOrExit(database: DatabaseHandle, actor: Actor, command: string): Promise<void> {
  await operationScopeOrExit(database, actor, command);
  const beyond = await operationsBeyond(database.db, actor);
  if (beyond.length === 0) return;
  await recordConsoleAction(database.db, actor, { action: 'console.refused', resourceType: 'command', outcome: 'refused', details: { command, operationsBeyond: beyond.length } });
  process.stderr.write(`waymark ${command}: not allowed: it reaches every operation, and ${asEmail ?? 'this user'} is not in ${beyond.length} of them (refusal audited).\n`);
  await database.close();
  process.exit(3);
}

/**
 * For commands that act on whole operations (retention runs too): refused, audited, exit 3,
 * unless the acting user's scope is the operation, as the API's rule (canForWholeOperation).
 */
export async function operationScopeOrExit(database: DatabaseHandle, actor: Actor, command: string): Promise<void> {
  if (actor.scope === 'operation') return;
  await recordConsoleAction(database.db, actor, { action: 'console.refused', resourceType: 'command', outcome: 'refused', details: { command, scope: actor.scope } });
  process.stderr.write(`waymark ${command}: not allowed: it reaches whole operations, and the scope of ${asEmail ?? 'this user'} is ${actor.scope}, not the operation (refusal audited).\n`);
  await database.close();
  process.exit(3);
}
