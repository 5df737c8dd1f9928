import { err, ok, type Result } from '@waymark/core';
import type { WorkplaceReport, WorkplaceReportCreate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { KeyRing } from '../../crypto/key-ring';
import { writeAudit } from '../../db/audit';
import { insertWorkplaceReport, lockWorkplace } from '../../db/labour-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentWorkplaceReport } from '../../presenters/labour';
import type { UseCaseContext } from '../context';
import { holderFor } from '../holder';
import { sealInformant } from './informant-sealing';
import { operationsFor } from './workplace-operations';

/**
 * What one source reported about a workplace: conditions, ILO indicators, hours and pay.
 * Any agency of the operation may add what it learned to the shared map; the report is held
 * by the recorder's agency, team and the recorder, and so is its informant (need to know:
 * core/policy mayOpenInformant). The informant's name is sealed before it reaches the
 * database; the audit row holds codes and counts only.
 */
export async function recordWorkplaceReport(ctx: UseCaseContext, ring: KeyRing | undefined, workplaceId: string, input: WorkplaceReportCreate): Promise<Result<WorkplaceReport, Failure>> {
  const operations = operationsFor(ctx, 'labour.record');
  if (!operations.ok) return operations;
  const now = ctx.now();
  const problems: { code: string; path: string[]; message: string }[] = [];
  if (input.reportedOn > now.toISOString().slice(0, 10)) problems.push({ code: 'in_future', path: ['reportedOn'], message: 'a report of something already said' });
  if ((input.dailyPay ?? null) !== null && (input.payCurrency ?? null) === null) problems.push({ code: 'currency_required', path: ['payCurrency'], message: 'the currency of the pay (ISO 4217)' });
  if ((input.dailyPay ?? null) === null && (input.payCurrency ?? null) !== null) problems.push({ code: 'pay_required', path: ['dailyPay'], message: 'a currency without an amount' });
  if (problems.length > 0) return err(invalid(problems));
  return transact(ctx.db, async (tx) => {
    const workplace = await lockWorkplace(tx, operations.value, workplaceId);
    if (!workplace) return err(failure('not_found'));
    const holder = await holderFor(ctx, tx, workplace.operation_id);
    if (!holder.ok) return holder;
    const id = uuidv7();
    const place = { operation_id: workplace.operation_id, id, workplace_id: workplace.id };
    const informant = input.informantName ? sealInformant(ring, place, input.informantName) : ok(null);
    if (!informant.ok) return informant;
    const row = await insertWorkplaceReport(tx, {
      ...place,
      ...holder.value,
      source_type: input.sourceType,
      reported_on: input.reportedOn,
      informant_name_sealed: informant.value?.sealed ?? null,
      informant_key_id: informant.value?.keyId ?? null,
      conditions: input.conditions,
      indicators: input.indicators,
      hours_per_week: input.hoursPerWeek ?? null,
      daily_pay: input.dailyPay ?? null,
      pay_currency: input.payCurrency ?? null,
      workers_estimate: input.workersEstimate ?? null,
      recorded_at: now,
      recorded_by: ctx.actor.userId,
    });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: workplace.operation_id,
      action: 'labour.report_record',
      resourceType: 'workplace',
      resourceId: workplace.id,
      details: { reportId: id, sourceType: input.sourceType, indicators: input.indicators.length, conditions: input.conditions.length, informant: input.informantName ? true : false },
      at: now,
    });
    return ok(presentWorkplaceReport(row, input.informantName ?? null));
  });
}
