import { checkGrant, type Actor, type Verb } from '@waymark/core';
import type { Entries } from './entries';
import { has } from './expectations';
import { agencyOf, asOrg, operationOf, type OrgPosition, type World } from './world';

const caseworkerGrant = (agencyId: string, operationId: string) => ({ role: 'caseworker' as const, scope: 'own' as const, agencyId, operationIds: [operationId] });

/** Managing a user: the verb, then the user must be reachable, then held within what the actor may grant. */
function expectManagingUser(world: () => World, success: number) {
  return (actor: Actor, position: OrgPosition): number => {
    if (!has(actor, 'user.manage')) return 403;
    if (position === 'other_operation') return 404;
    // Below operation scope, another agency's users are out of reach: not found, like records.
    if (position === 'other_agency' && actor.scope !== 'operation') return 404;
    const w = world();
    const agencyId = position === 'own_agency' ? w.agencyA : w.agencyB;
    return checkGrant(actor, caseworkerGrant(agencyId, w.operationId)) === null ? success : 403;
  };
}

/** Teams and agencies of an agency: the verb, reachable, and one's own agency below operation scope. */
function expectAgencyBound(verbs: Verb[], success: number) {
  return (actor: Actor, position: OrgPosition): number => {
    if (!verbs.some((verb) => has(actor, verb))) return 403;
    if (position === 'other_operation') return 404;
    if (position === 'other_agency' && actor.scope !== 'operation') return 403;
    return success;
  };
}

/** An operation's security or retention policy: holders of the verb whose scope is the whole operation, in their own operations. */
function wholeOperationRule(verb: Verb, success: number) {
  return (actor: Actor, position: OrgPosition): number => (!has(actor, verb) ? 403 : position === 'other_operation' ? 404 : actor.scope !== 'operation' ? 403 : success);
}
const retentionRule = (success: number) => wholeOperationRule('retention.manage', success);
const operationSecurityRule = (success: number) => wholeOperationRule('agency.manage', success);

