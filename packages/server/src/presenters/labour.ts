import { mayChangeWorkplace, type Actor } from '@waymark/core';
import type { Workplace, WorkplaceReport } from '@waymark/contracts';
import type { WorkplaceReportRow } from '../db/labour-tables';
import type { WorkplaceSummaryRow } from '../db/labour-repository';
import { recordRef } from '../use-cases/record-ref';

/** A workplace as this reader may see it, with whether the rule book lets them change it. */
export function presentWorkplace(row: WorkplaceSummaryRow, reader: Actor): Workplace {
  return {
    id: row.id,
    operationId: row.operation_id,
    agencyId: row.agency_id,
    name: row.name,
    sector: row.sector,
    adminAreaCode: row.admin_area_code,
    siteId: row.site_id,
    description: row.description,
    version: row.version,
    reportCount: row.report_count,
    indicators: row.indicators,
    lastReportedOn: row.last_reported_on,
    peopleLinked: row.people_linked,
    mayChange: mayChangeWorkplace(reader, recordRef(row)),
  };
}

/**
 * The informant's name only when the caller opened it for a reader allowed to see it; the
 * row tells whether there is one (a reader's list carries has_informant, not the envelope).
 */
export function presentWorkplaceReport(row: WorkplaceReportRow & { has_informant?: boolean }, informantName: string | null): WorkplaceReport {
  return {
    id: row.id,
    workplaceId: row.workplace_id,
    sourceType: row.source_type,
    reportedOn: row.reported_on,
    informantName,
    hasInformant: row.has_informant ?? row.informant_name_sealed !== null,
    conditions: row.conditions,
    indicators: row.indicators,
    hoursPerWeek: row.hours_per_week,
    dailyPay: row.daily_pay === null ? null : Number(row.daily_pay),
    payCurrency: row.pay_currency,
    workersEstimate: row.workers_estimate,
    recordedAt: new Date(row.recorded_at).toISOString(),
  };
}
