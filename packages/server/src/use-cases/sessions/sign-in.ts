import { abilitiesOf, err, isRole, ok, type Result } from '@waymark/core';
import type { Session, SignIn } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { listOperations } from '../../db/operations-repository';
import { insertSession } from '../../db/sessions-repository';
import { transact, type Db } from '../../db/transaction';
import { findUserByEmail, operationIdsOfUser } from '../../db/users-repository';
import { failure, type Failure } from '../../failure';
import { verifyPassword } from './passwords';
import { newSessionToken, SESSION_ABSOLUTE_HOURS } from './tokens';

export interface SignedIn {
  token: string;
  session: Session;
}

export async function signIn(db: Db, input: SignIn): Promise<Result<SignedIn, Failure>> {
  const user = await findUserByEmail(db, input.email);
  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  return transact(db, async (tx) => {
    if (!user || !passwordOk || user.disabled_at !== null || !isRole(user.role)) {
      await writeAudit(tx, {
        actorId: user?.id ?? null,
        operationId: null,
        action: 'session.sign_in_failed',
        resourceType: 'user',
        resourceId: user?.id ?? null,
      });
      return ok(null);
    }
    const { token, hash } = newSessionToken();
    await insertSession(tx, {
      token_hash: hash,
      user_id: user.id,
      absoluteHours: SESSION_ABSOLUTE_HOURS,
    });
    await writeAudit(tx, { actorId: user.id, operationId: null, action: 'session.sign_in', resourceType: 'user', resourceId: user.id });
    const operations = await listOperations(tx, await operationIdsOfUser(tx, user.id));
    return ok({
      token,
      session: {
        user: {
          id: user.id,
          email: user.email,
          displayName: user.display_name,
          role: user.role,
          locale: user.locale,
          mustChangePassword: user.must_change_password,
          scope: user.scope,
          agencyId: user.agency_id,
        },
        operations,
        abilities: abilitiesOf({ role: user.role }),
      },
    });
  }).then((result) => {
    // The failed attempt is audited (committed) and then refused.
    if (result.ok && result.value === null) return err(failure('invalid_credentials'));
    return result as Result<SignedIn, Failure>;
  });
}
