import type { Site } from '@waymark/contracts';

interface SiteRow {
  id: string;
  operation_id: string;
  code: string;
  name: string;
  setting: string | null;
  admin_area_code: string | null;
  latitude: number | null;
  longitude: number | null;
  version: number;
}

/** A site names a place, never a person: every field may leave. */
export function presentSite(row: SiteRow): Site {
  return {
    id: row.id,
    operationId: row.operation_id,
    code: row.code,
    name: row.name,
    setting: row.setting,
    adminAreaCode: row.admin_area_code,
    latitude: row.latitude,
    longitude: row.longitude,
    version: row.version,
  };
}
