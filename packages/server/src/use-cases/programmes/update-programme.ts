import { err, mayManageProgramme, ok, type Result } from '@waymark/core';
import type { Programme, ProgrammeUpdate } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { countEnrolled, findProgramme, lockProgramme, updateProgramme as updateRow } from '../../db/programmes-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentProgramme } from '../../presenters/programmes';
import type { UseCaseContext } from '../context';
import { suppressionThresholdOf } from '../population/disclosure-threshold';
import { recordRef } from '../record-ref';
import { NOT_YOUR_PROGRAMME, operationsFor } from './programme-operations';

/**
 * Renames, resizes or closes a programme, naming the version read (stale: 409). The
 * capacity cannot fall below the people already enrolled; a closed programme takes no new
 * enrolments. The targeting rule is not changed here: coverage keeps meaning what it meant.
 * Only the agency that runs it, in scope (core/policy mayManageProgramme): 403 for others.
 */
export async function updateProgramme(ctx: UseCaseContext, id: string, input: ProgrammeUpdate): Promise<Result<Programme, Failure>> {
  const operations = operationsFor(ctx, 'programme.manage');
  if (!operations.ok) return operations;
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const current = await lockProgramme(tx, operations.value, id);
    if (!current) return err(failure('not_found'));
    if (!mayManageProgramme(ctx.actor, recordRef(current))) return err(failure('forbidden', NOT_YOUR_PROGRAMME));
    if (current.version !== input.version) return err(failure('version_conflict'));
    if (input.capacity !== undefined && input.capacity < (await countEnrolled(tx, current))) {
      return err(invalid([{ code: 'below_enrolled', path: ['capacity'], message: 'at least the people already enrolled' }]));
    }
    if (input.endsOn && current.starts_on && input.endsOn < current.starts_on) {
      return err(invalid([{ code: 'ends_before_start', path: ['endsOn'], message: 'on or after the start' }]));
    }
    await updateRow(tx, { operation_id: current.operation_id, id, version: current.version }, {
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.capacity === undefined ? {} : { capacity: input.capacity }),
      ...(input.endsOn === undefined ? {} : { ends_on: input.endsOn }),
      ...(input.status === undefined ? {} : { status: input.status }),
      updated_at: now,
      updated_by: ctx.actor.userId,
    });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: current.operation_id,
      action: 'programme.update',
      resourceType: 'programme',
      resourceId: id,
      details: { status: input.status ?? current.status, capacity: input.capacity ?? current.capacity },
      at: now,
    });
    const row = await findProgramme(tx, [current.operation_id], id);
    return row ? ok(presentProgramme(row, ctx.actor, await suppressionThresholdOf(tx, current.operation_id))) : err(failure('not_found'));
  });
}
