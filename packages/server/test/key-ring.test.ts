import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { generateKey, newKeyId, parseKeyRing, type KeyRing } from '../src/crypto/key-ring';
import { discardGeneratedKeyFile, GENERATED_KEY_FILE, loadKeyRing } from '../src/crypto/load-key-ring';
import { keyIdOf, open, reseal, seal } from '../src/crypto/seal';
import type { DatabaseHandle } from '../src/db/connect';
import { createLogger } from '../src/logger';
import { startServer, StartupRefused } from '../src/serve';
import { databaseTargets, freshDatabase } from './database-targets';

const ringOf = (active: string, ...ids: string[]): KeyRing => ({ active, keys: new Map(ids.map((id) => [id, generateKey()])) });
const AAD = 'protection_notes:body_sealed:op-1:note-1:person-1:sgbv';

describe('sealing with AES-256-GCM', () => {
  const ring = ringOf('k1', 'k1');

  it('opens what it sealed, with the key id in the envelope and a fresh IV each time', () => {
    const envelope = seal(ring, 'She was told the job was in a hotel. نص عربي', AAD);
    expect(envelope).toMatch(/^v1:k1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]+$/);
    expect(envelope).not.toContain('hotel');
    expect(keyIdOf(envelope)).toBe('k1');
    expect(open(ring, envelope, AAD)).toEqual({ ok: true, value: 'She was told the job was in a hotel. نص عربي' });
    expect(seal(ring, 'same', AAD)).not.toBe(seal(ring, 'same', AAD));
  });

  it('refuses a ciphertext with any byte changed', () => {
    const envelope = seal(ring, 'a disclosure', AAD);
    const [v, id, iv, body] = envelope.split(':') as [string, string, string, string];
    const bytes = Buffer.from(body, 'base64url');
    for (const index of [0, bytes.length - 1]) {
      const flipped = Buffer.from(bytes);
      flipped[index]! ^= 1;
      expect(open(ring, [v, id, iv, flipped.toString('base64url')].join(':'), AAD)).toEqual({ ok: false, error: 'tampered' });
    }
    const otherIv = Buffer.from(iv, 'base64url');
    otherIv[0]! ^= 1;
    expect(open(ring, [v, id, otherIv.toString('base64url'), body].join(':'), AAD)).toEqual({ ok: false, error: 'tampered' });
    expect(open(ring, envelope.slice(0, -4), AAD)).toEqual({ ok: false, error: 'tampered' });
    expect(open(ring, 'not an envelope', AAD)).toEqual({ ok: false, error: 'tampered' });
  });

  it('refuses the right ciphertext in the wrong place (associated data)', () => {
    const envelope = seal(ring, 'a disclosure', AAD);
    expect(open(ring, envelope, AAD.replace('note-1', 'note-2'))).toEqual({ ok: false, error: 'tampered' });
    expect(open(ring, envelope, AAD.replace(':sgbv', ':health'))).toEqual({ ok: false, error: 'tampered' });
  });

  it('says which failure is a missing key, and a same-named other key is tampering', () => {
    const envelope = seal(ringOf('k9', 'k9'), 'x', AAD);
    expect(open(ring, envelope, AAD)).toEqual({ ok: false, error: 'unknown_key' });
    expect(open(ringOf('k1', 'k1'), seal(ring, 'x', AAD), AAD)).toEqual({ ok: false, error: 'tampered' });
  });

  it('rotates: a value under k1 re-seals under the active k2 and then opens without k1', () => {
    const k1 = ring.keys.get('k1')!;
    const both: KeyRing = { active: 'k2', keys: new Map([['k1', k1], ['k2', generateKey()]]) };
    const old = seal(ring, 'a disclosure', AAD);
    expect(open(both, old, AAD)).toEqual({ ok: true, value: 'a disclosure' });
    const rotated = reseal(both, old, AAD);
    expect(rotated.ok && keyIdOf(rotated.value)).toBe('k2');
    const onlyK2: KeyRing = { active: 'k2', keys: new Map([['k2', both.keys.get('k2')!]]) };
    expect(rotated.ok && open(onlyK2, rotated.value, AAD)).toEqual({ ok: true, value: 'a disclosure' });
    expect(open(onlyK2, old, AAD)).toEqual({ ok: false, error: 'unknown_key' });
  });
});

