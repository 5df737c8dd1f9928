import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { fromUrl, type DatabaseHandle } from '../src/db/connect';

export interface DatabaseTarget {
  name: 'embedded' | 'server';
  adminUrl: string;
  template: string;
}

/** Every database test runs on each target: embedded always, the server when configured. */
export function databaseTargets(): DatabaseTarget[] {
  return inject('databaseTargets');
}

/** A fresh, migrated database of its own, copied from the run's template. */
export async function freshDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  const name = `waymark_t${target.template.split('_').pop()}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${target.template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(target.adminUrl);
  url.pathname = `/${name}`;
  return fromUrl(target.name, url.toString(), 5, async () => {
    const dropper = new pg.Client({ connectionString: target.adminUrl });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await dropper.end();
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTargets: DatabaseTarget[];
  }
}

/** A database with nothing in it, for migrating step by step (tests that put rows into an older schema). */
export async function emptyDatabase(target: DatabaseTarget, poolSize = 2): Promise<DatabaseHandle> {
  const name = `waymark_t${target.template.split('_').pop()}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(target.adminUrl);
  url.pathname = `/${name}`;
  return fromUrl(target.name, url.toString(), poolSize, async () => {
    const dropper = new pg.Client({ connectionString: target.adminUrl });
    await dropper.connect();
    await dropper.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await dropper.end();
  });
}
