import { ok, type Result } from '@waymark/core';
import type { ProgrammeSessionList } from '@waymark/contracts';
import { listSessions as listRows } from '../../db/programmes-repository';
import type { Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { programmeFor } from './programme-operations';

/** A programme's sessions with how many attended (counts, no names). */
export async function listSessions(ctx: UseCaseContext, programmeId: string): Promise<Result<ProgrammeSessionList, Failure>> {
  const found = await programmeFor(ctx.db, ctx, 'programme.read', programmeId);
  if (!found.ok) return found;
  const rows = await listRows(ctx.db, found.value);
  return ok({
    items: rows.map((row) => ({ id: row.id, programmeId, heldOn: row.held_on, topic: row.topic, adminAreaCode: row.admin_area_code, attendance: row.attendance })),
    total: rows.length,
  });
}
