import type { Role, Scope } from '@waymark/core';
import type { Session } from '@waymark/contracts';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { v7 as uuidv7 } from 'uuid';
import type { DatabaseHandle } from '../src/db/connect';
import { buildApp } from '../src/http/app';
import { UNLIMITED } from '../src/http/rate-limits/rate-limits';
import type { AppDeps } from '../src/http/deps';
import { cutRelease } from '../src/use-cases/population/cut-release';
import { hashPassword } from '../src/use-cases/sessions/passwords';
import { freshDatabase, type DatabaseTarget } from './database-targets';
import { liveKeyRing } from './test-key-ring';

export interface TestApp {
  url: string;
  database: DatabaseHandle;
  operationId: string;
  /** The test operation's first agency: new users belong to it unless told otherwise. */
  agencyId: string;
  /**
   * Signs in as a new user of that role (in the test operation unless told otherwise);
   * returns a client bound to its cookie. Scope defaults by role: operation for
   * administrators, analysts and auditors, agency for everyone else.
   */
  as(role: Role, operationIds?: string[], options?: UserOptions): Promise<Client>;
  /** A new agency in an operation (the test operation by default). */
  createAgency(options?: { operationId?: string; kind?: string; code?: string }): Promise<string>;
  createTeam(agencyId: string, options?: { operationId?: string; name?: string }): Promise<string>;
  anonymous: Client;
  /** Signs in with email and password over HTTP; the client carries whatever cookies came back. */
  signIn(email: string, password: string, headers?: Record<string, string>): Promise<{ response: TestResponse; client: Client }>;
  /**
   * The same from another client address (a loopback one such as 127.0.0.2, which Linux
   * answers without configuration): the server sees a real connection from it.
   */
  from(address: string): { anonymous: Client; signIn(email: string, password: string): Promise<{ response: TestResponse; client: Client }> };
  /**
   * Cuts the population release of an operation (the test operation by default) as the daily
   * schedule does: what analysts and other aggregate-only readers see (migration 0038).
   */
  release(operationId?: string): Promise<void>;
  close(): Promise<void>;
}

export interface UserOptions {
  scope?: Scope;
  agencyId?: string;
  teamIds?: string[];
}

export interface Client {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  session?: Session;
  /** The signed-in user's id (absent for the anonymous client). */
  userId?: string;
  /** The session cookie (`waymark_session=…`) and the CSRF token it sends on every change. */
  cookie?: string;
  csrfToken?: string;
}

export interface TestResponse {
  status: number;
  contentType: string;
  body: unknown;
  headers: Headers;
}

export interface TestAppOptions {
  now?: () => Date;
  /**
   * WAYMARK_MFA_REQUIRED. Off by default here so tests of other things can sign in as an
   * administrator in one step; authentication tests turn it on.
   */
  mfaRequired?: boolean;
  signInThrottle?: AppDeps['signInThrottle'];
  sessionLimits?: AppDeps['sessionLimits'];
  /** Off unless a test of the limits sets them: other tests make thousands of requests from one address. */
  rateLimits?: AppDeps['rateLimits'];
  /** Threads drawing PDFs (pdf/pdf-pool.ts); the process's shared pool unless a test of its limits sets one. */
  pdfPool?: AppDeps['pdfPool'];
  /** Where the person list stops counting exactly: small, to page past it without 10,000 rows. */
  listCountCap?: number;
  /** Proxies whose X-Forwarded-For names the client (WAYMARK_TRUST_PROXY). */
  trustProxy?: AppDeps['trustProxy'];
  /** A database already prepared (e.g. migrated step by step); a fresh copy of the template otherwise. */
  database?: DatabaseHandle;
}

