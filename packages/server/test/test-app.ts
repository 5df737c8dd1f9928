import type { Session } from '@waymark/contracts';
import type { AddressInfo } from 'node:net';
import { v7 as uuidv7 } from 'uuid';
import type { DatabaseHandle } from '../src/db/connect';
import { buildApp } from '../src/http/app';
import { hashPassword } from '../src/use-cases/sessions/passwords';
import { freshDatabase, type DatabaseTarget } from './database-targets';

export interface TestApp {
  url: string;
  database: DatabaseHandle;
  operationId: string;
  /** Signs in as a new user of that role in the test operation; returns a client bound to its cookie. */
  as(role: 'administrator' | 'supervisor' | 'caseworker' | 'analyst' | 'auditor', operationIds?: string[]): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  session?: Session;
}

export interface TestResponse {
  status: number;
  contentType: string;
  body: unknown;
}

/** The real HTTP server on a fresh database, listening on a free port. */
export async function startTestApp(target: DatabaseTarget, options: { now?: () => Date } = {}): Promise<TestApp> {
  const database = await freshDatabase(target);
  const operationId = uuidv7();
  await database.db.insertInto('operations').values({ id: operationId, code: 'test', name: 'Test operation' }).execute();
  const app = await buildApp(
    { database, now: options.now ?? (() => new Date()), secureCookies: false, webDir: undefined, version: 'test' },
    false,
  );
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const passwordHash = await hashPassword('a-long-test-password');
  let users = 0;

  const client = (cookie?: string): Client => ({
    async request(method, path, body, headers = {}) {
      const response = await fetch(url + path, {
        method,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(cookie ? { cookie } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const contentType = response.headers.get('content-type') ?? '';
      const text = await response.text();
      return { status: response.status, contentType, body: text && contentType.includes('json') ? JSON.parse(text) : text };
    },
  });

  return {
    url,
    database,
    operationId,
    anonymous: client(),
    async as(role, operationIds = [operationId]) {
      const email = `${role}-${++users}@example.org`;
      const id = uuidv7();
      await database.db
        .insertInto('users')
        .values({ id, email, display_name: role, password_hash: passwordHash, role })
        .execute();
      for (const op of operationIds) await database.db.insertInto('user_operations').values({ user_id: id, operation_id: op }).execute();
      const response = await fetch(`${url}/api/v1/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'a-long-test-password' }),
      });
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
      const signedIn = client(cookie);
      signedIn.session = (await response.json()) as Session;
      return signedIn;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
