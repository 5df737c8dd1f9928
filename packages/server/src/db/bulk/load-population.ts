import type { GeneratedHousehold, OperationSpec } from '@waymark/core';
import { sql } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { writeAuditWithClient } from '../audit';
import type { DatabaseHandle } from '../connect';
import { copyRows } from './copy-rows';
import type { CopyValue } from './copy-text';
import {
  CONSENT_COLUMNS,
  consentRow,
  HOUSEHOLD_COLUMNS,
  householdRow,
  PERSON_COLUMNS,
  personRow,
  SCREENING_COLUMNS,
  screeningRow,
  type BulkSealing,
  type MemberScreening,
  type PlacedHousehold,
} from './population-rows';

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

/** Operations and sites by code: created when missing, reused when present. */
export async function ensureOperations(database: DatabaseHandle, specs: readonly OperationSpec[]): Promise<PlacementIds> {
  const operations = new Map<string, string>();
  const agencies = new Map<string, string>();
  const sites = new Map<string, string>();
  await database.db.transaction().execute(async (tx) => {
    for (const spec of specs) {
      await tx
        .insertInto('operations')
        .values({ id: uuidv7(), code: spec.code, name: spec.name })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
      const operation = await tx.selectFrom('operations').select('id').where('code', '=', spec.code).executeTakeFirstOrThrow();
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
  return { operations, agencies, sites };
}

/** Lets every administrator see the loaded operations (demo data is useless unseen). */
export async function grantAdministrators(database: DatabaseHandle, operationIds: readonly string[]): Promise<void> {
  const admins = await database.db.selectFrom('users').select('id').where('role', '=', 'administrator').execute();
  const rows = admins.flatMap((admin) => operationIds.map((operation_id) => ({ user_id: admin.id, operation_id })));
  if (rows.length === 0) return;
  await database.db.insertInto('user_operations').values(rows).onConflict((oc) => oc.doNothing()).execute();
}

/**
 * Bulk registration: households, persons and (optionally) their first screening, streamed
 * with COPY in batches, each batch one transaction with its audit row. Nothing from a
 * batch lands unless all of it does.
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
  const flush = async () => {
    if (batch.length === 0) return;
    await loadBatch(database, batch, ids, options);
    totals.persons += batchSize;
    totals.households += batch.length;
    options.onProgress?.(totals.persons);
    batch = [];
    batchSize = 0;
  };
  for (const household of households) {
    batch.push(household);
    batchSize += household.members.length;
    if (batchSize >= batchPersons) await flush();
  }
  await flush();
  return totals;
}

async function loadBatch(database: DatabaseHandle, batch: GeneratedHousehold[], ids: PlacementIds, options: LoadOptions) {
  const householdRows: CopyValue[][] = [];
  const personRows: CopyValue[][] = [];
  const screeningRows: CopyValue[][] = [];
  const consentRows: CopyValue[][] = [];
  for (const generated of batch) {
    const operationId = ids.operations.get(generated.operationCode);
    const siteId = ids.sites.get(`${generated.operationCode}/${generated.siteCode}`);
    const agencyId = ids.agencies.get(generated.operationCode);
    if (!operationId || !siteId || !agencyId) throw new Error(`unknown operation or site ${generated.operationCode}/${generated.siteCode}`);
    const placed: PlacedHousehold = { operationId, agencyId, siteId, householdId: uuidv7(), memberIds: generated.members.map(() => uuidv7()) };
    householdRows.push(householdRow(placed, generated, options.actorId));
    generated.members.forEach((_member, index) => {
      const problem = options.check(generated, index);
      if (problem) throw new Error(`household ${generated.household.code} member ${index}: ${problem}`);
      const screening = options.screen(generated, index);
      personRows.push(personRow(placed, generated, index, screening, options.screenedAt, options.actorId));
      // Screening needs consent: a seeded person has given it, as a registered one would.
      consentRows.push(consentRow(operationId, uuidv7(), placed.memberIds[index]!, generated, index, options.screenedAt, options.actorId));
      if (screening) screeningRows.push(screeningRow(operationId, placed.memberIds[index]!, screening, options.screenedAt, options.actorId, options.sealing));
    });
  }
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    await copyRows(client, 'households', HOUSEHOLD_COLUMNS, householdRows);
    await copyRows(client, 'persons', PERSON_COLUMNS, personRows);
    await copyRows(client, 'screenings', SCREENING_COLUMNS, screeningRows);
    await copyRows(client, 'consents', CONSENT_COLUMNS, consentRows);
    await writeAuditWithClient(client, {
      actorId: options.actorId,
      operationId: null,
      action: 'population.load',
      resourceType: 'population',
      resourceId: null,
      details: { households: householdRows.length, persons: personRows.length, screenings: screeningRows.length, consents: consentRows.length },
    });
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
