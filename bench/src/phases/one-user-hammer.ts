import { DEFAULT_RATE_LIMITS } from '@waymark/server';
import { Worker } from 'node:worker_threads';
import { startBenchHttp } from '../http-app';
import type { BenchTarget } from '../targets';
import { percentile } from '../timing';

/** How long each route is hammered while health is sampled. */
const HAMMER_MS = 15_000;
const CONNECTIONS = 16;

export interface HammerRound {
  route: string;
  /** Requests the hammering user sent, and how they were answered. */
  requests: number;
  statuses: Record<string, number>;
  healthSamples: number;
  healthP50: number;
  healthP99: number;
  healthMax: number;
}

export interface HammerFigures {
  connections: number;
  seconds: number;
  rounds: HammerRound[];
}

/**
 * One user hammers one route with 16 keep-alive connections for 15 s while /health is sampled
 * every 10 ms (issue 20 §1: a two-letter name search held health's p99 at 1.25 s, PDFs at
 * 1.09 s). The server runs with its default rate limits (health's lifted for the sampler); the hammer runs on a worker thread,
 * so its own work does not sit on the server's event loop (the bench serves in-process).
 * Rounds: a two-letter name search (expensive), a subject-access PDF (expensive), and a
 * person read (ordinary, audited).
 */
export async function benchHammer(target: BenchTarget, operationId: string): Promise<HammerFigures> {
  // Health's own allowance (1,200 an address a minute) is lifted: the sampler below asks it
  // every 10 ms from the hammer's address, more than a monitor would.
  const http = await startBenchHttp(target, { ...DEFAULT_RATE_LIMITS, health: { perAddress: Number.MAX_SAFE_INTEGER } });
  try {
    // A protection officer: may read people and export what is held on them (subject access).
    const agency = await target.database.pool.query<{ id: string }>(`select id from agencies where operation_id = $1 and code = 'unhcr'`, [operationId]);
    const { session: hammerer } = await http.member({ role: 'protection_officer', scope: 'agency', agencyId: agency.rows[0]!.id, operationIds: [operationId] });
    const cookie = hammerer.cookie;
    const listed = await hammerer.get(`/api/v1/persons?operationId=${operationId}&limit=1`);
    const personId = (listed.body as { items: Array<{ id: string }> }).items[0]!.id;
    const rounds: HammerRound[] = [];
    for (const [i, route] of [
      `/api/v1/persons?operationId=${operationId}&name=mo`,
      `/api/v1/persons/${personId}/export?format=pdf`,
      `/api/v1/persons/${personId}`,
    ].entries()) {
      // Each round in a fresh window: the limits are per minute.
      if (i > 0) await new Promise((resolve) => setTimeout(resolve, (DEFAULT_RATE_LIMITS.windowSeconds + 1) * 1000));
      const hammering = hammer(http.url + route, cookie);
      const health: number[] = [];
      const until = Date.now() + HAMMER_MS;
      while (Date.now() < until) {
        health.push((await http.get('/api/v1/health')).ms);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const { requests, statuses } = await hammering;
      rounds.push({
        route: route.replace(operationId, '{operation}').replace(personId, '{id}'),
        requests,
        statuses,
        healthSamples: health.length,
        healthP50: percentile(health, 50),
        healthP99: percentile(health, 99),
        healthMax: Math.max(...health),
      });
    }
    return { connections: CONNECTIONS, seconds: HAMMER_MS / 1000, rounds };
  } finally {
    await http.close();
  }
}

/** Plain JavaScript for the worker: 16 loops of GETs over one keep-alive agent, for HAMMER_MS. */
const HAMMER_SOURCE = `
const { workerData, parentPort } = require('node:worker_threads');
const http = require('node:http');
const { url, cookie, connections, ms } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const until = Date.now() + ms;
const statuses = {};
let requests = 0;
const one = () => new Promise((resolve) => {
  const request = http.get(url, { agent, headers: { cookie } }, (response) => {
    response.resume();
    response.on('end', () => { statuses[response.statusCode] = (statuses[response.statusCode] || 0) + 1; resolve(); });
  });
  request.on('error', () => { statuses.error = (statuses.error || 0) + 1; resolve(); });
});
const loop = async () => { while (Date.now() < until) { requests++; await one(); } };
Promise.all(Array.from({ length: connections }, loop)).then(() => { agent.destroy(); parentPort.postMessage({ requests, statuses }); });
`;

function hammer(url: string, cookie: string): Promise<{ requests: number; statuses: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HAMMER_SOURCE, { eval: true, workerData: { url, cookie, connections: CONNECTIONS, ms: HAMMER_MS } });
    worker.once('message', (result: { requests: number; statuses: Record<string, number> }) => {
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', reject);
  });
}
