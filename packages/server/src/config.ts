import { resolve } from 'node:path';
import { z } from 'zod';
import { parseTrustedProxies, type TrustedProxies } from './trusted-proxies';

// The one place that reads the environment; everything else receives a Config.

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  WAYMARK_DATA_DIR: z.string().min(1).default('data'),
  WAYMARK_DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  WAYMARK_ADMIN_EMAIL: z.email().optional(),
  WAYMARK_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  WAYMARK_WEB_DIR: z.string().optional(),
  WAYMARK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WAYMARK_COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  WAYMARK_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(480).default(30),
  WAYMARK_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  WAYMARK_MFA_REQUIRED: z.enum(['true', 'false']).default('true'),
  WAYMARK_KEY_FILE: z.string().min(1).optional(),
  WAYMARK_KEYS: z.string().min(1).optional(),
  WAYMARK_BACKUP_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes, base64 (waymark keys generate)')
    .optional(),
  WAYMARK_TRUST_PROXY: z.string().optional(),
});

export interface DatabaseConfig {
  url: string | undefined;
  dataDir: string;
  poolSize: number;
}

/**
 * Where the keys that seal highly sensitive values come from: a file (mode 0600), the
 * environment (containers), or, embedded only, a file generated in the data directory.
 */
export interface KeysConfig {
  file: string | undefined;
  json: string | undefined;
  /** A separate key for backups; without it, backups are keyed from the key ring. */
  backupKey: string | undefined;
}

export interface Config {
  port: number;
  host: string;
  database: DatabaseConfig;
  admin: { email: string; password: string } | null;
  webDir: string | undefined;
  logLevel: z.infer<typeof EnvSchema>['WAYMARK_LOG_LEVEL'];
  /** Secure cookies need HTTPS; on by default except on loopback. */
  secureCookies: boolean;
  /** Administrators and supervisors must use a second factor; false only for evaluation (every page then says so). */
  mfaRequired: boolean;
  /** Sessions end after this long idle, and this long after sign-in whatever happens. */
  sessions: { idleMinutes: number; absoluteHours: number };
  keys: KeysConfig;
  /** Reverse proxies whose X-Forwarded-For names the client (per-address locks and limits count that address). */
  trustProxy: TrustedProxies | undefined;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

export function loadConfig(env: Record<string, string | undefined>): ConfigResult {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  }
  const e = parsed.data;
  if ((e.WAYMARK_ADMIN_EMAIL === undefined) !== (e.WAYMARK_ADMIN_PASSWORD === undefined)) {
    return { ok: false, problems: ['WAYMARK_ADMIN_EMAIL and WAYMARK_ADMIN_PASSWORD must be set together'] };
  }
  if (e.WAYMARK_KEY_FILE !== undefined && e.WAYMARK_KEYS !== undefined) {
    return { ok: false, problems: ['set WAYMARK_KEY_FILE or WAYMARK_KEYS, not both'] };
  }
  const trustProxy = parseTrustedProxies(e.WAYMARK_TRUST_PROXY);
  if (!trustProxy.ok) return { ok: false, problems: [`WAYMARK_TRUST_PROXY: ${trustProxy.problem}`] };
  const loopback = e.HOST === '127.0.0.1' || e.HOST === 'localhost' || e.HOST === '::1';
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      database: { url: e.DATABASE_URL, dataDir: resolve(e.WAYMARK_DATA_DIR), poolSize: e.WAYMARK_DB_POOL_SIZE },
      admin:
        e.WAYMARK_ADMIN_EMAIL && e.WAYMARK_ADMIN_PASSWORD
          ? { email: e.WAYMARK_ADMIN_EMAIL.toLowerCase(), password: e.WAYMARK_ADMIN_PASSWORD }
          : null,
      webDir: e.WAYMARK_WEB_DIR,
      logLevel: e.WAYMARK_LOG_LEVEL,
      secureCookies: e.WAYMARK_COOKIE_SECURE ? e.WAYMARK_COOKIE_SECURE === 'true' : !loopback,
      mfaRequired: e.WAYMARK_MFA_REQUIRED === 'true',
      sessions: { idleMinutes: e.WAYMARK_SESSION_IDLE_MINUTES, absoluteHours: e.WAYMARK_SESSION_MAX_HOURS },
      keys: {
        file: e.WAYMARK_KEY_FILE === undefined ? undefined : resolve(e.WAYMARK_KEY_FILE),
        json: e.WAYMARK_KEYS,
        backupKey: e.WAYMARK_BACKUP_KEY,
      },
      trustProxy: trustProxy.value,
    },
  };
}
