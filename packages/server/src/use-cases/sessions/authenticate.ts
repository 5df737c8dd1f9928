import { isRole, isScope, MFA_REQUIRED_ROLES, type Actor } from '@waymark/core';
import { findLiveSession, touchSession } from '../../db/sessions-repository';
import type { Db } from '../../db/transaction';
import { hashToken, SESSION_IDLE_MINUTES } from './tokens';

const TOUCH_AFTER_MS = 60_000;
// Our tokens are 43 characters; anything far longer is not ours and is not hashed.
const MAX_TOKEN_LENGTH = 100;

export interface Authenticated {
  actor: Actor;
  user: { id: string; email: string; displayName: string; role: string; locale: string; mustChangePassword: boolean };
  session: {
    tokenHash: Buffer;
    csrfHash: Buffer | null;
    /** Password given, second factor not yet: only the MFA step is open. */
    mfaPending: boolean;
  };
  mfa: {
    enrolled: boolean;
    /** The role (administrator, supervisor) or one of the user's operations asks for it. */
    demanded: boolean;
  };
}

export async function authenticate(db: Db, token: string | undefined, idleMinutes = SESSION_IDLE_MINUTES): Promise<Authenticated | null> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const tokenHash = hashToken(token);
  const session = await findLiveSession(db, tokenHash, idleMinutes);
  if (!session || !isRole(session.role) || !isScope(session.scope)) return null;
  if (Date.now() - new Date(session.last_seen_at).getTime() > TOUCH_AFTER_MS) await touchSession(db, tokenHash);
  const operationIds = session.operationIds ?? [];
  return {
    actor: {
      userId: session.userId,
      role: session.role,
      scope: session.scope,
      agencyId: session.agency_id,
      teamIds: session.teamIds ?? [],
      operationIds,
    },
    user: {
      id: session.userId,
      email: session.email,
      displayName: session.display_name,
      role: session.role,
      locale: session.locale,
      mustChangePassword: session.must_change_password,
    },
    session: { tokenHash, csrfHash: session.csrf_hash, mfaPending: session.mfa_pending },
    mfa: {
      enrolled: session.mfaEnrolled,
      demanded: MFA_REQUIRED_ROLES.has(session.role) || Boolean(session.operationRequiresMfa),
    },
  };
}
