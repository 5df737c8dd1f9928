import { ok, type Result } from '@waymark/core';
import type { Programme, ProgrammeList } from '@waymark/contracts';
import { listProgrammes as listRows } from '../../db/programmes-repository';
import type { Failure } from '../../failure';
import { presentProgramme } from '../../presenters/programmes';
import type { UseCaseContext } from '../context';
import { suppressionThresholdOf } from '../population/disclosure-threshold';
import { operationsFor, programmeFor } from './programme-operations';

/** Programmes of my operations: definitions and counts (other agencies' through core/disclosure), nothing about a person. */
export async function listProgrammes(ctx: UseCaseContext, operationId: string | undefined): Promise<Result<ProgrammeList, Failure>> {
  const operations = operationsFor(ctx, 'programme.read', operationId);
  if (!operations.ok) return operations;
  const rows = await listRows(ctx.db, operations.value);
  const thresholds = new Map<string, number>();
  for (const operationId of new Set(rows.map((row) => row.operation_id))) thresholds.set(operationId, await suppressionThresholdOf(ctx.db, operationId));
  return ok({ items: rows.map((row) => presentProgramme(row, ctx.actor, thresholds.get(row.operation_id)!)), total: rows.length });
}

export async function getProgramme(ctx: UseCaseContext, id: string): Promise<Result<Programme, Failure>> {
  const found = await programmeFor(ctx.db, ctx, 'programme.read', id);
  return found.ok ? ok(presentProgramme(found.value, ctx.actor, await suppressionThresholdOf(ctx.db, found.value.operation_id))) : found;
}
