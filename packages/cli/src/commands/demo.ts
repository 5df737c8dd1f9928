import { migrate, openDatabase, removeDemo } from '@waymark/server';
import { Command } from 'commander';
import { actingAs } from '../acting';
import { configOrExit } from '../environment';

export function demoCommand(): Command {
  const demo = new Command('demo').description('synthetic demo operations (made by waymark seed --demo)');
  demo
    .command('remove')
    .description('delete every synthetic demo operation with everything in it (audited); real operations are never touched')
    .option('--operation <code>', 'only this synthetic operation')
    .action(async (options: { operation?: string }) => {
      const config = configOrExit();
      const database = await openDatabase(config.database);
      let exitCode = 0;
      try {
        await migrate(database.pool);
        const actor = await actingAs(database, 'demo remove');
        const result = await removeDemo(database.db, actor, options.operation === undefined ? {} : { operationCode: options.operation });
        if (!result.ok) {
          const why =
            result.error.code === 'forbidden'
              ? 'the acting user is not in every synthetic operation'
              : result.error.code === 'unknown_operation'
                ? `there is no operation ${result.error.operationCode}`
                : `operation ${result.error.operationCode} is not synthetic (it holds real records)`;
          process.stderr.write(`waymark demo remove: refused: ${why}. Nothing was deleted.\n`);
          exitCode = result.error.code === 'forbidden' ? 3 : 1;
        } else {
          if (result.value.length === 0) process.stdout.write('No synthetic operation to remove.\n');
          for (const removed of result.value) process.stdout.write(`Removed synthetic operation ${removed.code} (${removed.rows} rows).\n`);
        }
      } finally {
        await database.close();
      }
      // Set explicitly: the embedded database's shutdown would otherwise leave the code at 0.
      if (exitCode !== 0) process.exit(exitCode);
    });
  return demo;
}
