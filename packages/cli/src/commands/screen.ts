import { auditActorId, countScreenedPersons, migrate, openDatabase, rescoreAll } from '@waymark/server';
import { Command } from 'commander';
import { actingAs } from '../acting';
import { configOrExit } from '../environment';
import { keyRingOrExit, keysPresentOrExit } from '../key-ring';
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
        if (actor === null) throw new Error('screen needs an actor: its rule names a verb');
        // Only the people the acting user's operations and scope reach, as the API would.
        const total = await countScreenedPersons(database, actor);
        // The answers re-scored are partly sealed, and so is what the new screenings store;
        // asked for after the permission check, and only when there is something to re-score.
        const keyRing = total > 0 ? await keyRingOrExit(config) : undefined;
        if (keyRing) await keysPresentOrExit(database, keyRing);
        const bar = progressBar('re-scoring', total);
        const started = Date.now();
        const summary = await rescoreAll(database, { actor, actorId: auditActorId(actor), now: new Date(), keyRing, onProgress: (done) => bar.update(done) });
        bar.stop();
        process.stdout.write(
          `Re-scored ${summary.rescored} persons with heightened-risk v${summary.instrumentVersion} in ${((Date.now() - started) / 1000).toFixed(1)} s` +
            (summary.answersDropped > 0 ? ` (${summary.answersDropped} answers no longer apply and were left out)` : '') +
            (summary.sealedUnreadable > 0 ? `; ${summary.sealedUnreadable} persons skipped: their sealed answers would not open (missing key?)` : '') +
            '.\n',
        );
      } finally {
        await database.close();
      }
    });
}
