import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heightenedRiskV1 } from '../instruments/heightened-risk/v1/index';
import { can, canInOperation, inScope, type Actor, type RecordRef } from './can';
import { mayReadField, MFA_REQUIRED_ROLES, ROLE_CLEARANCE, SENSITIVE_TOPICS, TOPIC_OF_DOMAIN } from './clearance';
import { FIELD_REGISTRY } from './fields';
import { checkGrant } from './grant';
import { ROLE_VERBS, ROLES, VERBS } from './roles';
import { SCOPES } from './scopes';
import { topicOfRecommendedAction } from './task-topic';

const OP = 'op-a';
const actor = (overrides: Partial<Actor> = {}): Actor => ({
  userId: 'me',
  role: 'caseworker',
  scope: 'agency',
  agencyId: 'agency-a',
  teamIds: ['team-1'],
  operationIds: [OP],
  ...overrides,
});

describe('record scope', () => {
  const record = (overrides: Partial<RecordRef> = {}): RecordRef => ({
    operationId: OP,
    agencyId: 'agency-a',
    teamId: null,
    assignedUserId: null,
    ...overrides,
  });

  it('own reaches only what is assigned to me', () => {
    const me = actor({ scope: 'own' });
    expect(inScope(me, record({ assignedUserId: 'me' }))).toBe(true);
    expect(inScope(me, record({ teamId: 'team-1' }))).toBe(false);
    expect(inScope(me, record())).toBe(false);
  });

  it('team reaches my teams and what is assigned to me', () => {
    const me = actor({ scope: 'team' });
    expect(inScope(me, record({ teamId: 'team-1' }))).toBe(true);
    expect(inScope(me, record({ assignedUserId: 'me' }))).toBe(true);
    expect(inScope(me, record({ teamId: 'team-2' }))).toBe(false);
  });

  it('agency reaches my agency only; operation reaches everything in my operations', () => {
    expect(inScope(actor(), record())).toBe(true);
    expect(inScope(actor(), record({ agencyId: 'agency-b' }))).toBe(false);
    expect(inScope(actor({ scope: 'operation' }), record({ agencyId: 'agency-b' }))).toBe(true);
    expect(inScope(actor({ scope: 'operation' }), record({ operationId: 'op-b' }))).toBe(false);
  });

  it('scopes nest: whatever a narrower scope reaches, every wider one reaches too', () => {
    fc.assert(
      fc.property(
        fc.record({
          operationId: fc.constantFrom(OP, 'op-b'),
          agencyId: fc.constantFrom('agency-a', 'agency-b'),
          teamId: fc.constantFrom(null, 'team-1', 'team-2'),
          assignedUserId: fc.constantFrom(null, 'me', 'someone'),
        }),
        (held) => {
          // Assignment never crosses agencies: an assignee of another agency is not "me".
          const ref = held.agencyId === 'agency-a' ? held : { ...held, assignedUserId: held.assignedUserId === 'me' ? null : held.assignedUserId };
          const teamOf = ref.teamId === 'team-1' ? 'agency-a' : ref.agencyId;
          const consistent = { ...ref, agencyId: ref.teamId === 'team-1' ? teamOf : ref.agencyId };
          const reach = SCOPES.map((scope) => inScope(actor({ scope }), consistent));
          for (let i = 0; i < reach.length - 1; i++) if (reach[i]) expect(reach[i + 1]).toBe(true);
        },
      ),
    );
  });

  it('a verb the role lacks is refused whatever the scope; creating needs only the operation', () => {
    expect(can(actor({ role: 'analyst', scope: 'operation' }), 'person.read', record())).toBe(false);
    expect(canInOperation(actor({ scope: 'own' }), 'person.create', OP)).toBe(true);
    expect(canInOperation(actor(), 'person.create', 'op-b')).toBe(false);
  });
});

describe('clearance', () => {
  it('analysts and auditors read nothing personal, let alone highly sensitive', () => {
    for (const role of ['analyst', 'auditor'] as const) {
      expect(mayReadField(actor({ role }), { sensitivity: 'personal' })).toBe(false);
      expect(mayReadField(actor({ role }), { sensitivity: 'highly_sensitive', topic: 'sgbv' }, { assignedUserId: 'me' })).toBe(false);
    }
  });

  it('a caseworker reads highly sensitive content only of the people assigned to them', () => {
    const sgbv = { sensitivity: 'highly_sensitive', topic: 'sgbv' } as const;
    expect(mayReadField(actor(), sgbv, { assignedUserId: 'someone' })).toBe(false);
    expect(mayReadField(actor(), sgbv, { assignedUserId: 'me' })).toBe(true);
    expect(mayReadField(actor({ role: 'protection_officer' }), sgbv, { assignedUserId: 'someone' })).toBe(true);
    expect(mayReadField(actor({ role: 'child_protection_officer' }), sgbv, { assignedUserId: 'someone' })).toBe(false);
    expect(mayReadField(actor({ role: 'partner_caseworker' }), { sensitivity: 'highly_sensitive', topic: 'trafficking' })).toBe(true);
  });

  it('every role that can read highly sensitive content or free-text audit reasons must use a second factor; the others where their operation asks', () => {
    expect([...MFA_REQUIRED_ROLES].sort()).toEqual(['administrator', 'auditor', 'caseworker', 'child_protection_officer', 'partner_caseworker', 'protection_officer', 'supervisor']);
    for (const role of ROLES) {
      const reads = SENSITIVE_TOPICS.some((topic) => mayReadField(actor({ role }), { sensitivity: 'highly_sensitive', topic }, { assignedUserId: 'me' }));
      // Audit reasons are free text that may name anyone and say anything (issue 20 §6).
      const readsReasons = can(actor({ role }), 'audit.read');
      expect(MFA_REQUIRED_ROLES.has(role), role).toBe(reads || readsReasons);
    }
  });

  it('maps every highly sensitive item of the shipped instrument to a topic', () => {
    for (const item of heightenedRiskV1.items.filter((candidate) => candidate.sensitivity === 'highly_sensitive')) {
      expect(TOPIC_OF_DOMAIN[item.domain], item.id).toBeDefined();
    }
    for (const domain of heightenedRiskV1.domains) expect(TOPIC_OF_DOMAIN[domain.id], domain.id).toBeDefined();
  });

  it('gives every highly sensitive registry field a topic and every field a purpose', () => {
    for (const [key, entry] of Object.entries(FIELD_REGISTRY)) {
      expect(entry.purpose.length, key).toBeGreaterThan(5);
      if (entry.sensitivity === 'highly_sensitive') expect(SENSITIVE_TOPICS, key).toContain((entry as { topic?: string }).topic);
    }
  });
});

