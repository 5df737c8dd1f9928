import type { Actor } from './can';
import type { Verb } from './roles';

/**
 * The rule book's entries for the command line. A command that touches personal data
 * names the verb it needs, and runs as an actor checked with `can` like any request:
 * the Waymark user named by `--as <email>` (audited under their id), or else the console
 * operator. The console operator is whoever holds the database credentials and the key
 * file, which already give them everything; it is an administrator of every operation,
 * recorded in the audit trail as the console (no user id), never pretended away.
 */
export interface CommandRule {
  verb: Verb | null;
  /** Why a command without a verb touches no personal data. */
  why?: string;
}

export const COMMAND_RULES: Readonly<Record<string, CommandRule>> = {
  serve: { verb: null, why: 'starts the server; every request is then authorised by the rule book' },
  migrate: { verb: null, why: 'changes the schema only' },
  seed: { verb: 'population.seed' },
  // Seeding and removing a demo are one permission: only synthetic operations are touched.
  'demo remove': { verb: 'population.seed' },
  screen: { verb: 'screening.rescore_all' },
  'keys generate': { verb: null, why: 'prints a new random key; reads no data' },
  'keys rotate': { verb: 'keys.manage' },
  backup: { verb: 'backup.manage' },
  restore: { verb: 'backup.manage' },
  'audit verify': { verb: 'audit.read' },
  'retention run': { verb: 'retention.manage' },
  // Each view then checks its own verb too (prepareExport), as the HTTP route does.
  export: { verb: 'aggregate.read' },
};

/** The console operator: administrator of every operation, with no user behind it. */
export function consoleOperator(operationIds: readonly string[]): Actor {
  return { userId: CONSOLE_OPERATOR_ID, role: 'administrator', scope: 'operation', agencyId: null, teamIds: [], operationIds };
}

/** Not a user: audit rows written for the console carry no actor id. */
export const CONSOLE_OPERATOR_ID = '00000000-0000-0000-0000-000000000000';
