import { Command, InvalidArgumentError } from 'commander';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBenchAdmin, startBenchHttp } from './http-app';
import { benchCases, type CaseFigures } from './phases/case-lists';
import { benchLoad, type LoadFigures } from './phases/load';
import { benchHammer, type HammerFigures } from './phases/one-user-hammer';
import { benchProgrammes, type ProgrammeFigures } from './phases/programmes';
import { benchPopulationMap, type PopulationMapFigures } from './phases/population-map';
import { benchAggregate, benchList, type AggregateFigures, type ListFigures } from './phases/queries';
import { benchRescore, type RescoreFigures } from './phases/rescore';
import { benchWebLoad, buildWeb, WEB_DIR, type WebLoadFigures } from './phases/web-load';
import { printReport } from './report';
import { embeddedTarget, serverTarget, type BenchTarget } from './targets';

export interface TargetResult {
  target: 'embedded' | 'server';
  postgresVersion: string;
  load: LoadFigures;
  /** Absent when only the hammer step ran (--hammer-only). */
  rescore?: RescoreFigures;
  list?: ListFigures;
  aggregate?: AggregateFigures;
  /** Case work: 10% of persons with an open case, and the caseworkers' and supervisors' lists. */
  cases?: CaseFigures;
  /** A programme from the issue's example rule: its target list and coverage. */
  programmes?: ProgrammeFigures;
  /** The population map's dashboard vs the raw scan, and a new screening's time to show. */
  populationMap?: PopulationMapFigures;
  /** One user hammering one route with 16 connections, under the default rate limits, while health is sampled. */
  hammer?: HammerFigures;
  /** The people list in Chromium over a throttled "Fast 3G" link with a 4× slower CPU. */
  web?: WebLoadFigures;
}

const count = (value: string) => {
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 100) throw new InvalidArgumentError('a whole number of at least 100');
  return n;
};

const program = new Command('bench')
  .description('Waymark benchmark: every figure is a ratio to a raw PostgreSQL baseline measured in the same run')
  .option('--persons <n>', 'synthetic persons to generate and load', count, 100_000)
  .option('--seed <n>', 'generator seed', count, 20_261_125)
  .option('--only <target>', 'embedded or server')
  .option('--hammer-only', 'after the load, only the one-user hammer step (rate limits, health p99)')
  .option('--web-only', 'after the load, only the people list in Chromium over a throttled link')
  .parse();

const options = program.opts<{ persons: number; seed: number; only?: string; hammerOnly?: boolean; webOnly?: boolean }>();
const serverUrl = process.env.DATABASE_URL ?? process.env.TEST_DATABASE_URL;
const log = (line: string) => process.stderr.write(`${line}\n`);
const today = new Date();
const results: TargetResult[] = [];

/** The people list in Chromium, cold and warm, over the field link (its own server, with the web build). */
async function webLoad(target: BenchTarget): Promise<WebLoadFigures> {
  log('  people list in Chromium over Fast 3G, 4× CPU slowdown…');
  buildWeb();
  const http = await startBenchHttp(target, undefined, WEB_DIR);
  try {
    const { rows } = await target.database.pool.query<{ id: string }>(`select id from operations where code = 'LBN'`);
    return await benchWebLoad(http.url, await http.caseworker(rows[0]!.id));
  } finally {
    await http.close();
  }
}

const makers: Array<[string, () => Promise<BenchTarget>]> = [['embedded', embeddedTarget]];
if (serverUrl) makers.push(['server', () => serverTarget(serverUrl)]);

for (const [name, make] of makers) {
  if (options.only && options.only !== name) continue;
  log(`\n${name}: ${options.persons} persons`);
  const target = await make();
  try {
    await createBenchAdmin(target);
    log('  bulk load…');
    const load = await benchLoad(target, options.persons, options.seed, today, log);
    if (options.hammerOnly) {
      const { rows: lbn } = await target.database.pool.query<{ id: string }>(`select id from operations where code = 'LBN'`);
      log('  one user hammering, 16 connections…');
      results.push({ target: target.name, postgresVersion: target.postgresVersion, load, hammer: await benchHammer(target, lbn[0]!.id) });
      continue;
    }
    if (options.webOnly) {
      results.push({ target: target.name, postgresVersion: target.postgresVersion, load, web: await webLoad(target) });
      continue;
    }
    log('  screen --all…');
    const rescore = await benchRescore(target, today);
    const http = await startBenchHttp(target);
    try {
      const { rows } = await target.database.pool.query<{ id: string }>(`select id from operations where code = 'LBN'`);
      const operationId = rows[0]!.id;
      log('  lists…');
      const caseworker = await http.caseworker(operationId);
      const agency = await target.database.pool.query<{ id: string }>(`select id from agencies where operation_id = $1 and code = 'unhcr'`, [operationId]);
      const list = await benchList(target, http, operationId, today, { session: caseworker, agencyId: agency.rows[0]!.id });
      log('  aggregate and health…');
      const aggregate = await benchAggregate(target, http, operationId);
      log('  cases (10% of persons) and their lists…');
      const cases = await benchCases(target, http, today, options.seed, log);
      log('  programme target list and coverage…');
      const programmes = await benchProgrammes(target, http, operationId, today, { session: caseworker, agencyId: agency.rows[0]!.id });
      log('  population map dashboard and freshness…');
      const populationMap = await benchPopulationMap(target, http, operationId);
      log('  one user hammering, 16 connections…');
      const hammer = await benchHammer(target, operationId);
      const web = await webLoad(target);
      results.push({ target: target.name, postgresVersion: target.postgresVersion, load, rescore, list, aggregate, cases, programmes, populationMap, hammer, web });
    } finally {
      await http.close();
    }
  } finally {
    await target.dispose();
  }
}

const report = {
  at: today.toISOString(),
  command: `npm run bench -- --persons ${options.persons}${options.only ? ` --only ${options.only}` : ''}${options.hammerOnly ? ' --hammer-only' : ''}${options.webOnly ? ' --web-only' : ''}`,
  persons: options.persons,
  seed: options.seed,
  node: process.version,
  results,
};
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'results', 'latest.json');
await mkdir(dirname(out), { recursive: true });
await writeFile(out, JSON.stringify(report, null, 2) + '\n');
printReport(report);
process.stdout.write(`\nwritten to ${out}\n`);
