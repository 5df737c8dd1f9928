import { findInstrument, LABOUR_SECTORS, type Instrument } from '@waymark/core';
import type { PersonExport } from '@waymark/contracts';
import { nameOf, writeBestInterests, writeCase, type Print } from './case-sections-pdf';
import { createPdf } from './pdf-writer';

/** Every staff member the export names by id, so their display names are read once. */
export function staffNamedIn(document: PersonExport): string[] {
  return [
    document.header.generatedBy,
    ...document.cases.map((printed) => printed.assignedUserId),
    ...document.programmes.map((enrolment) => enrolment.enrolledBy),
    ...document.workplaces.map((link) => link.linkedBy),
    ...document.audit.map((entry) => entry.actorId),
  ].filter((id): id is string => typeof id === 'string');
}

/** An answer in words: the item's label and the chosen option's label, from the instrument that scored it. */
function answerText(print: Print, instrument: Instrument | undefined, itemId: string, value: unknown): string {
  const lang = print.words.lang;
  const item = instrument?.items.find((candidate) => candidate.id === itemId);
  if (!item) return `${itemId} = ${String(value)}`;
  const choices = 'choices' in item ? (item.choices as { value: string; label: Record<string, string> }[]) : [];
  const shown = (one: unknown) => choices.find((choice) => choice.value === one)?.label[lang] ?? String(one);
  return `${item.label[lang] ?? item.label.en}: ${Array.isArray(value) ? value.map(shown).join(', ') : shown(value)}`;
}

