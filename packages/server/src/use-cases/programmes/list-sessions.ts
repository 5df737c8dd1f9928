import { can, ok, type Result } from '@waymark/core';
import type { ProgrammeSessionList } from '@waymark/contracts';
import { listSessions as listRows } from '../../db/programmes-repository';
import type { Failure } from '../../failure';
import { countForReader } from '../../presenters/held-count';
import type { UseCaseContext } from '../context';
import { suppressionThresholdOf } from '../population/disclosure-threshold';
import { recordRef } from '../record-ref';
import { programmeFor } from './programme-operations';

/**
 * A programme's sessions with how many attended (counts, no names): exact for readers whose
 * scope holds the programme, through core/disclosure for the rest of the operation.
 */
export async function listSessions(ctx: UseCaseContext, programmeId: string): Promise<Result<ProgrammeSessionList, Failure>> {
  const found = await programmeFor(ctx.db, ctx, 'programme.read', programmeId);
  if (!found.ok) return found;
  const rows = await listRows(ctx.db, found.value);
  const holds = can(ctx.actor, 'programme.read', recordRef(found.value));
  const k = await suppressionThresholdOf(ctx.db, found.value.operation_id);
  return ok({
    items: rows.map((row) => ({ id: row.id, programmeId, heldOn: row.held_on, topic: row.topic, adminAreaCode: row.admin_area_code, attendance: countForReader({ n: row.attendance, keySum: Number(row.attendance_keys) }, holds, k) })),
    total: rows.length,
  });
}
