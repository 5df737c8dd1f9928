/**
 * Failed sign-ins per client address: a token bucket each, in this process's memory.
 * That is enough for one Waymark process (how it is deployed); several processes behind
 * a load balancer would each allow the burst, and a restart forgets. The per-account
 * lock (sign_in_throttle) is in the database and holds across both.
 *
 * Only failures take tokens, so an office of field workers behind one address signing
 * in correctly is never slowed; a guesser runs dry after `burst` failures and then gets
 * one try per `60 / refillPerMinute` seconds.
 */
export interface IpThrottleOptions {
  burst: number;
  refillPerMinute: number;
  /** Addresses remembered at once; the oldest are forgotten first (memory stays bounded). */
  maxAddresses?: number;
}

export const DEFAULT_IP_THROTTLE: IpThrottleOptions = { burst: 20, refillPerMinute: 2 };

export interface IpThrottle {
  /** Seconds until this address may try again, 0 if it may now. */
  retryAfter(ip: string): number;
  /** A failed attempt from this address. */
  fail(ip: string): void;
}

export function createIpThrottle(options: IpThrottleOptions, now: () => number = Date.now): IpThrottle {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const max = options.maxAddresses ?? 10_000;
  const perMs = options.refillPerMinute / 60_000;
  const current = (ip: string) => {
    const bucket = buckets.get(ip);
    if (!bucket) return options.burst;
    return Math.min(options.burst, bucket.tokens + (now() - bucket.at) * perMs);
  };
  return {
    retryAfter(ip) {
      const tokens = current(ip);
      return tokens >= 1 ? 0 : Math.ceil((1 - tokens) / perMs / 1000);
    },
    fail(ip) {
      const tokens = current(ip) - 1;
      buckets.delete(ip);
      if (buckets.size >= max) buckets.delete(buckets.keys().next().value!);
      buckets.set(ip, { tokens, at: now() });
    },
  };
}
