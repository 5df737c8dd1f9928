import type { KeyRing } from '../crypto/key-ring';
import type { TrustedProxies } from '../trusted-proxies';
import type { SessionLimits } from '../use-cases/sessions/auth-policy';
import type { DatabaseHandle } from '../db/connect';
import type { IpThrottleOptions } from '../use-cases/sessions/ip-throttle';
import type { RateLimits } from './rate-limits/rate-limits';
import type { PdfPool } from '../pdf/pdf-pool';
import { currentOrigin } from '../request-origin';
import type { UseCaseContext } from '../use-cases/context';
import type { Authenticated } from '../use-cases/sessions/authenticate';

export interface AppDeps {
  database: DatabaseHandle;
  now: () => Date;
  secureCookies: boolean;
  webDir: string | undefined;
  version: string;
  /**
   * Seals highly sensitive values. Optional only so that callers predating it still
   * build; without it the protection-note routes answer 503, never store plain text.
   */
  keyRing?: KeyRing;
  /** WAYMARK_MFA_REQUIRED; true unless said otherwise (evaluation installs relax it). */
  mfaRequired?: boolean;
  /** Idle and absolute session limits; 30 minutes and 12 hours unless configured. */
  sessionLimits?: SessionLimits;
  /** Failed sign-ins allowed per client address; DEFAULT_IP_THROTTLE unless given. */
  signInThrottle?: IpThrottleOptions;
  /** Requests allowed per user and per address (http/rate-limits); DEFAULT_RATE_LIMITS unless given. */
  rateLimits?: RateLimits;
  /** Threads drawing PDFs and their queue (pdf/pdf-pool.ts); the process's shared pool unless given. */
  pdfPool?: PdfPool;
  /** Where the person list stops counting exactly; 10,000 unless given (a test pages past a small one). */
  listCountCap?: number;
  /** WAYMARK_TRUST_PROXY: whose X-Forwarded-For names the client; nobody's unless given. */
  trustProxy?: TrustedProxies;
}

export function contextFor(deps: AppDeps, auth: Authenticated): UseCaseContext {
  const origin = currentOrigin();
  if (origin) origin.actorId = auth.actor.userId;
  return {
    db: deps.database.db,
    actor: auth.actor,
    now: deps.now,
    ...(deps.keyRing ? { keyRing: deps.keyRing } : {}),
    ...(deps.pdfPool ? { pdfs: deps.pdfPool } : {}),
    ...(deps.listCountCap ? { listCountCap: deps.listCountCap } : {}),
  };
}
