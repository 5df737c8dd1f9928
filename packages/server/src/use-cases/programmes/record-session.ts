import { err, mayWorkProgramme, ok, type Result } from '@waymark/core';
import type { ProgrammeSession, SessionCreate } from '@waymark/contracts';
import { v7 as uuidv7 } from 'uuid';
import { writeAudit } from '../../db/audit';
import { anonymisedAmong, enrolledInScope, insertAttendance, insertSession, lockProgramme } from '../../db/programmes-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';
import { NOT_YOUR_PROGRAMME, operationsFor } from './programme-operations';

/**
 * Records a session and who attended. Every attendee must be enrolled and in my scope; one
 * who is not is a problem at their place in the list (/attendees/2) and nothing is written.
 * Only the agency that runs the programme records its sessions (403 for the others).
 */
export async function recordSession(ctx: UseCaseContext, programmeId: string, input: SessionCreate): Promise<Result<ProgrammeSession, Failure>> {
  const operations = operationsFor(ctx, 'programme.enrol');
  if (!operations.ok) return operations;
  const now = ctx.now();
  if (input.heldOn > now.toISOString().slice(0, 10)) return err(invalid([{ code: 'in_future', path: ['heldOn'], message: 'record a session once it was held' }]));
  return transact(ctx.db, async (tx) => {
    const programme = await lockProgramme(tx, operations.value, programmeId);
    if (!programme) return err(failure('not_found'));
    if (!mayWorkProgramme(ctx.actor, recordRef(programme))) return err(failure('forbidden', NOT_YOUR_PROGRAMME));
    const enrolled = await enrolledInScope(tx, ctx.actor, programme, input.attendees);
    const problems = input.attendees.flatMap((personId, i) => (enrolled.has(personId) ? [] : [{ code: 'not_enrolled', path: ['attendees', i], message: 'only enrolled people attend' }]));
    if (problems.length > 0) return err(invalid(problems));
    // An anonymised person's enrolment stays for coverage, but attending again would be new
    // data about them (refuseIfAnonymised): 409 for the whole session, as other writes answer.
    if ((await anonymisedAmong(tx, programme.operation_id, input.attendees)).size > 0) return err(failure('person_anonymised'));
    const id = uuidv7();
    const row = await insertSession(tx, {
      operation_id: programme.operation_id,
      id,
      programme_id: programme.id,
      held_on: input.heldOn,
      topic: input.topic,
      admin_area_code: input.adminAreaCode ?? null,
      recorded_at: now,
      recorded_by: ctx.actor.userId,
    });
    await insertAttendance(tx, input.attendees.map((personId) => ({ operation_id: programme.operation_id, session_id: id, programme_id: programme.id, person_id: personId, recorded_at: now, recorded_by: ctx.actor.userId })));
    await writeAudit(tx, { actorId: ctx.actor.userId, operationId: programme.operation_id, action: 'programme.session_record', resourceType: 'programme', resourceId: programme.id, details: { sessionId: id, attendees: input.attendees.length }, at: now });
    return ok({ id, programmeId: programme.id, heldOn: row.held_on, topic: row.topic, adminAreaCode: row.admin_area_code, attendance: input.attendees.length });
  });
}
