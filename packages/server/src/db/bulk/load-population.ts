import { err, ok, type GeneratedHousehold, type OperationSpec, type Result } from '@waymark/core';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { writeAuditWithClient } from '../audit';
import type { DatabaseHandle } from '../connect';
import { reserveRecordNumbers, type NumberedKind } from '../record-numbers-repository';
import { keepRollupsInTransaction } from '../rollup-keeper';
import { copyChunks, copyText, type CopyText } from './copy-rows';
import type { CopyValue } from './copy-text';
import {
  CONSENT_COLUMNS,
  consentRow,
  countedPerson,
  HOUSEHOLD_COLUMNS,
  householdRow,
  PERSON_COLUMNS,
  personRow,
  SCREENING_COLUMNS,
  screeningRecord,
  type BulkSealing,
  type MemberScreening,
  type PlacedHousehold,
} from './population-rows';
import { copyRollupDeltas, RollupDeltas, type RollupDeltaText } from './rollup-deltas';

export interface LoadOptions {
  actorId: string | null;
  screenedAt: Date;
  /** Seals each screening's highly sensitive answers. */
  sealing: BulkSealing;
  /** Scores a member's answers; null leaves the person unscreened. */
  screen: (household: GeneratedHousehold, index: number) => MemberScreening | null;
  /** Rejects a member whose registration breaks a rule (same checks as the API). */
  check: (household: GeneratedHousehold, index: number) => string | null;
  batchPersons?: number;
  onProgress?: (persons: number) => void;
}

export interface PlacementIds {
  operations: Map<string, string>;
  /** By operation code: the agency that holds loaded records. */
  agencies: Map<string, string>;
  sites: Map<string, string>;
}

/** Synthetic agencies for a demo operation; the first holds the loaded population. */
const DEMO_AGENCIES = [
  { code: 'unhcr', name: 'UNHCR field office (synthetic)', kind: 'unhcr' },
  { code: 'protection-ngo', name: 'Protection NGO (synthetic)', kind: 'ngo' },
  { code: 'counter-trafficking', name: 'Counter-trafficking partner (synthetic)', kind: 'anti_trafficking' },
] as const;

/** The demo seed met an operation of that code holding real records: nothing was written. */
export interface RealOperationRefusal {
  code: 'real_operation';
  operationCode: string;
}

class Refused extends Error {
  constructor(readonly refusal: RealOperationRefusal) {
    super(refusal.code);
  }
}

/**
 * Synthetic operations and their sites by code: created (marked synthetic) when missing,
 * reused when an earlier demo made them. An operation of that code that is not synthetic
 * holds real records: refused, and nothing at all is written (the whole transaction).
 */
export async function ensureOperations(database: DatabaseHandle, specs: readonly OperationSpec[]): Promise<Result<PlacementIds, RealOperationRefusal>> {
  const operations = new Map<string, string>();
  const agencies = new Map<string, string>();
  const sites = new Map<string, string>();
  try {
    await database.db.transaction().execute(async (tx) => {
      for (const spec of specs) {
        await tx
          .insertInto('operations')
          .values({ id: uuidv7(), code: spec.code, name: spec.name, synthetic: true })
          .onConflict((oc) => oc.column('code').doNothing())
          .execute();
        const operation = await tx.selectFrom('operations').select(['id', 'synthetic']).where('code', '=', spec.code).forUpdate().executeTakeFirstOrThrow();
        if (!operation.synthetic) throw new Refused({ code: 'real_operation', operationCode: spec.code });
        operations.set(spec.code, operation.id);
        for (const agency of DEMO_AGENCIES) {
          await tx
            .insertInto('agencies')
            .values({ operation_id: operation.id, id: uuidv7(), ...agency })
            .onConflict((oc) => oc.columns(['operation_id', 'code']).doNothing())
            .execute();
        }
        const holder = await tx
          .selectFrom('agencies')
          .select('id')
          .where('operation_id', '=', operation.id)
          .orderBy(sql`code = 'unhcr'`, 'desc')
          .orderBy('created_at')
          .limit(1)
          .executeTakeFirstOrThrow();
        agencies.set(spec.code, holder.id);
        for (const site of spec.sites) {
          await tx
            .insertInto('sites')
            .values({ operation_id: operation.id, id: uuidv7(), code: site.code, name: site.name, setting: site.setting, admin_area_code: site.adminAreaCode })
            .onConflict((oc) => oc.columns(['operation_id', 'code']).doNothing())
            .execute();
        }
        const rows = await tx.selectFrom('sites').select(['id', 'code']).where('operation_id', '=', operation.id).execute();
        for (const row of rows) sites.set(`${spec.code}/${row.code}`, row.id);
      }
    });
  } catch (error) {
    if (error instanceof Refused) return err(error.refusal);
    throw error;
  }
  return ok({ operations, agencies, sites });
}

