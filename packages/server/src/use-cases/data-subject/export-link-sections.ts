import type { PersonExport } from '@waymark/contracts';
import { listAttendanceOfPerson, listEnrolmentsOfPerson, listWorkplaceLinksOfPerson } from '../../db/person-links-export-repository';
import type { Tx } from '../../db/transaction';

/**
 * Subject access for what links the person to programmes and workplaces: enrolments (with
 * the consent basis and the sessions attended) and workplace links. Staff by id only; a
 * workplace's reports and informants are other people's data and are not read here.
 */
export async function programmesAndWorkplacesSection(
  tx: Tx,
  operationId: string,
  personId: string,
): Promise<{ programmes: PersonExport['programmes']; workplaces: PersonExport['workplaces'] }> {
  const [enrolments, attendance, links] = [
    await listEnrolmentsOfPerson(tx, operationId, personId),
    await listAttendanceOfPerson(tx, operationId, personId),
    await listWorkplaceLinksOfPerson(tx, operationId, personId),
  ];
  const iso = (at: Date | string) => new Date(at).toISOString();
  return {
    programmes: enrolments.map((row) => ({
      programmeId: row.programme_id,
      name: row.name,
      kind: row.kind,
      status: row.status,
      enrolledAt: iso(row.enrolled_at),
      enrolledBy: row.enrolled_by,
      consent: row.consent_overridden ? 'overridden' : 'given',
      attendance: attendance
        .filter((session) => session.programme_id === row.programme_id)
        .map((session) => ({ sessionId: session.session_id, heldOn: session.held_on, topic: session.topic, recordedAt: iso(session.recorded_at) })),
    })),
    workplaces: links.map((row) => ({
      workplaceId: row.workplace_id,
      name: row.name,
      sector: row.sector,
      adminAreaCode: row.admin_area_code,
      linkedAt: iso(row.linked_at),
      linkedBy: row.linked_by,
    })),
  };
}
