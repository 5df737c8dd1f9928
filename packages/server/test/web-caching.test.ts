import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../src/db/connect';
import { buildApp } from '../src/http/app';
import { databaseTargets, freshDatabase } from './database-targets';

// A web build as vite leaves it: hashed assets with their brotli and gzip copies.
const SCRIPT = `console.log(${JSON.stringify('waymark '.repeat(400))});`;
const ASSET = '/assets/index-Ab3dE_9x.js';

describe.each(databaseTargets())('web app files on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;
  let server: FastifyInstance;
  let webDir: string;
  beforeAll(async () => {
    database = await freshDatabase(target);
    webDir = await mkdtemp(join(tmpdir(), 'waymark-web-'));
    await mkdir(join(webDir, 'assets'));
    await writeFile(join(webDir, 'index.html'), '<!doctype html><title>Waymark</title>');
    await writeFile(join(webDir, ASSET), SCRIPT);
    await writeFile(join(webDir, `${ASSET}.br`), brotliCompressSync(SCRIPT));
    await writeFile(join(webDir, `${ASSET}.gz`), gzipSync(SCRIPT));
    server = await buildApp({ database, now: () => new Date(), secureCookies: false, webDir, version: 'test', mfaRequired: false }, false);
  });
  afterAll(async () => {
    await server.close();
    await database.close();
    await rm(webDir, { recursive: true, force: true });
  });

  it('sends a hashed asset pre-compressed in the encoding the browser prefers, cached a year as immutable', async () => {
    const br = await server.inject({ method: 'GET', url: ASSET, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 10);
    expect(br.headers['content-security-policy']).toContain("default-src 'self'");

    const gzip = await server.inject({ method: 'GET', url: ASSET, headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    const plain = await server.inject({ method: 'GET', url: ASSET, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('lets the browser keep index.html only if it asks again (no-cache), with the security headers', async () => {
    for (const url of ['/', '/index.html']) {
      const response = await server.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.headers['content-security-policy'], url).toContain("default-src 'self'");
      expect(response.headers['x-frame-options'], url).toBe('DENY');
      const again = await server.inject({ method: 'GET', url, headers: { 'if-none-match': String(response.headers.etag) } });
      expect(again.statusCode, url).toBe(304);
    }
  });

  it('never lets the API or an unknown asset be cached', async () => {
    const api = await server.inject({ method: 'GET', url: '/api/v1/health', headers: { 'accept-encoding': 'br' } });
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.headers['content-encoding']).toBeUndefined();
    // A deep link is the app's index.html: never stored, since its path may name a record.
    const deep = await server.inject({ method: 'GET', url: '/people/0190f5b4-1111-7000-8000-000000000000' });
    expect(deep.statusCode).toBe(200);
    expect(deep.headers['cache-control']).toBe('no-store');
    const missing = await server.inject({ method: 'GET', url: '/assets/missing-Ab3dE_9x.js' });
    expect(missing.headers['cache-control']).not.toContain('immutable');
  });
});
