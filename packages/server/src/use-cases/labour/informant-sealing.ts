import { err, ok, type Result } from '@waymark/core';
import type { KeyRing } from '../../crypto/key-ring';
import { open, seal } from '../../crypto/seal';
import type { WorkplaceReportRow } from '../../db/labour-tables';
import { failure, type Failure } from '../../failure';

type ReportPlace = Pick<WorkplaceReportRow, 'operation_id' | 'id' | 'workplace_id'>;

/** Bound to its report and workplace: a copy moved to another row does not open. */
export const informantAad = (report: ReportPlace) => `workplace_reports:informant_name_sealed:${report.operation_id}:${report.id}:${report.workplace_id}`;

export function sealInformant(ring: KeyRing | undefined, report: ReportPlace, name: string): Result<{ sealed: string; keyId: string }, Failure> {
  if (!ring) return err(failure('encryption_unavailable', 'this server has no encryption key ring: record the report without the informant name'));
  return ok({ sealed: seal(ring, name, informantAad(report)), keyId: ring.active });
}

/** Null when there is no name, or when it cannot be opened here (the report still shows). */
export function openInformant(ring: KeyRing | undefined, report: WorkplaceReportRow): string | null {
  if (!ring || report.informant_name_sealed === null) return null;
  const opened = open(ring, report.informant_name_sealed, informantAad(report));
  return opened.ok ? opened.value : null;
}