/** The real HTTP server on a fresh database, listening on a free port. */
export async function startTestApp(target: DatabaseTarget, options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await freshDatabase(target));
  const operationId = uuidv7();
  await database.db.insertInto('operations').values({ id: operationId, code: 'test', name: 'Test operation' }).execute();
  let agencies = 0;
  const createAgency: TestApp['createAgency'] = async (options = {}) => {
    const id = uuidv7();
    await database.db
      .insertInto('agencies')
      .values({
        operation_id: options.operationId ?? operationId,
        id,
        code: options.code ?? `agency-${++agencies}`,
        name: `Agency ${agencies}`,
        kind: options.kind ?? 'ngo',
      })
      .execute();
    return id;
  };
  const createTeam: TestApp['createTeam'] = async (agencyId, options = {}) => {
    const id = uuidv7();
    await database.db
      .insertInto('teams')
      .values({ operation_id: options.operationId ?? operationId, id, agency_id: agencyId, name: options.name ?? `Team ${id.slice(-6)}` })
      .execute();
    return id;
  };
  const agencyId = await createAgency({ code: 'test-agency', kind: 'unhcr' });
  const agencyOf = async (operation: string): Promise<string> => {
    const found = await database.db
      .selectFrom('agencies')
      .select('id')
      .where('operation_id', '=', operation)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    return found?.id ?? (await createAgency({ operationId: operation }));
  };
  const app = await buildApp(
    {
      database,
      now: options.now ?? (() => new Date()),
      secureCookies: false,
      webDir: undefined,
      version: 'test',
      keyRing: liveKeyRing,
      mfaRequired: options.mfaRequired ?? false,
      ...(options.signInThrottle ? { signInThrottle: options.signInThrottle } : {}),
      ...(options.sessionLimits ? { sessionLimits: options.sessionLimits } : {}),
      rateLimits: options.rateLimits ?? UNLIMITED,
      ...(options.pdfPool ? { pdfPool: options.pdfPool } : {}),
      ...(options.listCountCap ? { listCountCap: options.listCountCap } : {}),
      ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    },
    false,
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const passwordHash = await hashPassword('a-long-test-password');
  let users = 0;

  // Signed-in clients send their CSRF token with every change, as the web app does.
  const client = (cookie?: string, csrfToken?: string, localAddress?: string): Client => ({
    ...(cookie ? { cookie } : {}),
    ...(csrfToken ? { csrfToken } : {}),
    async request(method, path, body, headers = {}) {
      const init = {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(cookie ? { cookie } : {}),
          ...(csrfToken && method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      };
      const response = localAddress === undefined ? await fetch(url + path, init) : await fetchFrom(localAddress, url + path, init);
      const contentType = response.headers.get('content-type') ?? '';
      const text = await response.text();
      return { status: response.status, contentType, body: text && contentType.includes('json') ? JSON.parse(text) : text, headers: response.headers };
    },
  });

  const signInFrom = async (localAddress: string | undefined, email: string, password: string, headers: Record<string, string> = {}) => {
    const response = await client(undefined, undefined, localAddress).request('POST', '/api/v1/sessions', { email, password }, headers);
    const cookie = response.headers
      .getSetCookie()
      .map((line) => line.split(';')[0]!)
      .find((pair) => pair.startsWith('waymark_session='));
    const session = response.status === 201 ? (response.body as Session) : undefined;
    const signedIn = client(cookie, session?.csrfToken, localAddress);
    if (session) {
      signedIn.session = session;
      signedIn.userId = session.user.id;
    }
    return { response, client: signedIn };
  };
  const signIn: TestApp['signIn'] = (email, password, headers = {}) => signInFrom(undefined, email, password, headers);

  return {
    url,
    database,
    operationId,
    agencyId,
    createAgency,
    createTeam,
    anonymous: client(),
    signIn,
    from: (address) => ({ anonymous: client(undefined, undefined, address), signIn: (email, password) => signInFrom(address, email, password) }),
    async as(role, operationIds = [operationId], options = {}) {
      const email = `${role}-${++users}@example.org`;
      const id = uuidv7();
      const scope = options.scope ?? (['administrator', 'analyst', 'auditor'].includes(role) ? 'operation' : 'agency');
      const userAgency = options.agencyId ?? (operationIds[0] ? await agencyOf(operationIds[0]) : null);
      await database.db
        .insertInto('users')
        .values({ id, email, display_name: role, password_hash: passwordHash, role, scope, agency_id: userAgency })
        .execute();
      for (const op of operationIds) await database.db.insertInto('user_operations').values({ user_id: id, operation_id: op }).execute();
      for (const team of options.teamIds ?? []) {
        const row = await database.db.selectFrom('teams').select('operation_id').where('id', '=', team).executeTakeFirstOrThrow();
        await database.db.insertInto('team_members').values({ operation_id: row.operation_id, team_id: team, user_id: id }).execute();
      }
      const { client: signedIn } = await signIn(email, 'a-long-test-password');
      signedIn.userId = id;
      return signedIn;
    },
    async release(id = operationId) {
      await cutRelease(database.db, id, new Date());
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** fetch's answer, over a connection made from a chosen local address (fetch cannot choose one). */
function fetchFrom(localAddress: string, target: string, init: { method: string; headers: Record<string, string>; body: string | undefined }): Promise<Response> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(target, { method: init.method, headers: init.headers, localAddress }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => {
        const headers = new Headers();
        for (let i = 0; i < incoming.rawHeaders.length; i += 2) headers.append(incoming.rawHeaders[i]!, incoming.rawHeaders[i + 1]!);
        const status = incoming.statusCode ?? 0;
        resolve(new Response([204, 304].includes(status) ? null : Buffer.concat(chunks), { status, headers }));
      });
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}
