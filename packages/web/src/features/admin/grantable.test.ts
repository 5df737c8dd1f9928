import type { Actor } from '@waymark/core';
import { describe, expect, it } from 'vitest';
import { grantableAgencies, grantableRoles, grantableScopes, mayManage } from './grantable';

const OP = 'op-1';
const MINE = 'agency-mine';
const THEIRS = 'agency-theirs';
const supervisor: Actor = { userId: 'u-1', role: 'supervisor', scope: 'agency', agencyId: MINE, teamIds: [], operationIds: [OP] };
const admin: Actor = { ...supervisor, userId: 'u-2', role: 'administrator', scope: 'operation' };

describe('what the create-user form offers', () => {
  it('a supervisor with agency scope: no administrator, no operation scope, only their own agency', () => {
    const roles = grantableRoles(supervisor, { operationId: OP, agencyId: MINE });
    expect(roles).toContain('caseworker');
    expect(roles).not.toContain('administrator');
    expect(roles).not.toContain('auditor');
    expect(grantableScopes(supervisor, { operationId: OP, agencyId: MINE, role: 'caseworker' })).toEqual(['own', 'team', 'agency']);
    expect(grantableAgencies(supervisor, [{ id: MINE }, { id: THEIRS }])).toEqual([{ id: MINE }]);
  });

  it('an operation-scope administrator: every role, scope and agency', () => {
    expect(grantableRoles(admin, { operationId: OP, agencyId: THEIRS })).toContain('administrator');
    expect(grantableScopes(admin, { operationId: OP, agencyId: THEIRS, role: 'administrator' })).toContain('operation');
    expect(grantableAgencies(admin, [{ id: MINE }, { id: THEIRS }])).toHaveLength(2);
  });

  it('nobody manages themselves or someone holding more', () => {
    expect(mayManage(supervisor, { id: 'u-1', role: 'supervisor', scope: 'agency', agencyId: MINE, operationIds: [OP] })).toBe(false);
    expect(mayManage(supervisor, { id: 'u-3', role: 'administrator', scope: 'operation', agencyId: MINE, operationIds: [OP] })).toBe(false);
    expect(mayManage(supervisor, { id: 'u-4', role: 'caseworker', scope: 'own', agencyId: MINE, operationIds: [OP] })).toBe(true);
  });
});