describe('granting', () => {
  const grant = (overrides: Partial<Parameters<typeof checkGrant>[1]> = {}) => ({
    role: 'caseworker' as const,
    scope: 'own' as const,
    agencyId: 'agency-a',
    operationIds: [OP],
    ...overrides,
  });

  it('nobody grants a role, clearance or scope they do not hold', () => {
    const supervisor = actor({ role: 'supervisor', scope: 'agency' });
    expect(checkGrant(supervisor, grant())).toBeNull();
    expect(checkGrant(supervisor, grant({ role: 'administrator' }))).toBe('role_exceeds_own');
    expect(checkGrant(supervisor, grant({ scope: 'operation' }))).toBe('scope_exceeds_own');
    expect(checkGrant(supervisor, grant({ agencyId: 'agency-b' }))).toBe('outside_own_agency');
    expect(checkGrant(supervisor, grant({ operationIds: ['op-b'] }))).toBe('outside_own_operations');
    expect(checkGrant(actor(), grant())).toBe('not_allowed');
  });

  it('holds for every pair of roles: a grant never exceeds the granter', () => {
    for (const granterRole of ROLES) {
      for (const role of ROLES) {
        const granter = actor({ role: granterRole, scope: 'operation' });
        const refusal = checkGrant(granter, grant({ role, scope: 'own' }));
        if (refusal === null) {
          for (const verb of ROLE_VERBS[role]) expect(ROLE_VERBS[granterRole].has(verb)).toBe(true);
          for (const topic of ROLE_CLEARANCE[role].topics) expect(ROLE_CLEARANCE[granterRole].topics.has(topic)).toBe(true);
        }
      }
    }
    expect(VERBS.every((verb) => ROLE_VERBS.administrator.has(verb))).toBe(true);
  });
});

describe('case assignment', () => {
  const held = (overrides: Partial<RecordRef> = {}): RecordRef => ({ operationId: OP, agencyId: 'agency-a', teamId: null, assignedUserId: 'someone', ...overrides });

  it('is for those who allocate work: supervisors and protection and child-protection officers, within their scope', () => {
    for (const role of ['supervisor', 'protection_officer', 'child_protection_officer'] as const) {
      expect(can(actor({ role }), 'case.assign', held())).toBe(true);
      // Never outside their scope: another agency's case is not theirs to hand out.
      expect(can(actor({ role }), 'case.assign', held({ agencyId: 'agency-b' }))).toBe(false);
      expect(can(actor({ role, scope: 'own' }), 'case.assign', held())).toBe(false);
    }
    for (const role of ['caseworker', 'partner_caseworker', 'analyst', 'auditor'] as const) {
      expect(can(actor({ role, scope: 'operation' }), 'case.assign', held())).toBe(false);
    }
  });

  it('is held by exactly the roles that assign persons, so a case and its person move together', () => {
    for (const role of ROLES) expect(ROLE_VERBS[role].has('case.assign')).toBe(ROLE_VERBS[role].has('person.assign'));
  });
});

describe('task topics', () => {
  it('gives a task copied from an SGBV section its topic, and an ordinary section none', () => {
    expect(topicOfRecommendedAction(heightenedRiskV1, { domain: 'sgbv_coercion', override: null })).toBe('sgbv');
    expect(topicOfRecommendedAction(heightenedRiskV1, { domain: 'economic_survival', override: null })).toBeNull();
    expect(topicOfRecommendedAction(heightenedRiskV1, { domain: 'children_at_risk', override: null })).toBeNull();
  });

  it("gives an override's action the topic of the highly sensitive item its condition names", () => {
    expect(topicOfRecommendedAction(heightenedRiskV1, { domain: null, override: 'sexual_violence_last_72_hours' })).toBe('sgbv');
    expect(topicOfRecommendedAction(heightenedRiskV1, { domain: null, override: 'journey_debt_and_imminent_onward_movement' })).toBeNull();
    expect(topicOfRecommendedAction(heightenedRiskV1, { domain: null, override: 'no_such_override' })).toBeNull();
  });
});
