import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import { failure } from '../../failure';
import { addressGroup } from '../../address-group';
import { currentOrigin, type RequestOrigin } from '../../request-origin';
import { SESSION_COOKIE } from '../auth';
import { sendProblem } from '../problem';
import { costOf, type RouteCost } from './route-costs';

/** How much one user, and one address, may ask of a kind of route per window. */
export interface Allowance {
  /** Per signed-in user, every session of theirs together. */
  perUser: number;
  /** Per address: its anonymous requests; and, apart, its signed-in users' requests of a costly kind. */
  perAddress: number;
  /** Requests of this kind one user may have in flight at once; more are refused at once. */
  inFlightPerUser: number;
}

export interface RateLimits {
  windowSeconds: number;
  ordinary: Allowance;
  expensive: Allowance;
  upload: Allowance;
  /** Health, counted by address alone (monitors have no session), with nothing held in flight. */
  health: { perAddress: number };
}

/**
 * Far above what a person clicking through the web app asks (a page is a handful of
 * requests, a browser sends at most six at once), far below what a script can: a user at the
 * limit of expensive routes gets a PDF or a short search every three seconds. An address holds
 * a few users' worth of expensive requests, since an office may sit behind one address; and an
 * address is all we know of the anonymous (signing in, above all).
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  windowSeconds: 60,
  ordinary: { perUser: 300, perAddress: 1_200, inFlightPerUser: 8 },
  expensive: { perUser: 20, perAddress: 60, inFlightPerUser: 2 },
  // An officer fixing a file uploads it again and again: one at a time (a worker thread), not four a minute.
  upload: { perUser: 12, perAddress: 24, inFlightPerUser: 1 },
  // Twenty a second from one address: far above any monitor, and each costs no more than a
  // look at the last ping's answer (routes/health.ts), yet an address cannot flood it.
  health: { perAddress: 1_200 },
};

const NO_LIMIT: Allowance = { perUser: Number.MAX_SAFE_INTEGER, perAddress: Number.MAX_SAFE_INTEGER, inFlightPerUser: Number.MAX_SAFE_INTEGER };
/** For tests and benchmarks that measure something else with many requests from one address. */
export const UNLIMITED: RateLimits = { windowSeconds: 60, ordinary: NO_LIMIT, expensive: NO_LIMIT, upload: NO_LIMIT, health: { perAddress: Number.MAX_SAFE_INTEGER } };

type Limited = Exclude<RouteCost, 'health'>;
type Check = (request: FastifyRequest) => Promise<{ isExceeded?: boolean; ttlInSeconds?: number }>;

/** Users we have seen signed in on a session, by a hash of its token (not the token itself). */
const SESSIONS_REMEMBERED = 10_000;
const RATE = Symbol('waymark.rate');
interface RateState {
  cost: Limited;
  /** `user:<id>` for a session known as a signed-in user's; null for everyone else. */
  userKey: string | null;
  /** The address's allowance this request draws on: signed-in users' and the anonymous are apart. */
  addressKey: string;
  origin: RequestOrigin | undefined;
  tokenHash: string | null;
}
type Rated = FastifyRequest & { [RATE]?: RateState };

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');

/**
 * Limits every /api request (issue 20 §1), counted by @fastify/rate-limit's store in fixed
 * windows, with a cap on each user's requests in flight. A refusal is a 429 problem
 * (`rate_limited`) with Retry-After, sent before the body is read or the database asked:
 * refusing must cost next to nothing, or refusals become the load.
 *
 * A signed-in user's requests count against that user (every session of theirs together),
 * and their expensive and upload requests also against their address, in an allowance the
 * address's signed-in users share; nothing anonymous draws on either, so a flood from
 * someone who is not signed in (at the same office address, or anywhere) never refuses
 * them. Everything else (no session, a made-up or expired cookie, a session still waiting
 * for its second factor) counts against its address. An address is IPv4 as it is, IPv6 by
 * its /64 (a host holds a whole /64).
 *
 * "A signed-in user" is known without the database, since the check runs before
 * authentication: a session is theirs once the sign-in that opened it, or a request on it,
 * was answered for them (the request origin names them). Until then it counts as anonymous,
 * so a made-up cookie buys no allowance of its own.
 *
 * Register after the hook that sets the request origin, and before the routes.
 */
