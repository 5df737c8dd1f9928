import { consoleActor, type DatabaseHandle } from '@waymark/server';
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
