import { DEFAULT_RATE_LIMITS } from './rate-limits';
import { documentedCostOf } from './route-costs';

/** Whose requests an address's allowance counts, by cost (rate-limits.ts says why). */
const ADDRESS_COUNTS = {
  ordinary: 'requests without a signed-in session',
  expensive: "requests without a signed-in session; signed-in users' requests in an allowance of their own",
  upload: "requests without a signed-in session; signed-in users' requests in an allowance of their own",
} as const;
const ADDRESSES = 'IPv4 addresses one by one, IPv6 addresses by their /64';

/**
 * What the OpenAPI document says of each operation's limits (issue 20 §1): a 429 answer with
 * Retry-After, and `x-rate-limit` with the numbers, as this server applies them by default.
 */
export function rateLimitExtension(method: string, path: string): Record<string, unknown> {
  const { cost, only } = documentedCostOf(method, path);
  if (cost === 'health') return { 'x-rate-limit': { cost, windowSeconds: DEFAULT_RATE_LIMITS.windowSeconds, perAddress: DEFAULT_RATE_LIMITS.health.perAddress } };
  const allowance = DEFAULT_RATE_LIMITS[cost];
  return {
    'x-rate-limit': {
      cost,
      ...(only ? { appliesTo: only } : {}),
      windowSeconds: DEFAULT_RATE_LIMITS.windowSeconds,
      perUser: allowance.perUser,
      perAddress: allowance.perAddress,
      perAddressCounts: ADDRESS_COUNTS[cost],
      addresses: ADDRESSES,
      inFlightPerUser: allowance.inFlightPerUser,
    },
  };
}

export function rateLimitResponse(method: string, path: string, problem: { content: unknown }): Record<string, unknown> {
  const { cost, only } = documentedCostOf(method, path);
  const window = DEFAULT_RATE_LIMITS.windowSeconds;
  const retryAfter = { 'Retry-After': { description: 'Seconds until the request may be made again', schema: { type: 'integer', minimum: 1 } } };
  if (cost === 'health') {
    const description = `rate_limited: more than ${DEFAULT_RATE_LIMITS.health.perAddress} health checks from one address in ${window} s. Retry after Retry-After seconds.`;
    return { '429': { description, headers: retryAfter, content: problem.content } };
  }
  const allowance = DEFAULT_RATE_LIMITS[cost];
  const which = only ? ` (${only}; other requests count as ordinary)` : '';
  return {
    '429': {
      description:
        `rate_limited: more than ${allowance.perUser} ${cost} requests a signed-in user (all their sessions together), ` +
        `or ${allowance.perAddress} an address (${ADDRESS_COUNTS[cost]}; ${ADDRESSES}), in ${window} s${which}, ` +
        `or more than ${allowance.inFlightPerUser} of them from one user at once. Nothing was done; retry after Retry-After seconds.`,
      headers: retryAfter,
      content: problem.content,
    },
  };
}
