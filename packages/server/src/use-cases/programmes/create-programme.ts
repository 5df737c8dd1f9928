import { err, ok, validateRule, type Result } from '@waymark/core';
import type { Programme, ProgrammeCreate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { findProgramme, insertProgramme } from '../../db/programmes-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentProgramme } from '../../presenters/programmes';
import type { UseCaseContext } from '../context';
import { holderFor } from '../holder';
import { suppressionThresholdOf } from '../population/disclosure-threshold';
import { resolveOperation } from '../resolve-operation';

/**
 * Defines a prevention programme. The targeting rule is judged by core/targeting before
 * anything is written: an unknown field, an operator the field does not allow or a value
 * it cannot take is a 400 with each problem at its path inside the rule (/rule/all/1/op).
 */
export async function createProgramme(ctx: UseCaseContext, input: ProgrammeCreate): Promise<Result<Programme, Failure>> {
  const operation = resolveOperation(ctx, 'programme.manage', input.operationId);
  if (!operation.ok) return operation;
  const problems: { code: string; path: (string | number)[]; message: string }[] = [];
  const rule = validateRule(input.rule);
  if (!rule.ok) problems.push(...rule.error.map((problem) => ({ ...problem, path: ['rule', ...problem.path] })));
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) problems.push({ code: 'ends_before_start', path: ['endsOn'], message: 'on or after the start' });
  if (new Set(input.adminAreaCodes).size !== input.adminAreaCodes.length) problems.push({ code: 'duplicate', path: ['adminAreaCodes'], message: 'each area once' });
  if (problems.length > 0 || !rule.ok) return err(invalid(problems));
  const now = ctx.now();
  const id = uuidv7();
  return transact(ctx.db, async (tx) => {
    // Run by the actor's agency (and team), the actor as its assigned worker.
    const holder = await holderFor(ctx, tx, operation.value);
    if (!holder.ok) return holder;
    await insertProgramme(tx, {
      operation_id: operation.value,
      id,
      ...holder.value,
      name: input.name,
      kind: input.kind,
      rule: JSON.stringify(rule.value),
      admin_area_codes: input.adminAreaCodes,
      capacity: input.capacity,
      starts_on: input.startsOn ?? null,
      ends_on: input.endsOn ?? null,
      created_by: ctx.actor.userId,
      updated_by: ctx.actor.userId,
      updated_at: now,
    });
    await writeAudit(tx, { actorId: ctx.actor.userId, operationId: operation.value, action: 'programme.create', resourceType: 'programme', resourceId: id, details: { kind: input.kind, capacity: input.capacity, areas: input.adminAreaCodes.length }, at: now });
    const row = await findProgramme(tx, [operation.value], id);
    return row ? ok(presentProgramme(row, ctx.actor, await suppressionThresholdOf(tx, operation.value))) : err(failure('not_found'));
  });
}
