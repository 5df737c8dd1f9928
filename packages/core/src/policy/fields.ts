import type { Classification, SensitiveTopic, SensitivityLevel } from './clearance';

export interface FieldEntry extends Classification {
  /** Why Waymark holds it: the purpose a data-protection officer checks it against. */
  purpose: string;
}

const field = (sensitivity: SensitivityLevel, purpose: string, topic?: SensitiveTopic): FieldEntry =>
  topic === undefined ? { sensitivity, purpose } : { sensitivity, purpose, topic };

const IDENTIFY = 'identify the person and avoid duplicate records';
const PROTECT = 'assess and respond to protection risks';
const LOCATE = 'reach the person and plan services where they live';
const RECORD = 'keep the record consistent and traceable';

/**
 * The one field registry: every field Waymark holds, classified and with its purpose.
 * Presenters, exports and search read it; a test fails when an API field is missing here.
 * Highly sensitive fields name their topic (need-to-know) and are encrypted at rest.
 */
export const FIELD_REGISTRY = {
  'person.id': field('internal', RECORD),
  'person.operationId': field('internal', RECORD),
  // A number names the record as its id does (migration 0045): classified like the id, so it
  // leaves wherever the id may and nowhere else (never in an aggregate or its export).
  'person.registrationNumber': field('internal', RECORD),
  'person.householdId': field('internal', RECORD),
  'person.relationshipToHead': field('personal', IDENTIFY),
  'person.givenName': field('personal', IDENTIFY),
  'person.familyName': field('personal', IDENTIFY),
  'person.otherNames': field('personal', IDENTIFY),
  'person.originalScriptName': field('personal', IDENTIFY),
  'person.sex': field('personal', PROTECT),
  'person.dateOfBirth': field('personal', PROTECT),
  'person.birthYear': field('personal', PROTECT),
  'person.birthYearEstimated': field('personal', PROTECT),
  'person.age': field('personal', PROTECT),
  'person.ageBracket': field('personal', PROTECT),
  'person.nationality': field('sensitive', PROTECT),
  'person.languages': field('personal', 'communicate with the person in a language they understand'),
  'person.siteId': field('personal', LOCATE),
  'person.setting': field('personal', LOCATE),
  'person.adminAreaCode': field('personal', LOCATE),
  'person.legalStatus': field('sensitive', PROTECT),
  'person.documents': field('sensitive', PROTECT),
  // Identity documents (migration 0052): type, issuer and expiry as the type list above; the
  // number identifies the person to any authority holding the same register, so it is sealed
  // at rest, shown only to readers of sensitive person fields, and never leaves in a log, an
  // audit detail, an aggregate or an export of many people.
  'person.identityDocuments': field('sensitive', IDENTIFY),
  'person.identityDocuments.number': field('sensitive', IDENTIFY),
  'person.arrivalDate': field('personal', PROTECT),
  'person.careSituation': field('sensitive', 'identify separated and unaccompanied children'),
  'person.riskLevel': field('sensitive', PROTECT),
  'person.screenedAt': field('internal', RECORD),
  'person.agencyId': field('internal', RECORD),
  'person.teamId': field('internal', RECORD),
  'person.assignedUserId': field('internal', RECORD),
  'person.version': field('internal', RECORD),
  'person.createdAt': field('internal', RECORD),
  'person.updatedAt': field('internal', RECORD),
  'person.anonymisedAt': field('internal', RECORD),
  'household.id': field('internal', RECORD),
  'household.operationId': field('internal', RECORD),
  'household.householdNumber': field('internal', RECORD),
  'household.siteId': field('personal', LOCATE),
  'household.headPersonId': field('personal', IDENTIFY),
  'household.version': field('internal', RECORD),
  'household.members': field('personal', IDENTIFY),
  // Each answer takes the sensitivity its instrument item declares (highly sensitive ones
  // their domain's topic); this is the floor for the record as a whole.
  'screening.responses': field('sensitive', PROTECT),
  'screening.outcome': field('sensitive', PROTECT),
  'protectionNote.sgbv': field('highly_sensitive', 'support survivors of sexual and gender-based violence', 'sgbv'),
  'protectionNote.trafficking': field('highly_sensitive', 'identify and assist victims of trafficking', 'trafficking'),
  'protectionNote.health': field('highly_sensitive', 'refer for health and psychosocial care', 'health'),
  'protectionNote.child_protection': field('highly_sensitive', 'protect the best interests of the child', 'child_protection'),
  'consent.purpose': field('personal', 'honour what the person agreed to'),
  'consent.status': field('personal', 'honour what the person agreed to'),
  'user.email': field('personal', 'sign in and contact staff'),
  'user.displayName': field('personal', 'show who did what'),
  // Protection cases (issue 4). What the case is about and where it stands is sensitive
  // (it says a person is at risk); the person's own plan is in their words, sensitive too.
  'case.id': field('internal', RECORD),
  'case.caseNumber': field('internal', RECORD),
  'case.personId': field('internal', RECORD),
  'case.householdId': field('internal', RECORD),
  'case.agencyId': field('internal', RECORD),
  'case.teamId': field('internal', RECORD),
  'case.assignedUserId': field('internal', RECORD),
  // Whose case it is (the person's, or a household head's, name) and who holds it, by name.
  'case.subjectName': field('personal', IDENTIFY),
  'case.assignedUserName': field('internal', RECORD),
  'case.staffNames': field('internal', RECORD),
  'case.status': field('sensitive', PROTECT),
  'case.priority': field('sensitive', PROTECT),
  'case.openedFromScreeningId': field('internal', RECORD),
  'case.openedAt': field('internal', RECORD),
  'case.closureRequest': field('sensitive', PROTECT),
  'case.closedAt': field('internal', RECORD),
  'case.closedBy': field('internal', RECORD),
  'case.availableEvents': field('internal', RECORD),
  'case.plan': field('sensitive', 'plan support around the goals, strengths and wishes the person states'),
  'case.version': field('internal', RECORD),
  'case.createdAt': field('internal', RECORD),
  'case.updatedAt': field('internal', RECORD),
  'case.tasks': field('sensitive', PROTECT),
  'case.timeline': field('internal', RECORD),
  // Children's best interests (issue 4). That a child has a BIA, a BID or a care
  // arrangement says they are at risk: sensitive. What the child said (or why they could
  // not be heard) is child-protection content: need-to-know, withheld by the presenter.
  'child.bia': field('sensitive', 'assess the best interests of a child at risk'),
  // The BIA's sections (issue 13 §1): the situation, needs and actions are read by those who
  // read the child's record; protection concerns and the child's own views only with
  // child-protection clearance or as the child's worker.
  'child.bia.content': field('sensitive', 'assess the best interests of a child at risk'),
  'child.bia.protectedContent': field('highly_sensitive', 'hear the child and weigh protection concerns', 'child_protection'),
  'child.careArrangements.corrections': field('sensitive', 'keep the care history true and accountable'),
  'child.bid.decision': field('sensitive', 'decide in the best interests of the child'),
  'child.bid.panel': field('internal', RECORD),
  'child.bid.childViews': field('highly_sensitive', 'hear the child in decisions about them', 'child_protection'),
  'child.careArrangements': field('sensitive', 'know who cares for the child and review on any change'),
  'child.nextReview': field('sensitive', 'review best-interests decisions on time'),
  'child.overdue': field('internal', 'follow up overdue assessments, decisions and reviews'),
  // Durable solutions and resettlement (issue 4). The solutions weighed and the trafficking
  // risk of each say a person is at risk; the categories say why (women at risk, survivors).
  'solutions.assessment': field('sensitive', 'weigh durable solutions with the trafficking risk of each'),
  'solutions.yearsInDisplacement': field('personal', PROTECT),
  'resettlement.suggestions': field('sensitive', 'suggest resettlement categories for a person to confirm'),
  'resettlement.submission': field('sensitive', 'put forward the people most at risk for resettlement'),
  'resettlement.queue': field('sensitive', 'order resettlement by priority, risk and time waiting'),
  'solutionStep.status': field('internal', RECORD),
  'solutionStep.childrenLeftBehind': field('sensitive', 'leave no child behind when a family moves'),
  // Trafficking assessment (issue 4). The outcome level says a person is at risk and is
  // shown to every case reader so protection follows; the elements, indicators, stage,
  // exploitation and control methods found (and the reasons that name them) are need-to-know.
  'trafficking.outcome': field('sensitive', 'protect presumed victims of trafficking and refer them'),
  'trafficking.findings': field('highly_sensitive', 'protect presumed victims of trafficking and refer them', 'trafficking'),
  'trafficking.assessedBy': field('internal', RECORD),
  'trafficking.assessedAt': field('internal', RECORD),
  // Labour conditions (issue 5). A workplace and what was reported there are about a
  // place; who told us is personal (sealed, never in a list or aggregate); who works there
  // says where a person can be found and what they may be exposed to.
  'labour.workplace': field('internal', 'know where refugees work and in what conditions'),
  'labour.report': field('internal', 'see exploitation indicators where refugees work'),
  'labour.informantName': field('personal', 'go back to the source of a report; never aggregated'),
  'labour.personLink': field('sensitive', 'link people screened at a workplace to its reported conditions'),
  // Prevention programmes (issue 5). The rule and coverage are aggregates; being on a target
  // list or enrolled says a person was found at risk.
  'programme.definition': field('internal', 'target prevention programmes at those most at risk'),
  'programme.coverage': field('internal', 'see who programmes reach and where the gaps are'),
  'programme.targetList': field('sensitive', 'offer programmes to the people most at risk first'),
  'programme.enrolment': field('sensitive', 'deliver programmes and record attendance'),
} as const satisfies Record<string, FieldEntry>;

export type FieldKey = keyof typeof FIELD_REGISTRY;

export function classificationOf(key: FieldKey): FieldEntry {
  return FIELD_REGISTRY[key];
}
