import type { ColumnType, Generated } from 'kysely';

// Migration 0019, as Kysely sees it (joined into Database in schema.ts).
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigint comes back from pg as text. */
type Count = ColumnType<string, number | string, number | string>;

export interface AdminAreasTable {
  operation_id: string;
  code: string;
  level: number;
  name: string;
  parent_code: string | null;
  /** level − 1 whenever parent_code is set, kept by a trigger (migration 0029: the foreign key to the parent names its level). */
  parent_level: Generated<number | null>;
  /** A GeoJSON geometry (Polygon or MultiPolygon), written as JSON text. */
  geometry: ColumnType<unknown, string, string>;
  source: string;
  loaded_at: Generated<Date>;
  loaded_by: string | null;
}

export interface OperationDisclosureTable {
  operation_id: string;
  min_cell_count: number;
  updated_at: Timestamp;
  updated_by: string | null;
}

interface PersonDimensions {
  operation_id: string;
  site_id: string | null;
  admin_area_code: string | null;
  setting: string | null;
  sex: string;
  birth_year: number | null;
  legal_status: string | null;
  care_situation: string | null;
  n: Count;
  /** Sum of the counted people's record keys (migration 0026), beside the count. */
  key_sum: ColumnType<string, number | string | undefined, number | string>;
  /** False for a delta a write appended, true for a row a compaction folded (migration 0023). */
  compacted: Generated<boolean>;
}

export interface PopulationRollupTable extends PersonDimensions {
  risk_level: string | null;
}

export interface PopulationDomainRollupTable extends PersonDimensions {
  domain: string;
  level: string;
}

export interface ScreeningTrendRollupTable extends PersonDimensions {
  month: ColumnType<string, string, string>;
  risk_level: string;
}

/** Migration 0038: when an area's rows were last copied into the release. '' is "no area". */
export interface PopulationReleaseAreasTable {
  operation_id: string;
  area_key: string;
  released_at: Timestamp;
}

/** Migration 0038: the operation's last release cut. */
export interface PopulationReleasesTable {
  operation_id: string;
  released_at: Timestamp;
  areas_refreshed: number;
  areas_held: number;
}

export interface PopulationMapTables {
  admin_areas: AdminAreasTable;
  operation_disclosure: OperationDisclosureTable;
  population_rollup: PopulationRollupTable;
  population_domain_rollup: PopulationDomainRollupTable;
  screening_trend_rollup: ScreeningTrendRollupTable;
  // The release (migration 0038): the same rows, copied per area on a schedule.
  population_rollup_release: PopulationRollupTable;
  population_domain_rollup_release: PopulationDomainRollupTable;
  screening_trend_rollup_release: ScreeningTrendRollupTable;
  population_release_areas: PopulationReleaseAreasTable;
  population_releases: PopulationReleasesTable;
  view_release_rows: ViewReleaseRowsTable;
}

/** Migration 0060: the released rows of programme coverage and the labour layer. */
export interface ViewReleaseRowsTable {
  operation_id: string;
  view: 'programme-coverage' | 'labour-by-area';
  subject: string;
  family: string;
  area: string;
  row_key: string;
  n: number;
  key_sum: ColumnType<string, number | string, number | string>;
}
