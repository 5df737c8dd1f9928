import { can, dayOf, err, FIELD_REGISTRY, mayReadField, ok, type Result } from '@waymark/core';
import type { PersonExport, ProtectionNote, ProtectionNoteTopic } from '@waymark/contracts';
import type { KeyRing } from '../../crypto/key-ring';
import { writeAudit } from '../../db/audit';
import { findHouseholdOf, listAuditAboutPerson, listConsentsOfPerson } from '../../db/person-export-repository';
import { listProtectionNotesOfPerson } from '../../db/protection-notes-repository';
import { listScreeningsOfPerson } from '../../db/screenings-repository';
import { transact } from '../../db/transaction';
import { failure, type Failure } from '../../failure';
import { presentPerson } from '../../presenters/person';
import { presentProtectionNote, presentRestrictedNote } from '../../presenters/protection-note';
import { presentScreening } from '../../presenters/screening';
import { pdfsOf } from '../../pdf/pdfs-of';
import { staffNamedIn } from '../../pdf/person-export-pdf';
import { DEFAULT_PRINT, type PrintOptions } from '../../pdf/words';
import { displayNamesOf } from '../../db/users-repository';
import { anySyntheticOperation } from '../../db/operations-repository';
import type { UseCaseContext } from '../context';
import { personFor } from '../person-for';
import { identityDocumentsFor } from '../persons/identity-documents';
import { mayReadTopic } from '../protection-notes/may-read-topic';
import { openNote } from '../protection-notes/note-sealing';
import { recordRef } from '../record-ref';
import { bestInterestsSection, casesSection } from './export-case-sections';
import { programmesAndWorkplacesSection } from './export-link-sections';
import { presentConsentForExport, presentExportAudit } from './export-sections';

export type ExportFormat = 'json' | 'pdf';

export interface ExportedPerson {
  document: PersonExport;
  /** Present for format=pdf. */
  pdf?: Buffer;
}

const NOTE =
  'Everything Waymark holds on this person, as this reader may see it. Sections listed under "withheld" are outside ' +
  "the reader's clearance: a request for them must be answered together with an officer cleared for that topic.";

/**
 * Subject access: the person's record, household place, screenings, protection notes,
 * case work, programme enrolments and attendance, workplace links, consent history and the audit trail about them, presented for THIS reader (what their
 * clearance does not reach is withheld and listed in the header). Audited in the same
 * transaction; the PDF is rendered inside it so a failed render leaves no audit row.
 */