/** The subject access export as a readable document in the reader's language: the same content as the JSON, in words. */
export async function renderPersonExportPdf(document: PersonExport, print: Print, options: { synthetic?: boolean } = {}): Promise<Buffer> {
  const pdf = createPdf(`Waymark subject access export ${document.person.id}`, options);
  const { line, heading, field } = pdf;
  const { t, label, labels, date, dateTime, lang } = print.words;
  const list = (values: string[]) => (values.length === 0 ? '-' : values.join(lang === 'ar' ? '، ' : ', '));

  line(t('pdf.exportTitle'), 18);
  line(t('pdf.exportPerson', { id: document.person.id }), 11);
  line(t('pdf.generated', { at: dateTime(document.header.generatedAt), name: nameOf(print, document.header.generatedBy), role: label('role', document.header.generatedByRole) }), 9);
  if (document.header.anonymised) line(t('pdf.anonymisedNote'), 11);
  pdf.space(0.4);
  line(document.header.note, 9);
  line(t('pdf.scriptNote'), 9);
  heading(document.header.complete ? t('pdf.nothingWithheld') : t('pdf.withheldHeading'));
  for (const item of document.header.withheld) line(t(item.reason === 'clearance' ? 'pdf.withheldClearance' : 'pdf.withheldKey', { section: item.section, count: item.count }));

  heading(t('pdf.person'));
  const person = document.person;
  field(t('pdf.field.givenName'), person.givenName);
  field(t('pdf.field.familyName'), person.familyName);
  // Alone on its line, so it takes the line's direction from its own script.
  if (person.originalScriptName) line(person.originalScriptName, 12);
  field(t('pdf.field.otherNames'), person.otherNames);
  field(t('pdf.field.sex'), label('sex', person.sex));
  field(t('pdf.field.dateOfBirth'), date(person.dateOfBirth));
  field(t('pdf.field.birthYear'), person.birthYear);
  field(t('pdf.field.ageBracket'), person.ageBracket);
  field(t('pdf.field.nationality'), label('nationality', person.nationality));
  field(t('pdf.field.languages'), labels('spokenLanguage', person.languages));
  field(t('pdf.field.setting'), label('setting', person.setting));
  field(t('pdf.field.adminArea'), person.adminAreaCode);
  field(t('pdf.field.legalStatus'), label('legalStatus', person.legalStatus));
  field(t('pdf.field.documents'), labels('document', person.documents));
  // The person's own papers: their numbers as the reader may see them (withheld ones are
  // listed above). Each on its own line, so a number keeps its left-to-right order.
  field(t('pdf.field.identityDocuments'), person.identityDocuments.length === 0 ? '-' : person.identityDocuments.length);
  for (const document of person.identityDocuments) {
    line(t('pdf.identityDocumentLine', {
      type: label('document', document.type),
      number: document.numberWithheld ? t('pdf.numberWithheld') : (document.number ?? '-'),
      issuer: document.issuer ?? '-',
      expiry: document.expiryDate ? date(document.expiryDate) : '-',
    }), 10);
  }
  field(t('pdf.field.arrivalDate'), date(person.arrivalDate));
  field(t('pdf.field.careSituation'), label('careSituation', person.careSituation));
  field(t('pdf.field.riskLevel'), label('risk', person.riskLevel));
  field(t('pdf.field.registered'), dateTime(person.createdAt));
  field(t('pdf.field.lastChanged'), dateTime(person.updatedAt));
  field(t('pdf.field.anonymised'), dateTime(person.anonymisedAt));

  heading(t('pdf.householdHeading'));
  if (document.household) {
    const relationship = document.household.isHead ? t('pdf.head') : label('relationship', document.household.relationshipToHead);
    line(t('pdf.householdLine', { id: document.household.id, relationship, count: document.household.memberCount }));
  } else line(t('pdf.noHousehold'));

  heading(t('pdf.screenings', { count: document.screenings.length }));
  for (const screening of document.screenings) {
    const instrument = findInstrument(screening.instrumentId, screening.instrumentVersion);
    const domainName = (id: string) => instrument?.domains.find((domain) => domain.id === id)?.label[lang] ?? id;
    line(t('pdf.screeningLine', { at: dateTime(screening.screenedAt), level: label('risk', screening.riskLevel) }), 11);
    const levels = screening.domains.filter((domain) => domain.level !== 'low').map((domain) => `${domainName(domain.domain)}: ${label('risk', domain.level)}`);
    if (levels.length > 0) line(t('pdf.domains', { values: list(levels) }), 9);
    const answers = Object.entries(screening.responses);
    if (answers.length > 0) line(t('pdf.answers', { values: answers.map(([item, value]) => answerText(print, instrument, item, value)).join('; ') }), 9);
    for (const withheld of screening.withheld) {
      line(withheld.reason
        ? t('pdf.sectionUnavailable', { domain: domainName(withheld.domain) })
        : t('pdf.sectionWithheld', { domain: domainName(withheld.domain), roles: labels('role', withheld.readableBy) }), 9);
    }
  }

  heading(t('pdf.notes', { count: document.protectionNotes.length }));
  for (const note of document.protectionNotes) {
    if (note.restricted) line(t('pdf.noteWithheld', { topic: label('notes.topic', note.topic), at: dateTime(note.updatedAt) }));
    else {
      line(t('pdf.noteLine', { topic: label('notes.topic', note.topic), at: dateTime(note.updatedAt) }), 11);
      for (const paragraph of note.body.split(/\r?\n/)) line(paragraph, 10);
    }
  }

  heading(t('pdf.consents', { count: document.consents.length }));
  for (const consent of document.consents) {
    const by = consent.givenBy === 'carer' ? t('pdf.byCarer', { relationship: label('consent.relationship', consent.carerRelationship) }) : t('pdf.byPerson');
    line(t('pdf.consentDecision', { at: dateTime(consent.effectiveAt), purpose: label('consent.purpose', consent.purpose), decision: label('consent.decision', consent.decision), method: label('consent.method', consent.method), by }));
  }

  heading(t('pdf.cases', { count: document.cases.length }));
  for (const printed of document.cases) writeCase(pdf, print, printed);

  heading(t('pdf.bestInterests'));
  writeBestInterests(pdf, print, document.bestInterests);

  heading(t('pdf.programmes', { count: document.programmes.length }));
  for (const enrolment of document.programmes) {
    line(t('pdf.enrolmentLine', { name: enrolment.name, kind: label('programmes.kind', enrolment.kind), status: enrolment.status }), 11);
    line(t('pdf.enrolled', { at: dateTime(enrolment.enrolledAt), name: nameOf(print, enrolment.enrolledBy), consent: t(enrolment.consent === 'given' ? 'pdf.consentGiven' : 'pdf.consentOverridden') }), 9);
    line(t('pdf.sessions', { count: enrolment.attendance.length }), 9);
    for (const session of enrolment.attendance) line(`${date(session.heldOn)}: ${session.topic}`, 9);
  }

  heading(t('pdf.workplaces', { count: document.workplaces.length }));
  for (const link of document.workplaces) {
    const sector = LABOUR_SECTORS.find((candidate) => candidate.code === link.sector)?.label[lang] ?? link.sector;
    line(t('pdf.workplaceLine', { name: link.name, sector, area: link.adminAreaCode, at: dateTime(link.linkedAt), by: nameOf(print, link.linkedBy) }), 10);
  }

  heading(t('pdf.audit', { count: document.audit.length }));
  for (const entry of document.audit) {
    const who = entry.actorId ? `${nameOf(print, entry.actorId)} (${label('role', entry.actorRole)})` : t('pdf.system');
    line(`${t('pdf.auditLine', { at: dateTime(entry.at), action: entry.action, who })}${entry.outcome === 'refused' ? `  ${t('pdf.refused')}` : ''}`, 8);
  }

  return pdf.finish();
}
