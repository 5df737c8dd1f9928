import { auditActorId, migrate, openDatabase, seedPopulation } from '@waymark/server';
import { Command, InvalidArgumentError } from 'commander';
import { actingAs } from '../acting';
import { configOrExit } from '../environment';
import { keyRingOrExit, keysPresentOrExit } from '../key-ring';
import { progressBar } from '../progress';

export const positiveInteger = (value: string): number => {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number above 0');
  return n;
};

export function seedCommand(): Command {
  return new Command('seed')
    .description('load a synthetic population (never real people) for demos, tests and benchmarks')
    .requiredOption('--demo <persons>', 'how many synthetic persons', positiveInteger)
    .option('--seed <n>', 'random seed: the same seed gives the same people', positiveInteger, 1)
    .option('--no-screen', 'register only, without a first screening')
    .action(async (options: { demo: number; seed: number; screen: boolean }) => {
      const config = configOrExit();
      // Screenings' highly sensitive answers are sealed: no key ring, no screened seed.
      const keyRing = options.screen ? await keyRingOrExit(config) : undefined;
      const database = await openDatabase(config.database);
      let exitCode = 0;
      try {
        await migrate(database.pool);
        const actor = await actingAs(database, 'seed');
        if (keyRing) await keysPresentOrExit(database, keyRing);
        const bar = progressBar('registering', options.demo);
        const started = Date.now();
        const loaded = await seedPopulation(database, {
          persons: options.demo,
          seed: options.seed,
          today: new Date(),
          screen: options.screen,
          keyRing,
          actorId: auditActorId(actor),
          onProgress: (done) => bar.update(done),
        });
        bar.stop();
        if (!loaded.ok) {
          process.stderr.write(
            `waymark seed: refused: operation ${loaded.error.operationCode} holds real records; demo data is never written into it. Nothing was loaded.\n`,
          );
          exitCode = 1;
        } else {
          process.stdout.write(
            `Loaded ${loaded.value.persons} synthetic persons in ${loaded.value.households} households in ${((Date.now() - started) / 1000).toFixed(1)} s, in operations marked synthetic (remove them with: waymark demo remove).\n`,
          );
        }
      } finally {
        await database.close();
      }
      // Set explicitly: the embedded database's shutdown would otherwise leave the code at 0.
      if (exitCode !== 0) process.exit(exitCode);
    });
}
