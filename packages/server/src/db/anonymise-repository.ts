import { sql } from 'kysely';
import type { PersonRow } from './schema';
import type { Tx } from './transaction';

export interface AnonymisedCounts {
  screenings: number;
  protectionNotes: number;
  workplaceLinks: number;
  cases: number;
  auditReasons: number;
}

/** The marker that replaces a name; `anonymisedAt` on the record is the real flag. */
export const ANONYMISED_NAME = 'Anonymised';

/**
 * Removes everything that identifies the person, keeping the row and what aggregates need:
 * sex, birth year (so the age bracket), setting, admin area, risk level, who holds the
 * record. The caller holds the person's row lock and writes the audit row.
 */
export async function anonymisePersonRows(tx: Tx, person: PersonRow, actorId: string | null, at: Date): Promise<{ row: PersonRow; counts: AnonymisedCounts }> {
  const key = { operationId: person.operation_id, id: person.id };
  // First the reasons given in the audit trail about the person or any record of theirs,
  // while every such record still exists to be found (notes are deleted below).
  const auditReasons = await sql`
    delete from audit_reasons r
     where r.operation_id = ${key.operationId}
       and r.resource_id in (${recordsOfPerson(key.operationId, key.id)})`.execute(tx);
  const cases = await eraseCaseWork(tx, key, actorId, at);
  // A household whose head this was keeps its other members but no longer points here.
  await tx
    .updateTable('households')
    .set((eb) => ({ head_person_id: null, version: eb('version', '+', 1), updated_at: sql`now()`, updated_by: actorId }))
    .where('operation_id', '=', key.operationId)
    .where('head_person_id', '=', key.id)
    .execute();
  const row = await tx
    .updateTable('persons')
    .set({
      given_name: ANONYMISED_NAME,
      family_name: '',
      other_names: [],
      original_script_name: null,
      // The year stays (age bracket); the exact date identifies.
      birth_year: person.birth_year ?? (person.date_of_birth ? Number(person.date_of_birth.slice(0, 4)) : null),
      date_of_birth: null,
      nationality: null,
      languages: [],
      site_id: null,
      legal_status: null,
      documents: [],
      arrival_date: null,
      care_situation: null,
      household_id: null,
      relationship_to_head: null,
      // Without answers it cannot be re-scored: the level stays as it was.
      latest_screening_id: null,
      anonymised_at: at,
      updated_by: actorId,
      version: sql<number>`version + 1`,
      updated_at: sql`now()`,
    })
    .where('operation_id', '=', key.operationId)
    .where('id', '=', key.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  // Answers go, clear and sealed; the stored outcome keeps each domain's level and score
  // and the overall level, but loses the signals, follow-ups and overrides, which repeat the answers.
  const screenings = await sql<{ id: string }>`
    update screenings
       set responses = null,
           sealed_answers = null,
           anonymised_at = ${at},
           outcome = jsonb_set(jsonb_set(jsonb_set(outcome,
             '{domains}', coalesce((select jsonb_agg(jsonb_set(d, '{signals}', '[]'::jsonb))
                                      from jsonb_array_elements(outcome -> 'domains') d), '[]'::jsonb)),
             '{followUps}', '[]'::jsonb),
             '{overrides}', '[]'::jsonb)
     where operation_id = ${key.operationId} and person_id = ${key.id} and anonymised_at is null
     returning id`.execute(tx);
  // The sealed narrative is deleted outright, ciphertext and all.
  const notes = await tx
    .deleteFrom('protection_notes')
    .where('operation_id', '=', key.operationId)
    .where('person_id', '=', key.id)
    .executeTakeFirst();
  // A child's own words in a best-interests decision go too; the decision itself (codes
  // and dates) stays, as the screening's levels do.
  // The panel's member ids name the people who decided, and with the child's record they
  // name the child to anyone who knows the panel: they go too.
  await tx
    .updateTable('best_interests_determinations')
    .set({ child_views_text: null, panel: JSON.stringify([]) })
    .where('operation_id', '=', key.operationId)
    .where('person_id', '=', key.id)
    .execute();
  // Programme enrolments and attendance stay, pointing at the anonymised row: they record
  // work the programme did, and coverage's "targeted" and "reached" would otherwise shrink
  // after the fact, as if the sessions had not reached anyone. They hold no identifier of
  // their own (ids, dates, the staff member), and what is left of the person (sex, birth
  // year, area) is what coverage counts by and what it discloses only through core/disclosure.
  // A workplace link goes: a named employer, with sex, birth year and area, can single a
  // worker out, and the labour layer describes where people work now, not past activity.
  const links = await tx
    .deleteFrom('workplace_people')
    .where('operation_id', '=', key.operationId)
    .where('person_id', '=', key.id)
    .executeTakeFirst();
  // A BIA's sections (sealed) are the assessment's words about the child: they go, ciphertext
  // and all; the assessment's dates and urgency stay, as a BID's decision does.
  await tx
    .updateTable('best_interests_assessments')
    .set({ content_sealed: null })
    .where('operation_id', '=', key.operationId)
    .where('person_id', '=', key.id)
    .execute();
  // Corrections of the child's care history keep the replaced carer and a reason in words:
  // they go with the carer's identity below.
  await tx.deleteFrom('care_arrangement_corrections').where('operation_id', '=', key.operationId).where('person_id', '=', key.id).execute();
  // The carer, named by a record id or as a registered person: either identifies the carer,
  // and through them the child. The arrangement (kind and dates) stays for the child's history.
  await tx
    .updateTable('care_arrangements')
    .set({ carer_ref: ANONYMISED_NAME, carer_person_id: null })
    .where('operation_id', '=', key.operationId)
    .where('person_id', '=', key.id)
    .execute();
  // Identity documents: the sealed number and the issuer identify the person to whoever holds
  // the same register; the whole row goes (the type list on the person was cleared above).
  await tx.deleteFrom('person_identity_documents').where('operation_id', '=', key.operationId).where('person_id', '=', key.id).execute();
  // Trafficking assessments hold the elements as judged, evidence note ids, dates and the
  // reasoning in words, sealed or in clear: the whole row goes, as protection notes do.
  await tx.deleteFrom('trafficking_assessments').where('operation_id', '=', key.operationId).where('person_id', '=', key.id).execute();
  return {
    row,
    counts: {
      screenings: screenings.rows.length,
      protectionNotes: Number(notes.numDeletedRows),
      workplaceLinks: Number(links.numDeletedRows),
      cases,
      auditReasons: auditReasons.numAffectedRows === undefined ? 0 : Number(auditReasons.numAffectedRows),
    },
  };
}

/**
 * The ids of every record about the person, of any table: the person, their own cases and
 * what hangs off those cases, their screenings, notes, consents and best-interests records.
 * Audit entries name these as their resource.
 */
function recordsOfPerson(operationId: string, personId: string) {
  const cases = sql`select c.id from cases c where c.operation_id = ${operationId} and c.person_id = ${personId}`;
  return sql`
    select ${personId}::uuid
    union all ${cases}
    union all select t.id from case_tasks t where t.operation_id = ${operationId} and t.case_id in (${cases})
    union all select s.id from solution_steps s where s.operation_id = ${operationId} and s.case_id in (${cases})
    union all select a.id from trafficking_assessments a where a.operation_id = ${operationId} and a.person_id = ${personId}
    union all select s.id from screenings s where s.operation_id = ${operationId} and s.person_id = ${personId}
    union all select n.id from protection_notes n where n.operation_id = ${operationId} and n.person_id = ${personId}
    union all select c.id from consents c where c.operation_id = ${operationId} and c.person_id = ${personId}
    union all select b.id from best_interests_assessments b where b.operation_id = ${operationId} and b.person_id = ${personId}
    union all select b.id from best_interests_determinations b where b.operation_id = ${operationId} and b.person_id = ${personId}
    union all select a.id from care_arrangements a where a.operation_id = ${operationId} and a.person_id = ${personId}`;
}

/**
 * The person's own cases are closed by the erasure (they leave every list and the
 * resettlement queue) and lose every word about the person: the plan, the closure request's
 * reason, task titles, the durable-solutions assessment with its notes and the resettlement
 * submission. What stays is the case's shape: who held it, its priority, dates and task
 * kinds, which supervision counts. A household's case stays open for the other members.
 */
async function eraseCaseWork(tx: Tx, key: { operationId: string; id: string }, actorId: string | null, at: Date): Promise<number> {
  const own = await tx
    .updateTable('cases')
    .set((eb) => ({
      plan: JSON.stringify({ goals: [], strengths: [], skills: [], wishes: [] }),
      closure_requested_at: null,
      closure_requested_by: null,
      closure_requested_reason: null,
      status: 'closed',
      closed_at: eb.fn.coalesce('closed_at', sql<Date>`${at}`),
      closed_by: eb.fn.coalesce('closed_by', sql<string | null>`${actorId}::uuid`),
      erased_at: at,
      version: eb('version', '+', 1),
      updated_at: sql`now()`,
      updated_by: actorId,
    }))
    .where('operation_id', '=', key.operationId)
    .where('person_id', '=', key.id)
    .returning('id')
    .execute();
  const caseIds = own.map((row) => row.id);
  if (caseIds.length === 0) return 0;
  await tx
    .updateTable('case_tasks')
    .set((eb) => ({
      title: ANONYMISED_NAME,
      status: sql<string>`case when status in ('open', 'in_progress') then 'cancelled' else status end`,
      done_at: sql<Date>`coalesce(done_at, ${at})`,
      version: eb('version', '+', 1),
      updated_at: sql`now()`,
      updated_by: actorId,
    }))
    .where('operation_id', '=', key.operationId)
    .where('case_id', 'in', caseIds)
    .execute();
  await tx.deleteFrom('resettlement_submissions').where('operation_id', '=', key.operationId).where('case_id', 'in', caseIds).execute();
  await tx.deleteFrom('durable_solution_assessments').where('operation_id', '=', key.operationId).where('case_id', 'in', caseIds).execute();
  return caseIds.length;
}

/** Deletes the words of every audit reason about one record (its commitment stays in the chain). */
export async function forgetAuditReasonsAbout(tx: Tx, operationId: string, resourceId: string): Promise<void> {
  await tx.deleteFrom('audit_reasons').where('operation_id', '=', operationId).where('resource_id', '=', resourceId).execute();
}