/** Administration: the audit trail, retention, operations, agencies, teams and users. */
export function administrationRoutes(world: () => World): Entries {
  return {
    'GET /api/v1/audit-events': { kind: 'operation', verb: 'audit.read', success: 200, request: async () => ({ path: '/api/v1/audit-events' }) },
    'GET /api/v1/operations/{id}/retention': {
      kind: 'org',
      success: 200,
      expect: retentionRule(200),
      request: async (w, _actor, position) => ({ path: `/api/v1/operations/${operationOf(w, asOrg(position))}/retention` }),
    },
    'PUT /api/v1/operations/{id}/retention': {
      kind: 'org',
      success: 200,
      expect: retentionRule(200),
      request: async (w, _actor, position) => {
        const operationId = operationOf(w, asOrg(position));
        const current = position === 'other_operation' ? { version: 0 } : ((await w.readAsAdmin(`/api/v1/operations/${operationId}/retention`)) as { version: number });
        return { path: `/api/v1/operations/${operationId}/retention`, body: { anonymiseInactiveAfterDays: null, version: current.version } };
      },
    },
    'GET /api/v1/operations/{id}/retention/dry-run': {
      kind: 'org',
      success: 200,
      expect: retentionRule(200),
      request: async (w, _actor, position) => ({ path: `/api/v1/operations/${operationOf(w, asOrg(position))}/retention/dry-run` }),
    },
    'GET /api/v1/operations': { kind: 'self', success: 200, request: async () => ({ path: '/api/v1/operations' }) },
    'POST /api/v1/operations': {
      kind: 'org',
      success: 201,
      expect: (actor) => (has(actor, 'agency.manage') && actor.scope === 'operation' ? 201 : 403),
      request: async (w) => {
        const code = w.unique();
        return { path: '/api/v1/operations', body: { code, name: `Operation ${code}`, firstAgency: { code: 'first', name: 'First agency', kind: 'ngo' } } };
      },
    },
    'GET /api/v1/operations/{id}/security': {
      kind: 'org',
      success: 200,
      expect: operationSecurityRule(200),
      request: async (w, _actor, position) => ({ path: `/api/v1/operations/${operationOf(w, asOrg(position))}/security` }),
    },
    'PUT /api/v1/operations/{id}/security': {
      kind: 'org',
      success: 200,
      expect: operationSecurityRule(200),
      // Setting it to what it is (false) leaves the world as the other entries expect it.
      request: async (w, _actor, position) => ({ path: `/api/v1/operations/${operationOf(w, asOrg(position))}/security`, body: { mfaRequired: false } }),
    },
    'POST /api/v1/operations/{id}/sites': {
      kind: 'org',
      success: 201,
      expect: operationSecurityRule(201),
      request: async (w, _actor, position) => ({ path: `/api/v1/operations/${operationOf(w, asOrg(position))}/sites`, body: { code: `matrix-${w.unique()}`, name: 'Matrix site', setting: 'collective_centre' } }),
    },
    'PATCH /api/v1/sites/{id}': {
      kind: 'org',
      success: 200,
      expect: operationSecurityRule(200),
      request: async (w, _actor, position) => {
        // Another operation's site is as unknown as no site: a fresh id answers the same 404.
        if (asOrg(position) === 'other_operation') return { path: `/api/v1/sites/0190a4e0-0000-7000-8000-${w.unique().replace(/\D/g, '').padStart(12, '0').slice(-12)}`, body: { version: 1, name: 'Renamed' } };
        const created = await w.writeAsAdmin('POST', `/api/v1/operations/${w.operationId}/sites`, { code: `matrix-${w.unique()}`, name: 'Matrix site' });
        return { path: `/api/v1/sites/${(created.body as { id: string }).id}`, body: { version: 1, name: 'Renamed' } };
      },
    },
    'GET /api/v1/operations/{id}/agencies': {
      kind: 'org',
      success: 200,
      expect: (actor, position) =>
        !has(actor, 'user.read') && !has(actor, 'agency.manage') && !has(actor, 'consent.record') ? 403 : position === 'other_operation' ? 404 : 200,
      request: async (w, _actor, position) => ({ path: `/api/v1/operations/${operationOf(w, asOrg(position))}/agencies` }),
    },
    'POST /api/v1/operations/{id}/agencies': {
      kind: 'org',
      success: 201,
      expect: (actor, position) => (!has(actor, 'agency.manage') ? 403 : position === 'other_operation' ? 404 : actor.scope !== 'operation' ? 403 : 201),
      request: async (w, _actor, position) => ({
        path: `/api/v1/operations/${operationOf(w, asOrg(position))}/agencies`,
        body: { code: w.unique(), name: 'Another agency', kind: 'government' },
      }),
    },
    'GET /api/v1/agencies/{id}/teams': {
      kind: 'org',
      success: 200,
      expect: expectAgencyBound(['user.read'], 200),
      request: async (w, _actor, position) => ({ path: `/api/v1/agencies/${agencyOf(w, asOrg(position))}/teams` }),
    },
    'POST /api/v1/agencies/{id}/teams': {
      kind: 'org',
      success: 201,
      expect: expectAgencyBound(['user.manage'], 201),
      request: async (w, _actor, position) => ({ path: `/api/v1/agencies/${agencyOf(w, asOrg(position))}/teams`, body: { name: `Team ${w.unique()}` } }),
    },
    'PUT /api/v1/teams/{id}/members': {
      kind: 'org',
      success: 200,
      expect: expectAgencyBound(['user.manage'], 200),
      request: async (w, _actor, position) => {
        const team = asOrg(position) === 'own_agency' ? w.spareTeamA : asOrg(position) === 'other_agency' ? w.teamB : w.teamOtherOperation;
        return { path: `/api/v1/teams/${team}/members`, body: { userIds: [] } };
      },
    },
    'GET /api/v1/users': { kind: 'operation', verb: 'user.read', success: 200, request: async () => ({ path: '/api/v1/users' }) },
    'POST /api/v1/users': {
      kind: 'org',
      success: 201,
      expect: (actor, position) => {
        if (!has(actor, 'user.manage')) return 403;
        const w = world();
        const agencyId = position === 'own_agency' ? w.agencyA : position === 'other_agency' ? w.agencyB : w.agencyOtherOperation;
        const operationId = position === 'other_operation' ? w.otherOperationId : w.operationId;
        return checkGrant(actor, caseworkerGrant(agencyId, operationId)) === null ? 201 : 403;
      },
      request: async (w, _actor, position) => ({
        path: '/api/v1/users',
        body: {
          email: `made-${w.unique()}@example.org`,
          displayName: 'Made by matrix',
          role: 'caseworker',
          scope: 'own',
          agencyId: agencyOf(w, asOrg(position)),
          operationIds: [operationOf(w, asOrg(position))],
        },
      }),
    },
    'PATCH /api/v1/users/{id}': {
      kind: 'org',
      success: 200,
      expect: expectManagingUser(world, 200),
      request: async (w, _actor, position) => ({ path: `/api/v1/users/${await w.targetUser(asOrg(position))}`, body: { displayName: `Renamed ${w.unique()}` } }),
    },
    'POST /api/v1/users/{id}/disable': {
      kind: 'org',
      success: 200,
      expect: expectManagingUser(world, 200),
      request: async (w, _actor, position) => ({ path: `/api/v1/users/${await w.targetUser(asOrg(position), { fresh: true })}/disable`, body: {} }),
    },
    'POST /api/v1/users/{id}/mfa-reset': {
      kind: 'org',
      success: 200,
      expect: expectManagingUser(world, 200),
      request: async (w, _actor, position) => ({
        path: `/api/v1/users/${await w.targetUser(asOrg(position), { fresh: true })}/mfa-reset`,
        body: { reason: 'Phone lost in the flood; identity checked in person.' },
      }),
    },
    'POST /api/v1/users/{id}/enable': {
      kind: 'org',
      success: 200,
      expect: expectManagingUser(world, 200),
      request: async (w, _actor, position) => ({ path: `/api/v1/users/${await w.targetUser(asOrg(position), { fresh: true, disabled: true })}/enable`, body: {} }),
    },
  };
}
