import { auditActorId, countScreenedPersons, migrate, openDatabase, rescoreAll } from '@waymark/server';
import { Command } from 'commander';
import { actingAs } from '../acting';
import { configOrExit } from '../environment';
import { progressBar } from '../progress';

export function rescreenCommand(): Command {
  return new Command('screen')
    .description('re-score screenings with the current instrument version')
    .requiredOption('--all', 'every screened person (their latest answers)')
    .action(async () => {
      const config = configOrExit();
      const database = await openDatabase(config.database);
      try {
        await migrate(database.pool);
        const actor = await actingAs(database, 'screen');
        const bar = progressBar('re-scoring', await countScreenedPersons(database));
        const started = Date.now();
        const summary = await rescoreAll(database, { actorId: auditActorId(actor), now: new Date(), onProgress: (done) => bar.update(done) });
        bar.stop();
        process.stdout.write(
          `Re-scored ${summary.rescored} persons with heightened-risk v${summary.instrumentVersion} in ${((Date.now() - started) / 1000).toFixed(1)} s` +
            (summary.answersDropped > 0 ? ` (${summary.answersDropped} answers no longer apply and were left out)` : '') +
            '.\n',
        );
      } finally {
        await database.close();
      }
    });
}
