import { can, inScope, type Actor, type RecordRef } from './can';
import { mayReadField, type Classification } from './clearance';
import { ROLE_VERBS } from './roles';

/**
 * Need to know for labour conditions and prevention programmes (issue 12 §3).
 *
 * Who holds what: a workplace, a labour report and a programme are held like a person (an
 * agency, maybe a team, the worker who made it as assigned worker: use-cases/holder.ts).
 * A programme's sessions, enrolments and attendance are held by their programme.
 *
 * - Reading a workplace (the operation's shared map: name, sector, area, what was reported
 *   there) and a programme's definition is operation-wide for `labour.read` and
 *   `programme.read`: coordinating who works where is the point of both.
 * - Changing or archiving a workplace, and renaming, resizing or closing a programme, is
 *   the holder's: the verb on the record, inside the actor's scope (`can` with the record).
 * - The person-level work of a programme (target list, enrolments, sessions and their
 *   attendance) is the holding agency's: `programme.enrol` on the programme, in scope.
 * - Any agency may add what it learned about a workplace (a report is append-only and held
 *   by the agency that recorded it); its informant is that agency's source.
 * - Counts of people reach a reader exactly only over what the reader's scope holds; what
 *   other agencies hold is published per area through core/disclosure, never per record.
 */

/** An informant's name can get a source hurt: read like the trafficking narrative. */
export const INFORMANT_NAME: Classification = { sensitivity: 'highly_sensitive', topic: 'trafficking' };

/** May this actor change or archive this workplace (held as `workplace` says)? */
export function mayChangeWorkplace(actor: Actor, workplace: RecordRef): boolean {
  return can(actor, 'labour.record', workplace);
}

/** May this actor rename, resize or close this programme? */
export function mayManageProgramme(actor: Actor, programme: RecordRef): boolean {
  return can(actor, 'programme.manage', programme);
}

/** May this actor do the person-level work of this programme (targets, enrolment, sessions)? */
export function mayWorkProgramme(actor: Actor, programme: RecordRef): boolean {
  return can(actor, 'programme.enrol', programme);
}

/**
 * May this actor open the informant's name of this report (held by the agency that recorded
 * it, assigned to the worker who did)? Only someone who records labour reports, of that same
 * agency whatever their scope (a source confided in one agency, not in the operation), with
 * the report in their scope, and either cleared for trafficking content or the recorder.
 * Mirrored in SQL by server/src/db/scope.ts informantCondition; a test checks both agree.
 */
export function mayOpenInformant(actor: Actor, report: RecordRef): boolean {
  if (!ROLE_VERBS[actor.role].has('labour.record')) return false;
  if (actor.agencyId === null || report.agencyId !== actor.agencyId) return false;
  if (!inScope(actor, report)) return false;
  return mayReadField(actor, INFORMANT_NAME, report);
}