describe('key ring', () => {
  const key = () => generateKey().toString('base64');

  it('parses the documented JSON and refuses what is not a usable ring, naming no key material', () => {
    const good = parseKeyRing(JSON.stringify({ active: 'k2', keys: { k1: key(), k2: key() } }));
    expect(good.ok && [good.value.active, [...good.value.keys.keys()]]).toEqual(['k2', ['k1', 'k2']]);
    const short = Buffer.alloc(16).toString('base64');
    for (const [json, message] of [
      ['nope', 'not valid JSON'],
      [JSON.stringify({ keys: { k1: key() } }), '"active"'],
      [JSON.stringify({ active: 'k3', keys: { k1: key() } }), 'not among the keys'],
      [JSON.stringify({ active: 'k1', keys: { k1: short } }), 'must be 32 bytes'],
      [JSON.stringify({ active: 'a:b', keys: { 'a:b': key() } }), 'key id'],
    ] as const) {
      const result = parseKeyRing(json);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toContain(message);
        expect(result.error).not.toContain(short);
      }
    }
  });

  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });
  const tempDir = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'waymark-keys-'));
    dirs.push(dir);
    return dir;
  };
  const configFrom = (env: Record<string, string>) => {
    const result = loadConfig(env);
    if (!result.ok) throw new Error(result.problems.join('; '));
    return result.config;
  };

  it('reads a key file of mode 0600 and refuses one that others can read', async () => {
    const dir = await tempDir();
    const file = join(dir, 'keys.json');
    await writeFile(file, JSON.stringify({ active: 'k1', keys: { k1: key() } }), { mode: 0o600 });
    const config = configFrom({ WAYMARK_KEY_FILE: file, DATABASE_URL: 'postgres://x/y' });
    expect((await loadKeyRing(config)).ok).toBe(true);
    await chmod(file, 0o644);
    const refused = await loadKeyRing(config);
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('mode 644; it must be 600 or stricter') });
  });

  it('reads WAYMARK_KEYS, and refuses both sources at once', async () => {
    const json = JSON.stringify({ active: 'k1', keys: { k1: key() } });
    expect((await loadKeyRing(configFrom({ WAYMARK_KEYS: json, DATABASE_URL: 'postgres://x/y' }))).ok).toBe(true);
    expect(loadConfig({ WAYMARK_KEYS: json, WAYMARK_KEY_FILE: '/k' })).toEqual({ ok: false, problems: ['set WAYMARK_KEY_FILE or WAYMARK_KEYS, not both'] });
    const bad = await loadKeyRing(configFrom({ WAYMARK_KEYS: '{}' }));
    expect(bad).toEqual({ ok: false, error: expect.stringMatching(/^WAYMARK_KEYS: /) });
  });

  it('on a PostgreSQL server without keys, refuses rather than run unencrypted', async () => {
    const refused = await loadKeyRing(configFrom({ DATABASE_URL: 'postgres://x/y', WAYMARK_DATA_DIR: await tempDir() }));
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('no encryption key is configured') });
  });

  it('embedded, generates a 0600 key file in the data directory once and keeps using it', async () => {
    const dir = await tempDir();
    const config = configFrom({ WAYMARK_DATA_DIR: dir });
    const first = await loadKeyRing(config);
    const file = join(dir, GENERATED_KEY_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const second = await loadKeyRing(config);
    if (!first.ok || !second.ok) throw new Error('no ring');
    expect(second.value.active).toBe(first.value.active);
    expect(first.value.keys.get(first.value.active)!.equals(second.value.keys.get(first.value.active)!)).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ active: first.value.active });
  });

  it('never gives a replacement key the id of the key it replaces: a lost key file is not met with a new "k1"', async () => {
    const dir = await tempDir();
    const config = configFrom({ WAYMARK_DATA_DIR: dir });
    const first = await loadKeyRing(config);
    await rm(join(dir, GENERATED_KEY_FILE));
    const replacement = await loadKeyRing(config);
    if (!first.ok || !replacement.ok) throw new Error('no ring');
    expect(first.value.active).toMatch(/^k\d{8}-[0-9a-f]{8}$/);
    expect(replacement.value.active).not.toBe(first.value.active);
    expect(new Set(Array.from({ length: 200 }, () => newKeyId())).size).toBe(200);
  });

  it('takes back a key file it generated when the database turns out to need other keys, and only that one', async () => {
    const dir = await tempDir();
    const config = configFrom({ WAYMARK_DATA_DIR: dir });
    const generated = await loadKeyRing(config);
    if (!generated.ok) throw new Error('no ring');
    await discardGeneratedKeyFile(generated.value);
    await expect(stat(join(dir, GENERATED_KEY_FILE))).rejects.toThrow();
    // A key file that was already there is the operator's: never removed.
    const kept = await loadKeyRing(config);
    const again = await loadKeyRing(config);
    if (!kept.ok || !again.ok) throw new Error('no ring');
    await discardGeneratedKeyFile(again.value);
    expect((await stat(join(dir, GENERATED_KEY_FILE))).isFile()).toBe(true);
  });
});

