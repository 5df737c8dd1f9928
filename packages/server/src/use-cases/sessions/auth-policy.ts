import type { KeyRing } from '../../crypto/key-ring';

/** How this install authenticates; one per app, from the configuration. */
export interface AuthPolicy {
  /**
   * WAYMARK_MFA_REQUIRED. When false (evaluation installs only), administrators,
   * supervisors and members of MFA operations may work without a second factor, and
   * every page says so. Users who enrolled still give their code.
   */
  mfaRequired: boolean;
  /** Seals TOTP secrets at rest; without it enrolment is refused (never stored in plain). */
  keyRing: KeyRing | undefined;
  /** WAYMARK_SESSION_IDLE_MINUTES and WAYMARK_SESSION_MAX_HOURS. */
  session: SessionLimits;
}

export interface SessionLimits {
  idleMinutes: number;
  absoluteHours: number;
}

export function mustEnrolMfa(policy: AuthPolicy, mfa: { enrolled: boolean; demanded: boolean }): boolean {
  return policy.mfaRequired && mfa.demanded && !mfa.enrolled;
}
