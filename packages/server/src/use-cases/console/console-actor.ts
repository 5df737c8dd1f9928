import { can, COMMAND_RULES, consoleOperator, err, isRole, isScope, ok, type Actor, type Result } from '@waymark/core';
import { writeAudit } from '../../db/audit';
import type { Db } from '../../db/transaction';
import { allOperationIds, findActingUser } from '../../db/users-repository';

export type ConsoleRefusal = { code: 'unknown_command' } | { code: 'unknown_user'; email: string } | { code: 'not_allowed'; verb: string };

/**
 * Who a command runs as, checked by the rule book: the user named with `--as` (who must
 * hold the command's verb), else the console operator.
 */
export async function consoleActor(db: Db, command: string, asEmail: string | undefined): Promise<Result<Actor | null, ConsoleRefusal>> {
  const rule = COMMAND_RULES[command];
  if (!rule) return err({ code: 'unknown_command' });
  if (rule.verb === null) return ok(null);
  let actor: Actor;
  if (asEmail === undefined) {
    actor = consoleOperator(await allOperationIds(db));
  } else {
    const user = await findActingUser(db, asEmail);
    if (!user || !isRole(user.role) || !isScope(user.scope)) return err({ code: 'unknown_user', email: asEmail });
    actor = { userId: user.id, role: user.role, scope: user.scope, agencyId: user.agency_id, teamIds: user.teamIds ?? [], operationIds: user.operationIds ?? [] };
  }
  if (can(actor, rule.verb)) return ok(actor);
  // A refusal is audited like a refused request: who, which command, which verb.
  await db.transaction().execute((tx) =>
    writeAudit(tx, {
      actorId: actor.userId,
      operationId: null,
      action: 'console.refused',
      resourceType: 'command',
      resourceId: null,
      outcome: 'refused',
      details: { command, verb: rule.verb },
    }),
  );
  return err({ code: 'not_allowed', verb: rule.verb });
}

/** The actor id an audit row should carry: none for the console operator. */
export function auditActorId(actor: Actor | null): string | null {
  return actor === null || actor.userId === consoleOperator([]).userId ? null : actor.userId;
}

/** The console operator of this installation: every operation, no user (bulk jobs, benchmarks). */
export async function consoleOperatorActor(db: Db): Promise<Actor> {
  return consoleOperator(await allOperationIds(db));
}
