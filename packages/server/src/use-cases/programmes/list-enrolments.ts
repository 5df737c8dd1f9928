import { ok, type Result } from '@waymark/core';
import type { EnrolmentList } from '@waymark/contracts';
import { listEnrolments as listRows } from '../../db/programmes-repository';
import type { Failure } from '../../failure';
import { ageOf } from '../../presenters/programmes';
import type { UseCaseContext } from '../context';
import { workedProgrammeFor } from './programme-operations';

/** The people enrolled that I may see (record scope in SQL), with sessions attended: the holding agency's work. */
export async function listEnrolments(ctx: UseCaseContext, programmeId: string): Promise<Result<EnrolmentList, Failure>> {
  const found = await workedProgrammeFor(ctx.db, ctx, programmeId);
  if (!found.ok) return found;
  const now = ctx.now();
  const rows = await listRows(ctx.db, ctx.actor, found.value);
  return ok({
    items: rows.map((row) => ({
      programmeId,
      personId: row.person_id,
      givenName: row.given_name,
      familyName: row.family_name,
      sex: row.sex,
      age: ageOf(row, now),
      riskLevel: row.risk_level,
      enrolledAt: new Date(row.enrolled_at).toISOString(),
      sessionsAttended: row.attended,
    })),
    total: rows.length,
  });
}
