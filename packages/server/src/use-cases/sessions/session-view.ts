import { abilitiesOf, type Role, type Scope } from '@waymark/core';
import type { Session } from '@waymark/contracts';
import { listOperations } from '../../db/operations-repository';
import type { Db, Tx } from '../../db/transaction';
import { mustEnrolMfa, type AuthPolicy } from './auth-policy';

export interface SessionFacts {
  user: Session['user'];
  role: Role;
  /** The user's scope: a verb only an operation-wide scope can use is not offered to others. */
  scope: Scope;
  operationIds: readonly string[];
  mfa: { enrolled: boolean; demanded: boolean };
  mfaPending: boolean;
}

/** What the web app learns about its session: the same from sign-in, reload and the MFA step. */
export async function sessionView(db: Db | Tx, facts: SessionFacts, csrfToken: string, policy: AuthPolicy): Promise<Session> {
  // A session still waiting for its second factor learns nothing about operations or abilities.
  const pending = facts.mfaPending;
  return {
    user: facts.user,
    operations: pending ? [] : await listOperations(db, facts.operationIds),
    abilities: pending ? [] : abilitiesOf({ role: facts.role, scope: facts.scope }),
    csrfToken,
    mfa: {
      enrolled: facts.mfa.enrolled,
      enrolmentRequired: mustEnrolMfa(policy, facts.mfa),
      verificationPending: pending,
      relaxed: !policy.mfaRequired,
    },
  };
}
