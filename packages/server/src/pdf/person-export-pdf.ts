import type { PersonExport } from '@waymark/contracts';
import { writeBestInterests, writeCase } from './case-sections-pdf';
import { createPdf, SCRIPT_NOTE, show } from './pdf-writer';

/** The subject access export as a readable document: the same content as the JSON. */
export async function renderPersonExportPdf(document: PersonExport, options: { synthetic?: boolean } = {}): Promise<Buffer> {
  const pdf = createPdf(`Waymark subject access export ${document.person.id}`, options);
  const { line, heading, field } = pdf;

  line('Subject access export', 18);
  line(`Person ${document.person.id}`, 11);
  line(`Generated ${document.header.generatedAt} by ${document.header.generatedByRole} ${document.header.generatedBy}`, 9);
  if (document.header.anonymised) line('This person has been anonymised: names and identifiers were removed.', 11);
  pdf.space(0.4);
  line(document.header.note, 9);
  line(SCRIPT_NOTE, 9);
  heading(document.header.complete ? 'Nothing withheld' : 'Withheld from this export');
  for (const item of document.header.withheld) line(`${item.section}: ${item.count} (${item.reason === 'clearance' ? "outside the reader's clearance" : 'encryption key unavailable'})`);

  heading('Person');
  const person = document.person;
  field('Given name', person.givenName);
  field('Family name', person.familyName);
  // Alone on its line, so it takes the line's direction from its own script.
  if (person.originalScriptName) line(person.originalScriptName, 12);
  for (const [label, value] of [
    ['Other names', person.otherNames],
    ['Sex', person.sex],
    ['Date of birth', person.dateOfBirth],
    ['Birth year', person.birthYear],
    ['Age bracket', person.ageBracket],
    ['Nationality', person.nationality],
    ['Languages', person.languages],
    ['Setting', person.setting],
    ['Admin area', person.adminAreaCode],
    ['Legal status', person.legalStatus],
    ['Documents', person.documents],
    ['Arrival date', person.arrivalDate],
    ['Care situation', person.careSituation],
    ['Risk level', person.riskLevel],
    ['Registered', person.createdAt],
    ['Last changed', person.updatedAt],
    ['Anonymised', person.anonymisedAt],
  ] as const) {
    field(label, value);
  }

  heading('Household');
  if (document.household) {
    field('Household', document.household.id);
    field('Relationship to head', document.household.isHead ? 'head' : document.household.relationshipToHead);
    field('Members', document.household.memberCount);
  } else line('Not in a household.');

  heading(`Screenings (${document.screenings.length})`);
  for (const screening of document.screenings) {
    line(`${screening.screenedAt}: risk ${screening.riskLevel}`, 11);
    const levels = screening.domains.filter((domain) => domain.level !== 'low').map((domain) => `${domain.domain} ${domain.level}`);
    if (levels.length > 0) line(`Domains: ${levels.join(', ')}`, 9);
    const answers = Object.entries(screening.responses);
    if (answers.length > 0) line(`Answers: ${answers.map(([item, value]) => `${item} = ${show(value)}`).join('; ')}`, 9);
    for (const withheld of screening.withheld) line(`Withheld: ${withheld.domain}${withheld.reason ? ' (encryption unavailable)' : ` (readable by ${withheld.readableBy.join(', ')} and the assigned worker)`}`, 9);
  }

  heading(`Protection notes (${document.protectionNotes.length})`);
  for (const note of document.protectionNotes) {
    if (note.restricted) line(`${note.topic}: withheld (last changed ${note.updatedAt})`);
    else {
      line(`${note.topic} (last changed ${note.updatedAt})`, 11);
      for (const paragraph of note.body.split(/\r?\n/)) line(paragraph, 10);
    }
  }

  heading(`Consent decisions (${document.consents.length})`);
  for (const consent of document.consents) {
    line(`${consent.effectiveAt}: ${consent.purpose} ${consent.decision} (${consent.method}, by ${consent.givenBy}${consent.carerRelationship ? ` - ${consent.carerRelationship}` : ''})`);
  }

  heading(`Protection cases (${document.cases.length})`);
  for (const printed of document.cases) writeCase(pdf, printed);

  heading("Children's best interests");
  writeBestInterests(pdf, document.bestInterests);

  heading(`Prevention programmes (${document.programmes.length})`);
  for (const enrolment of document.programmes) {
    line(`${enrolment.name} (${enrolment.kind}, ${enrolment.status})`, 11);
    line(`Enrolled ${enrolment.enrolledAt} by ${show(enrolment.enrolledBy)}; consent ${enrolment.consent === 'given' ? 'given' : 'overridden (reason in the audit trail)'}`, 9);
    line(`Sessions attended: ${enrolment.attendance.length}`, 9);
    for (const session of enrolment.attendance) line(`${session.heldOn}: ${session.topic}`, 9);
  }

  heading(`Workplaces (${document.workplaces.length})`);
  for (const link of document.workplaces) {
    line(`${link.name}: ${link.sector}, ${link.adminAreaCode}; linked ${link.linkedAt} by ${show(link.linkedBy)}`, 10);
  }

  heading(`Who accessed or changed this record (${document.audit.length})`);
  for (const entry of document.audit) {
    line(`${entry.at}  ${entry.action}  ${entry.actorRole ?? 'system'} ${entry.actorId ?? ''}${entry.outcome === 'refused' ? '  (refused)' : ''}`, 8);
  }

  return pdf.finish();
}