export async function exportPerson(
  ctx: UseCaseContext,
  keyRing: KeyRing | undefined,
  id: string,
  format: ExportFormat,
  print: PrintOptions = DEFAULT_PRINT,
): Promise<Result<ExportedPerson, Failure>> {
  if (!can(ctx.actor, 'person.export')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const found = await personFor(tx, ctx.actor, id, 'person.export');
    if (!found.ok) return found;
    const person = found.value;
    const record = recordRef(person);
    const withheld: PersonExport['header']['withheld'] = [];

    // The person's own papers, numbers included for a reader cleared for them.
    const identityDocuments = await identityDocumentsFor(tx, keyRing, { actor: ctx.actor, person: { ...record, personId: person.id } });
    if (!identityDocuments.ok) return identityDocuments;
    const hiddenNumbers = identityDocuments.value.filter((document) => document.numberWithheld).length;
    if (hiddenNumbers > 0) {
      const cleared = mayReadField(ctx.actor, FIELD_REGISTRY['person.identityDocuments.number'], record);
      withheld.push({ section: 'person.identityDocuments.number', count: hiddenNumbers, reason: cleared ? 'encryption_unavailable' : 'clearance' });
    }

    const screeningRows = await listScreeningsOfPerson(tx, person.operation_id, person.id);
    const screenings = screeningRows.map((row) => presentScreening(row, { actor: ctx.actor, person: record }, keyRing));
    const hiddenAnswers = new Map<string, { domain: string; count: number; reason: 'clearance' | 'encryption_unavailable' }>();
    for (const screening of screenings) {
      for (const section of screening.withheld) {
        const reason = section.reason ?? 'clearance';
        const seen = hiddenAnswers.get(`${section.domain}:${reason}`);
        hiddenAnswers.set(`${section.domain}:${reason}`, { domain: section.domain, count: (seen?.count ?? 0) + 1, reason });
      }
    }
    for (const [, hidden] of [...hiddenAnswers].sort()) withheld.push({ section: `screening.${hidden.domain}`, count: hidden.count, reason: hidden.reason });

    const noteRows = await listProtectionNotesOfPerson(tx, person.operation_id, person.id);
    const protectionNotes: ProtectionNote[] = [];
    const hiddenTopics = new Map<string, { count: number; reason: 'clearance' | 'encryption_unavailable' }>();
    const hide = (topic: string, reason: 'clearance' | 'encryption_unavailable') => {
      const seen = hiddenTopics.get(`${reason}:${topic}`);
      hiddenTopics.set(`${reason}:${topic}`, { count: (seen?.count ?? 0) + 1, reason });
    };
    for (const row of noteRows) {
      if (!mayReadTopic(ctx.actor, row.topic as ProtectionNoteTopic, record)) {
        protectionNotes.push(presentRestrictedNote(row));
        hide(row.topic, 'clearance');
        continue;
      }
      const body = keyRing ? openNote(keyRing, row) : err(failure('encryption_unavailable'));
      if (!body.ok) {
        if (body.error.code !== 'encryption_unavailable') return body;
        protectionNotes.push(presentRestrictedNote(row));
        hide(row.topic, 'encryption_unavailable');
        continue;
      }
      protectionNotes.push(presentProtectionNote(row, body.value));
    }
    for (const [key, hidden] of [...hiddenTopics].sort()) withheld.push({ section: `protectionNote.${key.split(':')[1]}`, count: hidden.count, reason: hidden.reason });

    const caseSections = await casesSection(tx, ctx, keyRing, person.operation_id, person.id, dayOf(now));
    if (!caseSections.ok) return caseSections;
    withheld.push(...caseSections.value.withheld);
    const childSection = await bestInterestsSection(tx, ctx, keyRing, person.operation_id, person.id, record);
    if (!childSection.ok) return childSection;
    withheld.push(...childSection.value.withheld);

    const links = await programmesAndWorkplacesSection(tx, person.operation_id, person.id);

    const consentRows = await listConsentsOfPerson(tx, person.operation_id, person.id);
    const household = person.household_id ? await findHouseholdOf(tx, person.operation_id, person.household_id) : undefined;
    const audit = await listAuditAboutPerson(tx, person.operation_id, person.id, [
      ...screeningRows.map((row) => row.id),
      ...noteRows.map((row) => row.id),
      ...consentRows.map((row) => row.id),
      ...caseSections.value.ids,
      ...childSection.value.ids,
    ]);

    const document: PersonExport = {
      header: {
        generatedAt: now.toISOString(),
        generatedBy: ctx.actor.userId,
        generatedByRole: ctx.actor.role,
        personId: person.id,
        anonymised: person.anonymised_at !== null,
        complete: withheld.length === 0,
        withheld,
        note: NOTE,
      },
      person: { ...presentPerson(person, now), identityDocuments: identityDocuments.value },
      household: household
        ? {
            id: household.household.id,
            siteId: household.household.site_id,
            isHead: household.household.head_person_id === person.id,
            relationshipToHead: person.relationship_to_head,
            memberCount: household.members,
          }
        : null,
      screenings,
      protectionNotes,
      consents: consentRows.map(presentConsentForExport),
      cases: caseSections.value.cases,
      bestInterests: childSection.value.record,
      programmes: links.programmes,
      workplaces: links.workplaces,
      audit: audit.map(presentExportAudit),
    };
    const drawn = format === 'pdf' ? await pdfsOf(ctx).render('person_export', { document, print, names: await displayNamesOf(tx, staffNamedIn(document)), synthetic: await anySyntheticOperation(tx, [person.operation_id]) }) : undefined;
    if (drawn && !drawn.ok) return drawn;
    const pdf = drawn?.value;
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: person.operation_id,
      action: 'person.export',
      resourceType: 'person',
      resourceId: person.id,
      details: { format, screenings: screenings.length, protectionNotes: protectionNotes.length, withheldSections: withheld.length },
    });
    return ok(pdf ? { document, pdf } : { document });
  });
}
