import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { AGGREGATE_VIEWS, migrate, openDatabase, operationIdByCode, prepareExport, type DatabaseHandle } from '@waymark/server';
import { Command, Option } from 'commander';
import { actingAs } from '../acting';
import { configOrExit } from '../environment';
import { progressBar } from '../progress';

interface ExportOptions {
  format: string;
  out: string;
  operation?: string;
  param: string[];
}

const collect = (value: string, previous: string[]) => [...previous, value];

/**
 * `waymark export risk-by-area --format hxl --out risk.hxl.csv`: the same views, checks,
 * suppression and audit as GET /api/v1/exports/{view}. The file is written as
 * FILE.partial and renamed when complete, so a refused, invalid or failed export leaves
 * no file behind (and never half of one).
 */
export function exportCommand(): Command {
  return new Command('export')
    .description(`export an aggregate view, small cells suppressed (views: ${AGGREGATE_VIEWS.map((view) => view.id).join(', ')})`)
    .argument('<view>', 'which aggregate view')
    .addOption(new Option('--format <format>', 'file format').choices(['csv', 'xlsx', 'hxl']).default('csv'))
    .requiredOption('--out <file>', 'where to write it')
    .option('--operation <code>', 'one operation, by its code')
    .option('--param <name=value>', "one of the view's own parameters (repeatable)", collect, [])
    .action(async (viewId: string, options: ExportOptions) => {
      const config = configOrExit();
      const database = await openDatabase(config.database);
      let exitCode = 0;
      try {
        await migrate(database.pool);
        const actor = await actingAs(database, 'export');
        if (actor === null) throw new Error('export needs an actor: its rule names a verb');
        exitCode = await runExport(database, actor, viewId, options);
      } finally {
        await database.close();
      }
      process.exit(exitCode);
    });
}

async function runExport(database: DatabaseHandle, actor: Parameters<typeof prepareExport>[0]['actor'], viewId: string, options: ExportOptions): Promise<number> {
  const query: Record<string, string> = { format: options.format };
  for (const pair of options.param) {
    const at = pair.indexOf('=');
    if (at <= 0) {
      process.stderr.write(`waymark export: --param ${pair}: write it as name=value.\n`);
      return 2;
    }
    query[pair.slice(0, at)] = pair.slice(at + 1);
  }
  if (options.operation !== undefined) {
    const operationId = await operationIdByCode(database.db, options.operation);
    if (operationId === null) {
      process.stderr.write(`waymark export: no operation with code ${options.operation}.\n`);
      return 2;
    }
    query.operationId = operationId;
  } else if (query.operationId === undefined && actor.operationIds.length === 1 && AGGREGATE_VIEWS.find((view) => view.id === viewId)?.operationParam === 'operationId') {
    // One operation only: it is the one meant (README: `export population --param …`).
    query.operationId = actor.operationIds[0]!;
  }
  const prepared = await prepareExport({ db: database.db, actor, now: () => new Date() }, viewId, query);
  if (!prepared.ok) {
    const { code, errors } = prepared.error;
    const why =
      code === 'not_found'
        ? `no view "${viewId}" (views: ${AGGREGATE_VIEWS.map((view) => view.id).join(', ')})`
        : code === 'forbidden'
          ? 'not allowed for this user (refusal audited)'
          : code === 'validation_failed'
            ? (errors ?? []).map((problem) => (problem.path === '/operationId' && query.operationId === undefined ? 'name the operation with --operation CODE' : `${problem.path || '/'}: ${problem.message}`)).join('; ')
            : code;
    process.stderr.write(`waymark export: nothing written: ${why}.\n`);
    return code === 'forbidden' ? 3 : 2;
  }
  const file = resolve(options.out);
  const partial = `${file}.partial`;
  const bar = progressBar(`export ${viewId}`, Math.max(prepared.value.rowCount, 1));
  const body = new PassThrough();
  try {
    await Promise.all([prepared.value.write(body, (rows) => bar.update(rows)), pipeline(body, createWriteStream(partial))]);
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  } finally {
    if (prepared.value.rowCount === 0) bar.update(1);
    bar.stop();
  }
  process.stdout.write(`Exported ${prepared.value.rowCount} rows of ${viewId} as ${prepared.value.format} to ${options.out}.\n`);
  return 0;
}
