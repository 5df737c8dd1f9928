import { isRole, isScope, type Actor } from '@waymark/core';
import { findLiveSession, touchSession } from '../../db/sessions-repository';
import type { Db } from '../../db/transaction';
import { hashToken, SESSION_IDLE_MINUTES } from './tokens';

const TOUCH_AFTER_MS = 60_000;

export interface Authenticated {
  actor: Actor;
  user: { id: string; email: string; displayName: string; role: string; locale: string; mustChangePassword: boolean };
}

export async function authenticate(db: Db, token: string | undefined): Promise<Authenticated | null> {
  if (!token || token.length > 100) return null;
  const tokenHash = hashToken(token);
  const session = await findLiveSession(db, tokenHash, SESSION_IDLE_MINUTES);
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
  };
}
