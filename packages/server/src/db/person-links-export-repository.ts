import type { Db, Tx } from './transaction';

export interface EnrolmentExportRow {
  programme_id: string;
  name: string;
  kind: string;
  status: string;
  enrolled_at: Date;
  enrolled_by: string | null;
  consent_overridden: boolean;
}

export interface AttendanceExportRow {
  programme_id: string;
  session_id: string;
  held_on: string;
  topic: string;
  recorded_at: Date;
}

export interface WorkplaceLinkExportRow {
  workplace_id: string;
  name: string;
  sector: string;
  admin_area_code: string;
  linked_at: Date;
  linked_by: string | null;
}

/** The person's programme enrolments, with the programme's name and kind (subject access). */
export async function listEnrolmentsOfPerson(db: Db | Tx, operationId: string, personId: string): Promise<EnrolmentExportRow[]> {
  return db
    .selectFrom('programme_enrolments as e')
    .innerJoin('programmes as p', (join) => join.onRef('p.operation_id', '=', 'e.operation_id').onRef('p.id', '=', 'e.programme_id'))
    .select(['e.programme_id', 'p.name', 'p.kind', 'p.status', 'e.enrolled_at', 'e.enrolled_by', 'e.consent_overridden'])
    .where('e.operation_id', '=', operationId)
    .where('e.person_id', '=', personId)
    .orderBy('e.enrolled_at')
    .orderBy('e.programme_id')
    .execute();
}

/** The sessions the person attended, in every programme. */
export async function listAttendanceOfPerson(db: Db | Tx, operationId: string, personId: string): Promise<AttendanceExportRow[]> {
  return db
    .selectFrom('programme_attendance as a')
    .innerJoin('programme_sessions as s', (join) => join.onRef('s.operation_id', '=', 'a.operation_id').onRef('s.id', '=', 'a.session_id'))
    .select(['a.programme_id', 'a.session_id', 's.held_on', 's.topic', 'a.recorded_at'])
    .where('a.operation_id', '=', operationId)
    .where('a.person_id', '=', personId)
    .orderBy('s.held_on')
    .orderBy('a.session_id')
    .execute();
}

/**
 * The workplaces the person is linked to. Only the place itself: the workplace's reports
 * (and their sealed informant names) are about the workplace and other people, not this person.
 */
export async function listWorkplaceLinksOfPerson(db: Db | Tx, operationId: string, personId: string): Promise<WorkplaceLinkExportRow[]> {
  return db
    .selectFrom('workplace_people as l')
    .innerJoin('workplaces as w', (join) => join.onRef('w.operation_id', '=', 'l.operation_id').onRef('w.id', '=', 'l.workplace_id'))
    .select(['l.workplace_id', 'w.name', 'w.sector', 'w.admin_area_code', 'l.linked_at', 'l.linked_by'])
    .where('l.operation_id', '=', operationId)
    .where('l.person_id', '=', personId)
    .orderBy('l.linked_at')
    .orderBy('l.workplace_id')
    .execute();
}
