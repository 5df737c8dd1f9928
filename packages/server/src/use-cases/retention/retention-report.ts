import { err, ok, type Result } from '@waymark/core';
import type { RetentionReport } from '@waymark/contracts';
import { findRetentionPolicy, summariseInactive } from '../../db/retention-repository';
import type { OperationRetentionRow } from '../../db/schema';
import type { Db } from '../../db/transaction';
import type { Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { retentionAccess } from './retention-policy';

const DAY_MS = 86_400_000;
/** Ids listed for a reviewer; the counts are exact whatever their number. */
export const REPORT_ID_LIMIT = 1000;

export function inactivityCutoff(days: number, asOf: Date): Date {
  return new Date(asOf.getTime() - days * DAY_MS);
}

/** What the policy would anonymise as of `asOf`: counts by reason and ids, never names. */
export async function reportRetention(db: Db, operationId: string, policy: OperationRetentionRow | undefined, asOf: Date, dryRun: boolean): Promise<RetentionReport> {
  const days = policy?.anonymise_inactive_after_days ?? null;
  const base = { operationId, policyId: policy?.id ?? null, dryRun, asOf: asOf.toISOString() };
  if (days === null) return { ...base, total: 0, byReason: [], personIds: [], candidates: [] };
  const inactive = await summariseInactive(db, operationId, inactivityCutoff(days, asOf), asOf, REPORT_ID_LIMIT);
  return {
    ...base,
    total: inactive.count,
    byReason: [{ reason: 'inactive', count: inactive.count, oldestLastActivity: inactive.oldestLastActivity?.toISOString() ?? null }],
    personIds: inactive.candidates.map((candidate) => candidate.personId),
    candidates: inactive.candidates.map((candidate) => ({
      personId: candidate.personId,
      reason: 'inactive' as const,
      lastActivity: candidate.lastActivity.toISOString(),
      lastActivityKind: candidate.lastActivityKind,
    })),
  };
}

/** `GET …/retention/dry-run`: reads only, writes nothing (not even an audit row: no personal data leaves). */
export async function dryRunRetention(ctx: UseCaseContext, operationId: string): Promise<Result<RetentionReport, Failure>> {
  const refused = retentionAccess(ctx.actor, operationId);
  if (refused) return err(refused);
  return ok(await reportRetention(ctx.db, operationId, await findRetentionPolicy(ctx.db, operationId), ctx.now(), true));
}