/** Lets every administrator see the loaded operations (demo data is useless unseen). */
export async function grantAdministrators(database: DatabaseHandle, operationIds: readonly string[]): Promise<void> {
  const admins = await database.db.selectFrom('users').select('id').where('role', '=', 'administrator').execute();
  const rows = admins.flatMap((admin) => operationIds.map((operation_id) => ({ user_id: admin.id, operation_id })));
  if (rows.length === 0) return;
  await database.db.insertInto('user_operations').values(rows).onConflict((oc) => oc.doNothing()).execute();
}

/** One batch, built and serialised for COPY: writing it is then pure I/O. */
interface BuiltBatch {
  households: CopyText;
  persons: CopyText;
  screenings: CopyText;
  consents: CopyText;
  rollups: RollupDeltaText;
}

/** Households between two yields to the event loop while a batch is built (about 1,000 persons). */
const HOUSEHOLDS_PER_SLICE = 250;

/**
 * Bulk registration: households, persons and (optionally) their first screening, streamed
 * with COPY in batches, each batch one transaction with its audit row and the rollup
 * deltas of its rows. Nothing from a batch lands unless all of it does.
 *
 * The next batch is checked, scored, sealed and serialised while PostgreSQL writes this
 * one: Node's thread and the database's backend then work at the same time, on two cores.
 */
export async function loadPopulation(
  database: DatabaseHandle,
  households: Iterable<GeneratedHousehold>,
  ids: PlacementIds,
  options: LoadOptions,
): Promise<{ persons: number; households: number }> {
  const batchPersons = options.batchPersons ?? 20_000;
  let batch: GeneratedHousehold[] = [];
  let batchSize = 0;
  const totals = { persons: 0, households: 0 };
  let writing: Promise<void> | undefined;
  const flush = async () => {
    if (batch.length === 0) return;
    const [taken, size] = [batch, batchSize];
    batch = [];
    batchSize = 0;
    const built = await buildBatch(taken, ids, options, await reserveBatchNumbers(database, taken, ids));
    // The previous batch's write: its failure stops the load before anything else is written.
    await writing;
    writing = writeBatch(database, built, options.actorId).then(() => {
      totals.persons += size;
      totals.households += taken.length;
      options.onProgress?.(totals.persons);
    });
    // Observed by the next flush's await; until then it must not count as unhandled.
    writing.catch(() => {});
  };
  for (const household of households) {
    batch.push(household);
    batchSize += household.members.length;
    if (batchSize >= batchPersons) await flush();
  }
  await flush();
  await writing;
  return totals;
}

