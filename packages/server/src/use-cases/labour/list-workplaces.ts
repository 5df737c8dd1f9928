import { ok, type Result } from '@waymark/core';
import type { WorkplaceList, WorkplaceListQuery } from '@waymark/contracts';
import { listWorkplaces as listRows } from '../../db/labour-repository';
import type { Failure } from '../../failure';
import { presentWorkplace } from '../../presenters/labour';
import type { UseCaseContext } from '../context';
import { operationsFor } from './workplace-operations';

/** Workplaces of my operations (the shared map) with their report counts and the links my scope reaches; no informant, no person. */
export async function listWorkplaces(ctx: UseCaseContext, query: WorkplaceListQuery): Promise<Result<WorkplaceList, Failure>> {
  const operations = operationsFor(ctx, 'labour.read', query.operationId);
  if (!operations.ok) return operations;
  const rows = await listRows(ctx.db, ctx.actor, operations.value, { ...(query.adminAreaCode ? { adminAreaCode: query.adminAreaCode } : {}), ...(query.sector ? { sector: query.sector } : {}) });
  return ok({ items: rows.map((row) => presentWorkplace(row, ctx.actor)), total: rows.length });
}
