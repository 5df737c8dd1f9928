import { migrate, openDatabase, runRetention } from '@waymark/server';
import { Command } from 'commander';
import { actingAs, operationScopeOrExit } from '../acting';
import { configOrExit } from '../environment';

export function retentionCommand(): Command {
  const retention = new Command('retention').description("apply each operation's retention policy");
  retention
    .command('run')
    .description('anonymise the people a retention policy no longer lets Waymark keep (serve also runs this daily)')
    .option('--dry-run', 'report what would be anonymised; change nothing')
    .option('--operation <code>', 'one operation only')
    .option('--json', 'print the result as JSON')
    .action(async (options: { dryRun?: boolean; operation?: string; json?: boolean }) => {
      const config = configOrExit();
      const database = await openDatabase(config.database);
      let exitCode = 0;
      try {
        await migrate(database.pool);
        const actor = await actingAs(database, 'retention run');
        if (actor !== null) await operationScopeOrExit(database, actor, 'retention run');
        const result = await runRetention(database.db, {
          actor,
          dryRun: options.dryRun === true,
          now: () => new Date(),
          ...(options.operation === undefined ? {} : { operationCode: options.operation }),
        });
        if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        else if (!result.ran) {
          process.stdout.write('Another Waymark process is running retention now; nothing done.\n');
          exitCode = 3;
        } else if (result.operations.length === 0) {
          process.stdout.write('No operation has a retention rule switched on.\n');
        } else {
          // Counts, and on a dry run the candidates' ids with their reasons; names never.
          for (const op of result.operations) {
            const oldest = op.byReason[0]?.oldestLastActivity ?? null;
            process.stdout.write(
              options.dryRun
                ? `${op.code}: ${op.total} would be anonymised (inactive)${oldest ? `, oldest last activity ${oldest}` : ''}.\n`
                : `${op.code}: ${op.anonymised} anonymised (inactive).\n`,
            );
            // Each candidate with why (record ids only, never names), so a reviewer can check before a run.
            if (options.dryRun) for (const candidate of op.candidates) process.stdout.write(`  ${candidate.personId} ${candidate.reason}: last ${candidate.lastActivityKind} ${candidate.lastActivity}\n`);
          }
        }
      } finally {
        await database.close();
      }
      process.exit(exitCode);
    });
  return retention;
}
