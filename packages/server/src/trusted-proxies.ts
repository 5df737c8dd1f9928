import { isIP } from 'node:net';

/**
 * Which senders may say, in X-Forwarded-For, whose request they pass on: a hop count
 * (the last N proxies are ours) or the proxies' addresses and networks. Never "everyone":
 * a client trusted to name its own address would pick a fresh one for every guess, and the
 * per-address locks and limits would count nothing.
 */
export type TrustedProxies = number | string[];

/** The names proxy-addr (Fastify's trustProxy) knows for address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const MAX_HOPS = 10;

export type TrustedProxiesResult = { ok: true; value: TrustedProxies | undefined } | { ok: false; problem: string };

/** WAYMARK_TRUST_PROXY: unset (the socket's address counts), a hop count, or a comma-separated list. */
export function parseTrustedProxies(raw: string | undefined): TrustedProxiesResult {
  if (raw === undefined || raw.trim() === '') return { ok: true, value: undefined };
  const text = raw.trim();
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops < 1 || hops > MAX_HOPS) return { ok: false, problem: `a hop count must be 1 to ${MAX_HOPS}` };
    return { ok: true, value: hops };
  }
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!validEntry(entry)) {
      return {
        ok: false,
        problem: `"${entry.slice(0, 60)}" is not an address, a network (10.0.0.0/8) or one of ${[...RANGE_NAMES].join(', ')}; trusting every sender (true, *, 0.0.0.0/0) would let any client choose the address its guesses are counted under`,
      };
    }
  }
  return { ok: true, value: entries };
}

function validEntry(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  if (rest.length > 0 || address === undefined) return false;
  const family = isIP(address);
  if (family === 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  const bits = Number(prefix);
  // A network of everyone is "trust every sender" spelled differently.
  return bits >= (family === 4 ? 8 : 16) && bits <= (family === 4 ? 32 : 128);
}

/** Fastify's trustProxy option: a hop count becomes "the first N hops back are ours". */
export function fastifyTrustProxy(trusted: TrustedProxies | undefined): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (trusted === undefined) return false;
  if (typeof trusted === 'number') return (_address, hop) => hop < trusted;
  return trusted;
}