describe.each(databaseTargets())('a database holding sealed values refuses to start without their keys, on $name PostgreSQL', (target) => {
  let database: DatabaseHandle;
  let dataDir: string;
  const lost = { id: newKeyId(), key: generateKey() };
  const replacement = { id: newKeyId(), key: generateKey() };
  const ringJson = (active: string, keys: Record<string, Buffer>) =>
    JSON.stringify({ active, keys: Object.fromEntries(Object.entries(keys).map(([id, key]) => [id, key.toString('base64')])) });
  const start = (keys: string) => {
    const config = loadConfig({ DATABASE_URL: database.url, WAYMARK_KEYS: keys, PORT: '0', WAYMARK_DATA_DIR: dataDir, WAYMARK_LOG_LEVEL: 'silent' });
    if (!config.ok) throw new Error(config.problems.join('; '));
    return startServer(config.config, createLogger('silent'));
  };

  beforeAll(async () => {
    database = await freshDatabase(target);
    dataDir = await mkdtemp(join(tmpdir(), 'waymark-keys-start-'));
    // An administrator enrolled in a second factor under the key that is about to be lost.
    const ring: KeyRing = { active: lost.id, keys: new Map([[lost.id, lost.key]]) };
    await database.pool.query(
      `insert into users (id, email, display_name, role, password_hash, totp_secret_sealed) values ($1, 'admin@example.org', 'Admin', 'administrator', 'x', $2)`,
      ['0190a000-0000-7000-8000-0000000000a1', seal(ring, 'JBSWY3DPEHPK3PXP', 'users:totp_secret_sealed:0190a000-0000-7000-8000-0000000000a1')],
    );
  });
  afterAll(async () => {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('names the missing key id, instead of sealing anything new under a replacement key', async () => {
    const refused = start(ringJson(replacement.id, { [replacement.id]: replacement.key }));
    await expect(refused).rejects.toBeInstanceOf(StartupRefused);
    await expect(refused).rejects.toThrow(new RegExp(`sealed with key ${lost.id}, which the key ring \\(${replacement.id}\\) does not have`));
  });

  it('starts with the ring that holds the key, a new active key beside it', async () => {
    const server = await start(ringJson(replacement.id, { [lost.id]: lost.key, [replacement.id]: replacement.key }));
    try {
      expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
