/**
 * Roles are lists of verbs (ODK Central's habit): one table to read, one place to change.
 * The record-scope part of the rule book (own/team/agency/operation) comes with the
 * accounts-and-scopes work; today a user's scope is the operations they belong to.
 */
export const VERBS = [
  'person.read',
  'person.create',
  'person.update',
  'household.read',
  'household.create',
  'household.update',
  'screening.read',
  'screening.create',
  'screening.rescore_all',
  'instrument.read',
  'aggregate.read',
  'audit.read',
  'user.manage',
] as const;
export type Verb = (typeof VERBS)[number];

export const ROLES = ['administrator', 'supervisor', 'caseworker', 'analyst', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

const CASEWORK: Verb[] = [
  'person.read',
  'person.create',
  'person.update',
  'household.read',
  'household.create',
  'household.update',
  'screening.read',
  'screening.create',
  'instrument.read',
];

export const ROLE_VERBS: Record<Role, ReadonlySet<Verb>> = {
  administrator: new Set<Verb>([...CASEWORK, 'screening.rescore_all', 'aggregate.read', 'user.manage']),
  supervisor: new Set<Verb>([...CASEWORK, 'screening.rescore_all', 'aggregate.read']),
  caseworker: new Set<Verb>(CASEWORK),
  // Analysts see aggregates only, never a person.
  analyst: new Set<Verb>(['aggregate.read', 'instrument.read']),
  auditor: new Set<Verb>(['audit.read']),
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