export async function registerRateLimits(app: FastifyInstance, limits: RateLimits): Promise<void> {
  await app.register(fastifyRateLimit, { global: false });
  const window = limits.windowSeconds * 1000;
  const checks = {} as Record<Limited, { user: Check; address: Check }>;
  for (const cost of ['ordinary', 'expensive', 'upload'] as const) {
    const allowance = limits[cost];
    checks[cost] = {
      user: app.createRateLimit({ max: allowance.perUser, timeWindow: window, keyGenerator: (request) => (request as Rated)[RATE]!.userKey! }) as Check,
      address: app.createRateLimit({ max: allowance.perAddress, timeWindow: window, keyGenerator: (request) => (request as Rated)[RATE]!.addressKey }) as Check,
    };
  }
  const health = app.createRateLimit({ max: limits.health.perAddress, timeWindow: window, keyGenerator: (request) => request.ip }) as Check;
  const userOfSession = new Map<string, string>();
  const inFlight = new Map<string, number>();

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const cost = costOf(request.method, request.routeOptions.url, request.query);
    if (cost === 'health') {
      const counted = await health(request);
      if (counted.isExceeded) return refuse(reply, counted.ttlInSeconds ?? limits.windowSeconds, 'too many health checks from this address in this window');
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const tokenHash = token ? hashOf(token) : null;
    const userId = tokenHash === null ? undefined : userOfSession.get(tokenHash);
    const address = addressGroup(request.ip);
    const state: RateState = {
      cost,
      userKey: userId === undefined ? null : `user:${userId}`,
      addressKey: userId === undefined ? `anonymous:${address}` : `signed-in:${address}`,
      origin: currentOrigin(),
      tokenHash,
    };
    (request as Rated)[RATE] = state;

    // The user's own allowance first: a user past it spends nothing the address's others share.
    const wanted = userId === undefined ? [checks[cost].address] : cost === 'ordinary' ? [checks[cost].user] : [checks[cost].user, checks[cost].address];
    for (const check of wanted) {
      const counted = await check(request);
      if (counted.isExceeded) return refuse(reply, counted.ttlInSeconds ?? limits.windowSeconds, 'too many requests in this window');
    }
    if (state.userKey === null) return;

    const flightKey = `${cost}:${state.userKey}`;
    const flying = inFlight.get(flightKey) ?? 0;
    if (flying >= limits[cost].inFlightPerUser) return refuse(reply, 1, 'too many requests of this kind at once');
    inFlight.set(flightKey, flying + 1);
    // 'close' comes once whether the answer was sent or the client went away.
    reply.raw.once('close', () => {
      const left = (inFlight.get(flightKey) ?? 1) - 1;
      if (left > 0) inFlight.set(flightKey, left);
      else inFlight.delete(flightKey);
    });
  });

  // The use case named the session's user (request-origin), or sign-in opened a session for
  // them: that session's next requests count as theirs.
  app.addHook('onResponse', async (request) => {
    const state = (request as Rated)[RATE];
    const actorId = state?.origin?.actorId;
    const opened = state?.origin?.openedSessionToken;
    const tokenHash = opened !== undefined ? hashOf(opened) : (state?.tokenHash ?? null);
    if (tokenHash === null || !actorId || userOfSession.get(tokenHash) === actorId) return;
    if (userOfSession.size >= SESSIONS_REMEMBERED) userOfSession.delete(userOfSession.keys().next().value!);
    userOfSession.set(tokenHash, actorId);
  });
}

function refuse(reply: FastifyReply, retryAfterSeconds: number, detail: string): FastifyReply {
  reply.header('retry-after', String(Math.max(1, retryAfterSeconds)));
  return sendProblem(reply, failure('rate_limited', detail));
}
