import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where a request came from and who made it, for the audit trail's "from where" and for
 * auditing refusals, without threading the request through every use case.
 */
export interface RequestOrigin {
  ip: string;
  actorId: string | null;
  /**
   * A session this request opened, fully signed in (sign-in without a second factor to
   * give): the rate limits count it as its user's from its first request on.
   */
  openedSessionToken?: string;
}

const storage = new AsyncLocalStorage<RequestOrigin>();

/** Runs the rest of a request's handling with its origin available. */
export function runWithOrigin(origin: RequestOrigin, next: () => void): void {
  storage.run(origin, next);
}

export function currentOrigin(): RequestOrigin | undefined {
  return storage.getStore();
}
