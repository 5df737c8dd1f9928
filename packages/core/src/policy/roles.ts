/**
 * Roles are lists of verbs (ODK Central's habit): one table to read, one place to change.
 * What a role may do is a verb; which records it may do it to is the actor's scope
 * (scopes.ts); which fields of those records it may read is its clearance (clearance.ts).
 */
export const VERBS = [
  'person.read',
  'person.create',
  'person.update',
  'person.assign',
  'person.export',
  'person.erase',
  'household.read',
  'household.create',
  'household.update',
  'screening.read',
  'screening.create',
  'screening.rescore_all',
  'instrument.read',
  'protection_note.read',
  'protection_note.write',
  'consent.read',
  'consent.record',
  // Acting without the consent a purpose needs: its own verb, a written reason, audited.
  'consent.override',
  'aggregate.read',
  // The population map: an operation's boundary files and its suppression threshold (k).
  'aggregate.manage',
  'audit.read',
  'user.read',
  'user.manage',
  'agency.manage',
  'retention.manage',
  // Console work (waymark CLI): demo populations, key rotation, backups.
  'population.seed',
  'keys.manage',
  'backup.manage',
  // Protection cases (issue 4): closing one needs a second person's approval; supervising
  // covers the workload of the agency's workers. Assigning a case (within scope) is held by
  // whoever allocates the team's work: supervisors, and the protection and child-protection
  // officers who run their own caseloads, as for persons (person.assign).
  'case.read',
  'case.create',
  'case.update',
  'case.assign',
  'case.approve_closure',
  'case.supervise',
  // Trafficking assessment (issue 4): every casework role, the anti-trafficking partner's too.
  'trafficking.read',
  'trafficking.assess',
  // Children's best interests (issue 4): caseworkers read and assess (BIA, care
  // arrangements); a BID is decided by child-protection officers and supervisors; the
  // overdue list is a supervisor's.
  'child.read',
  'child.assess',
  'child.determine',
  'child.supervise',
  // Durable solutions and resettlement (issue 4): assessing the three solutions, planning
  // steps and confirming a submission are protection officers' and supervisors' work.
  'solution.read',
  'solution.assess',
  'resettlement.submit',
  'resettlement.queue',
  // Labour conditions (issue 5): workplaces, reported conditions with their sources, and
  // who was screened there. The aggregate per area is aggregate.read.
  'labour.read',
  'labour.record',
  // Prevention programmes (issue 5): reading a programme and its coverage (aggregates only),
  // defining one with its targeting rule, and the person-level work (target list,
  // enrolment, sessions and attendance).
  'programme.read',
  'programme.manage',
  'programme.enrol',
] as const;
export type Verb = (typeof VERBS)[number];

export const ROLES = [
  'administrator',
  'supervisor',
  'caseworker',
  'child_protection_officer',
  'protection_officer',
  'partner_caseworker',
  'analyst',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

const CASEWORK: Verb[] = [
  'trafficking.read',
  'trafficking.assess',
  'person.read',
  'person.create',
  'person.update',
  'household.read',
  'household.create',
  'household.update',
  'screening.read',
  'screening.create',
  'instrument.read',
  'protection_note.read',
  'protection_note.write',
  'consent.read',
  'consent.record',
  'case.read',
  'case.create',
  'case.update',
  'child.read',
  'child.assess',
  'labour.read',
  'labour.record',
  'programme.read',
  'programme.enrol',
];

const SOLUTIONS: Verb[] = ['solution.read', 'solution.assess', 'resettlement.submit', 'resettlement.queue'];

const SUPERVISION: Verb[] = [
  ...CASEWORK,
  ...SOLUTIONS,
  'person.assign',
  'person.export',
  'screening.rescore_all',
  'consent.override',
  'aggregate.read',
  'user.read',
  'user.manage',
  'case.assign',
  'case.approve_closure',
  'case.supervise',
  'child.determine',
  'child.supervise',
  'programme.manage',
];

export const ROLE_VERBS: Record<Role, ReadonlySet<Verb>> = {
  // An administrator holds every verb, because nobody may grant what they do not hold.
  // Keep administrators few: a second factor is required and every read is audited.
  administrator: new Set<Verb>(VERBS),
  supervisor: new Set<Verb>(SUPERVISION),
  caseworker: new Set<Verb>(CASEWORK),
  child_protection_officer: new Set<Verb>([...CASEWORK, 'person.assign', 'case.assign', 'child.determine']),
  // Protection officers plan where to act: the population map's aggregates too.
  protection_officer: new Set<Verb>([...CASEWORK, 'person.assign', 'case.assign', 'person.export', ...SOLUTIONS, 'programme.manage', 'aggregate.read']),
  // An anti-trafficking agency's caseworker: works its own agency's cases; nothing else.
  partner_caseworker: new Set<Verb>(CASEWORK),
  // Analysts see aggregates only, never a person.
  analyst: new Set<Verb>(['aggregate.read', 'instrument.read', 'programme.read']),
  // Auditors see the audit trail only, never a person.
  auditor: new Set<Verb>(['audit.read', 'user.read']),
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

