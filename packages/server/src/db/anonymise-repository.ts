import { sql } from 'kysely';
import type { PersonRow } from './schema';
import type { Tx } from './transaction';

export interface AnonymisedCounts {
  screenings: number;
  protectionNotes: number;
  workplaceLinks: number;
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
  await tx
    .updateTable('best_interests_determinations')
    .set({ child_views_text: null })
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
  return { row, counts: { screenings: screenings.rows.length, protectionNotes: Number(notes.numDeletedRows), workplaceLinks: Number(links.numDeletedRows) } };
}
