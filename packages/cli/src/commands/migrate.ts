import { migrate, openDatabase } from '@waymark/server';
import { Command } from 'commander';
import { configOrExit } from '../environment';

export function migrateCommand(): Command {
  return new Command('migrate').description('apply the numbered SQL migrations').action(async () => {
    const config = configOrExit();
    const database = await openDatabase(config.database);
    try {
      const applied = await migrate(database.pool);
      process.stdout.write(
        applied.length === 0 ? 'Database is up to date.\n' : `Applied ${applied.map((m) => `${m.version}_${m.name}`).join(', ')}\n`,
      );
    } finally {
      await database.close();
    }
  });
}
