import { ok, type Result } from '@waymark/core';
import type { TargetList, TargetListQuery } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { targetList as targetRows } from '../../db/programmes-repository';
import type { Failure } from '../../failure';
import { ageOf } from '../../presenters/programmes';
import type { UseCaseContext } from '../context';
import { workedProgrammeFor } from './programme-operations';

/**
 * The people a programme's rule selects, in my scope, highest risk first (paged). Being on
 * the list says a person was found at risk, so the read is audited (ids and counts only).
 */
export async function getTargetList(ctx: UseCaseContext, id: string, query: TargetListQuery): Promise<Result<TargetList, Failure>> {
  const found = await workedProgrammeFor(ctx.db, ctx, id);
  if (!found.ok) return found;
  const now = ctx.now();
  const { rows, total, totalIsExact } = await targetRows(ctx.db, ctx.actor, found.value, now, query);
  await ctx.db.transaction().execute((tx) =>
    writeAudit(tx, { actorId: ctx.actor.userId, operationId: found.value.operation_id, action: 'programme.target_list', resourceType: 'programme', resourceId: id, details: { offset: query.offset, shown: rows.length }, at: now }),
  );
  return ok({
    items: rows.map((row) => ({
      personId: row.id,
      givenName: row.given_name,
      familyName: row.family_name,
      sex: row.sex,
      age: ageOf(row, now),
      adminAreaCode: row.admin_area_code,
      riskLevel: row.risk_level,
      enrolled: row.enrolled,
    })),
    total,
    totalIsExact,
    offset: query.offset,
    limit: query.limit,
  });
}