/** Every row of a batch and its rollup deltas, yielding now and then so a write in flight keeps its socket fed. */
async function buildBatch(batch: GeneratedHousehold[], ids: PlacementIds, options: LoadOptions, numbers: BatchNumbers): Promise<BuiltBatch> {
  const householdRows: CopyValue[][] = [];
  const personRows: CopyValue[][] = [];
  const screeningRows: CopyValue[][] = [];
  const consentRows: CopyValue[][] = [];
  const rollups = new RollupDeltas();
  for (let slice = 0; slice < batch.length; slice += HOUSEHOLDS_PER_SLICE) {
    if (slice > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    for (const generated of batch.slice(slice, slice + HOUSEHOLDS_PER_SLICE)) {
      const operationId = ids.operations.get(generated.operationCode);
      const siteId = ids.sites.get(`${generated.operationCode}/${generated.siteCode}`);
      const agencyId = ids.agencies.get(generated.operationCode);
      if (!operationId || !siteId || !agencyId) throw new Error(`unknown operation or site ${generated.operationCode}/${generated.siteCode}`);
      const placed: PlacedHousehold = {
        operationId,
        agencyId,
        siteId,
        householdId: uuidv7(),
        memberIds: generated.members.map(() => uuidv7()),
        householdNumber: numbers.next(operationId, 'H'),
        memberNumbers: generated.members.map(() => numbers.next(operationId, 'P')),
      };
      householdRows.push(householdRow(placed, generated, options.actorId));
      generated.members.forEach((_member, index) => {
        const problem = options.check(generated, index);
        if (problem) throw new Error(`household ${generated.household.code} member ${index}: ${problem}`);
        const screening = options.screen(generated, index);
        const person = personRow(placed, generated, index, screening, options.screenedAt, options.actorId);
        personRows.push(person);
        // Screening needs consent: a seeded person has given it, as a registered one would.
        consentRows.push(consentRow(operationId, uuidv7(), placed.memberIds[index]!, generated, index, options.screenedAt, options.actorId));
        const record = screening ? screeningRecord(operationId, placed.memberIds[index]!, screening, options.screenedAt, options.actorId, options.sealing) : null;
        if (record) screeningRows.push(record.row);
        rollups.add(countedPerson(person, screening && record ? { domains: record.domains, riskLevel: screening.outcome.riskLevel, screenedAt: options.screenedAt } : null));
      });
    }
  }
  return {
    households: copyText(householdRows),
    persons: copyText(personRows),
    screenings: copyText(screeningRows),
    consents: copyText(consentRows),
    rollups: rollups.text(),
  };
}

/** Numbers reserved for one batch, handed out in the order its rows are built. */
interface BatchNumbers {
  next(operationId: string, kind: NumberedKind): string;
}

/**
 * The loader numbers its own rows (migration 0045's triggers fire only for rows without a
 * number): one reservation per operation and kind for the whole batch, instead of one counter
 * update per row. Reserved before the batch is written, in their own statement: a batch that
 * then fails leaves a gap in the numbers, never a number given twice.
 */
async function reserveBatchNumbers(database: DatabaseHandle, batch: readonly GeneratedHousehold[], ids: PlacementIds): Promise<BatchNumbers> {
  const wanted = new Map<string, { operationId: string; kind: NumberedKind; n: number }>();
  const want = (operationId: string, kind: NumberedKind, n: number) => {
    const key = `${operationId}/${kind}`;
    const entry = wanted.get(key) ?? { operationId, kind, n: 0 };
    entry.n += n;
    wanted.set(key, entry);
  };
  for (const generated of batch) {
    const operationId = ids.operations.get(generated.operationCode);
    if (!operationId) throw new Error(`unknown operation ${generated.operationCode}`);
    want(operationId, 'H', 1);
    want(operationId, 'P', generated.members.length);
  }
  const year = new Date().getUTCFullYear();
  const reserved = new Map<string, string[]>();
  for (const [key, entry] of wanted) {
    reserved.set(key, (await reserveRecordNumbers(database.db, entry.operationId, entry.kind, year, entry.n)).reverse());
  }
  return {
    next(operationId, kind) {
      const number = reserved.get(`${operationId}/${kind}`)?.pop();
      if (number === undefined) throw new Error(`no number reserved for ${operationId}/${kind}`);
      return number;
    },
  };
}

async function writeBatch(database: DatabaseHandle, built: BuiltBatch, actorId: string | null): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    // This transaction appends its own rollup deltas, counted while its rows were built.
    await keepRollupsInTransaction(client, 'bulk_load');
    await copyChunks(client, 'households', HOUSEHOLD_COLUMNS, built.households);
    await copyChunks(client, 'persons', PERSON_COLUMNS, built.persons);
    await copyChunks(client, 'screenings', SCREENING_COLUMNS, built.screenings);
    await copyChunks(client, 'consents', CONSENT_COLUMNS, built.consents);
    await copyRollupDeltas(client, built.rollups);
    await writeAuditWithClient(client, {
      actorId,
      operationId: null,
      action: 'population.load',
      resourceType: 'population',
      resourceId: null,
      details: { households: built.households.rows, persons: built.persons.rows, screenings: built.screenings.rows, consents: built.consents.rows },
    });
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
