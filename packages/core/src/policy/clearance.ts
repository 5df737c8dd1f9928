import { can, type Actor, type RecordRef } from './can';
import { ROLES, type Role } from './roles';

/** How much harm a field could do if it reached the wrong person, lowest first. */
export const SENSITIVITY_LEVELS = ['internal', 'personal', 'sensitive', 'highly_sensitive'] as const;
export type SensitivityLevel = (typeof SENSITIVITY_LEVELS)[number];

/**
 * Highly sensitive content is read on need-to-know, topic by topic: SGBV details,
 * trafficking narrative, health, child-protection notes.
 */
export const SENSITIVE_TOPICS = ['sgbv', 'trafficking', 'health', 'child_protection'] as const;
export type SensitiveTopic = (typeof SENSITIVE_TOPICS)[number];

export interface Clearance {
  /** The most sensitive level of ordinary fields the role reads. */
  level: SensitivityLevel;
  /** Highly sensitive topics the role reads on every record in its scope. */
  topics: ReadonlySet<SensitiveTopic>;
}

const ALL_TOPICS = new Set<SensitiveTopic>(SENSITIVE_TOPICS);
const NONE = new Set<SensitiveTopic>();

export const ROLE_CLEARANCE: Record<Role, Clearance> = {
  administrator: { level: 'highly_sensitive', topics: ALL_TOPICS },
  supervisor: { level: 'highly_sensitive', topics: ALL_TOPICS },
  // A caseworker reads highly sensitive sections only of the people assigned to them.
  caseworker: { level: 'sensitive', topics: NONE },
  child_protection_officer: { level: 'highly_sensitive', topics: new Set<SensitiveTopic>(['child_protection', 'health']) },
  protection_officer: { level: 'highly_sensitive', topics: new Set<SensitiveTopic>(['sgbv', 'trafficking', 'health']) },
  partner_caseworker: { level: 'sensitive', topics: new Set<SensitiveTopic>(['trafficking']) },
  analyst: { level: 'internal', topics: NONE },
  auditor: { level: 'internal', topics: NONE },
};

export function sensitivityRank(level: SensitivityLevel): number {
  return SENSITIVITY_LEVELS.indexOf(level);
}

export interface Classification {
  sensitivity: SensitivityLevel;
  /** Required when sensitivity is highly_sensitive. */
  topic?: SensitiveTopic;
}

/**
 * May this actor read a field of this classification on this record? Ordinary fields go by
 * the role's level. Highly sensitive ones need the topic in the role's clearance, or the
 * need-to-know of being the person's assigned worker.
 */
export function mayReadField(actor: Actor, field: Classification, record?: Pick<RecordRef, 'assignedUserId'>): boolean {
  if (roleReads(actor.role, field)) return true;
  if (field.sensitivity !== 'highly_sensitive' || ROLE_CLEARANCE[actor.role].level === 'internal' || field.topic === undefined) return false;
  return record?.assignedUserId !== undefined && record.assignedUserId !== null && record.assignedUserId === actor.userId;
}

/** What the role reads on every record in its scope, need-to-know aside. */
function roleReads(role: Role, field: Classification): boolean {
  const clearance = ROLE_CLEARANCE[role];
  if (field.sensitivity !== 'highly_sensitive') return sensitivityRank(field.sensitivity) <= sensitivityRank(clearance.level);
  if (clearance.level === 'internal' || field.topic === undefined) return false;
  return clearance.topics.has(field.topic);
}

/**
 * Highly sensitive screening items take their topic from their domain. A domain missing
 * here makes its highly sensitive items unreadable to everyone but full clearance, which
 * fails safe; a test checks every shipped instrument is mapped.
 */
export const TOPIC_OF_DOMAIN: Readonly<Record<string, SensitiveTopic>> = {
  sgbv_coercion: 'sgbv',
  women_at_risk: 'sgbv',
  conflict_insecurity: 'trafficking',
  mixed_migration_smuggling: 'trafficking',
  economic_survival: 'trafficking',
  enforcement_border: 'trafficking',
  urban_unregistered: 'trafficking',
  legal_protection: 'trafficking',
  protracted_displacement: 'trafficking',
  trauma: 'health',
  children_at_risk: 'child_protection',
  family_separation_isolation: 'child_protection',
};

/**
 * Does this role ever read highly sensitive content: a topic in its clearance, or the
 * sections of the people assigned to it (need-to-know)? Asked of `mayReadField` itself,
 * so the answer follows the rule book when clearances change.
 */
export function readsHighlySensitive(role: Role): boolean {
  const actor = anyoneOf(role);
  return SENSITIVE_TOPICS.some((topic) => mayReadField(actor, { sensitivity: 'highly_sensitive', topic }, { assignedUserId: actor.userId }));
}

/**
 * Does this role read the audit trail's free-text reasons? They are written by workers
 * about what they did and why ("consent withdrawn after her husband found the card"), so
 * they can name people and say what happened to them: whoever reads them reads highly
 * sensitive content of every topic, whatever the role's clearance. Asked of `can` itself.
 */
export function readsAuditReasons(role: Role): boolean {
  return can(anyoneOf(role), 'audit.read');
}

function anyoneOf(role: Role): Actor {
  return { userId: 'self', role, scope: 'own', agencyId: null, teamIds: [], operationIds: [] };
}

/**
 * Roles that must use a second factor whatever the operation says: every role that can
 * read highly sensitive content (SGBV, trafficking, health, child-protection notes, and the
 * audit trail's free-text reasons, which may carry any of them), so a stolen password alone
 * never opens them. Other roles need one where their operation requires it
 * (`operations.mfa_required`).
 */
export const MFA_REQUIRED_ROLES: ReadonlySet<Role> = new Set<Role>(ROLES.filter((role) => readsHighlySensitive(role) || readsAuditReasons(role)));

/**
 * Roles that read fields of this classification on every record in their scope (the
 * person's assigned worker reads highly sensitive ones too): what a reader who may not is
 * told, so they know whom to ask.
 */
export function rolesCleared(field: Classification): Role[] {
  return (Object.keys(ROLE_CLEARANCE) as Role[]).filter((role) => roleReads(role, field));
}
