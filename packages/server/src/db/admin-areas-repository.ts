import type { AreaGeometry } from '@waymark/core';
import { sql } from 'kysely';
import type { Db, Tx } from './transaction';

export interface AdminAreaRecord {
  code: string;
  level: number;
  name: string;
  parentCode: string | null;
}

export interface NewAdminArea extends AdminAreaRecord {
  /** The shape, or its GeoJSON text as a worker thread wrote it (boundary-work). */
  geometry: AreaGeometry | string;
}

/** Every area of an operation, without shapes (small: for grouping and drilling down). */
export async function listAdminAreaTree(db: Db | Tx, operationId: string): Promise<AdminAreaRecord[]> {
  const rows = await db
    .selectFrom('admin_areas')
    .select(['code', 'level', 'name', 'parent_code'])
    .where('operation_id', '=', operationId)
    .orderBy('level')
    .orderBy('name')
    .execute();
  return rows.map((row) => ({ code: row.code, level: row.level, name: row.name, parentCode: row.parent_code }));
}

/** Every area with its shape, for drawing. */
export async function listAdminAreasWithShapes(db: Db | Tx, operationId: string) {
  return db
    .selectFrom('admin_areas')
    .select(['code', 'level', 'name', 'parent_code', 'geometry', 'source'])
    .where('operation_id', '=', operationId)
    .orderBy('level')
    .orderBy('code')
    .execute();
}

export async function listShapesOfLevel(db: Db | Tx, operationId: string, level: number): Promise<Array<{ code: string; geometry: AreaGeometry }>> {
  const rows = await db.selectFrom('admin_areas').select(['code', 'geometry']).where('operation_id', '=', operationId).where('level', '=', level).execute();
  return rows.map((row) => ({ code: row.code, geometry: row.geometry as AreaGeometry }));
}

// Any constant works: it only has to be the same for every Waymark process.
const BOUNDARY_UPLOAD_LOCK = 7_302_929;

/**
 * Serialises boundary uploads of one operation until the transaction ends: each reads the
 * levels around its own and the codes in use, and a concurrent upload must not change them.
 */
export async function lockBoundariesOf(tx: Tx, operationId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${BOUNDARY_UPLOAD_LOCK}, hashtext(${operationId}))`.execute(tx);
}

/** Shapes of one level as their JSON text, unparsed: a worker thread reads them (boundary-work). */
export async function listShapeTextsOfLevel(db: Db | Tx, operationId: string, level: number): Promise<Array<{ code: string; geometry: string }>> {
  const rows = await sql<{ code: string; geometry: string }>`
    select code, geometry::text as geometry from admin_areas where operation_id = ${operationId} and level = ${level}`.execute(db);
  return rows.rows;
}

/** Of these codes, those an area of another level of the operation already has, with that level. */
export async function codesAtOtherLevels(db: Db | Tx, operationId: string, level: number, codes: readonly string[]): Promise<Array<{ code: string; level: number }>> {
  if (codes.length === 0) return [];
  const rows = await sql<{ code: string; level: number }>`
    select a.code, a.level from admin_areas a join unnest(${codes}::text[]) as c(code) on a.code = c.code
     where a.operation_id = ${operationId} and a.level <> ${level}
     order by a.code`.execute(db);
  return rows.rows;
}

/**
 * Replaces one level's areas of an operation (the caller holds the transaction). Each parent
 * must be an area one level up (migration 0029's foreign key); the areas one level down lose
 * their parents with the old rows, for the caller to decide again (setParents). A code of
 * another level is the caller's to refuse first: the primary key would fail here.
 */
export async function replaceAdminAreasOfLevel(tx: Tx, operationId: string, level: number, areas: readonly NewAdminArea[], source: string, actorId: string | null): Promise<void> {
  await tx.deleteFrom('admin_areas').where('operation_id', '=', operationId).where('level', '=', level).execute();
  for (let i = 0; i < areas.length; i += 500) {
    await tx
      .insertInto('admin_areas')
      .values(
        areas.slice(i, i + 500).map((area) => ({
          operation_id: operationId,
          code: area.code,
          level,
          name: area.name,
          parent_code: area.parentCode,
          geometry: typeof area.geometry === 'string' ? area.geometry : JSON.stringify(area.geometry),
          source,
          loaded_by: actorId,
        })),
      )
      .execute();
  }
}

/** Sets the parents of areas (each parent one level above its child, or null). */
export async function setParents(tx: Tx, operationId: string, parents: ReadonlyMap<string, string | null>): Promise<void> {
  const entries = [...parents];
  if (entries.length === 0) return;
  await sql`
    update admin_areas a set parent_code = v.parent
      from unnest(${entries.map(([code]) => code)}::text[], ${entries.map(([, parent]) => parent)}::text[]) as v(code, parent)
     where a.operation_id = ${operationId} and a.code = v.code`.execute(tx);
}

/** Of these codes, those a site or a person of the operation carries. */
export async function areaCodesInUse(db: Db | Tx, operationId: string, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await sql<{ code: string }>`
    select code from unnest(${codes}::text[]) as c(code)
     where exists (select 1 from sites s where s.operation_id = ${operationId} and s.admin_area_code = c.code)
        or exists (select 1 from population_rollup r where r.operation_id = ${operationId} and r.admin_area_code = c.code having sum(r.n) > 0)`.execute(db);
  return new Set(rows.rows.map((row) => row.code));
}

export async function hasAdminAreas(db: Db | Tx, operationId: string): Promise<boolean> {
  const row = await db.selectFrom('admin_areas').select('code').where('operation_id', '=', operationId).limit(1).executeTakeFirst();
  return row !== undefined;
}

export async function listSitesOfOperation(db: Db | Tx, operationId: string) {
  return db.selectFrom('sites').select(['id', 'code', 'name', 'setting', 'admin_area_code']).where('operation_id', '=', operationId).orderBy('name').execute();
}
