import { isRole, type Actor } from '@waymark/core';
import { findLiveSession } from '../../db/sessions-repository';
import type { Db } from '../../db/transaction';
import { operationIdsOfUser } from '../../db/users-repository';
import { hashToken, SESSION_IDLE_MINUTES } from './tokens';

export interface Authenticated {
  actor: Actor;
  user: { id: string; email: string; displayName: string; role: string; locale: string; mustChangePassword: boolean };
}

export async function authenticate(db: Db, token: string | undefined): Promise<Authenticated | null> {
  if (!token || token.length > 100) return null;
  const session = await findLiveSession(db, hashToken(token), SESSION_IDLE_MINUTES);
  if (!session || !isRole(session.role)) return null;
  const operationIds = await operationIdsOfUser(db, session.userId);
  return {
    actor: { userId: session.userId, role: session.role, operationIds },
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
