import { describe, expect, it } from 'vitest';
import type { Actor, RecordRef } from './can';
import { mayChangeWorkplace, mayManageProgramme, mayOpenInformant, mayWorkProgramme } from './labour-programmes';
import type { Role } from './roles';
import type { Scope } from './scopes';

const actor = (role: Role, scope: Scope, agencyId = 'agency-a', userId = 'me'): Actor => ({ userId, role, scope, agencyId, teamIds: ['team-1'], operationIds: ['op'] });
const report = (overrides: Partial<RecordRef> = {}): RecordRef => ({ operationId: 'op', agencyId: 'agency-a', teamId: null, assignedUserId: 'recorder', ...overrides });

describe('need to know in labour and programmes', () => {
  it('opens an informant for the recorder and cleared roles of the recording agency only', () => {
    expect(mayOpenInformant(actor('caseworker', 'own', 'agency-a', 'recorder'), report())).toBe(true);
    expect(mayOpenInformant(actor('caseworker', 'agency'), report())).toBe(false);
    expect(mayOpenInformant(actor('supervisor', 'agency'), report())).toBe(true);
    expect(mayOpenInformant(actor('partner_caseworker', 'agency'), report())).toBe(true);
    expect(mayOpenInformant(actor('child_protection_officer', 'agency'), report())).toBe(false);
    // Out of scope inside the agency: not even a cleared role.
    expect(mayOpenInformant(actor('supervisor', 'own'), report())).toBe(false);
  });

  it('never opens an informant across agencies, whatever the scope or clearance', () => {
    for (const role of ['administrator', 'supervisor', 'protection_officer', 'partner_caseworker'] as Role[]) {
      expect(mayOpenInformant(actor(role, 'operation', 'agency-b'), report())).toBe(false);
    }
    expect(mayOpenInformant(actor('analyst', 'operation'), report())).toBe(false);
    expect(mayOpenInformant({ ...actor('administrator', 'operation'), agencyId: null }, report())).toBe(false);
  });

  it("leaves changes and a programme's person-level work to the holder, in scope", () => {
    const held = report({ agencyId: 'agency-a', assignedUserId: 'someone' });
    expect(mayChangeWorkplace(actor('caseworker', 'agency'), held)).toBe(true);
    expect(mayChangeWorkplace(actor('caseworker', 'agency', 'agency-b'), held)).toBe(false);
    expect(mayChangeWorkplace(actor('caseworker', 'own'), held)).toBe(false);
    expect(mayManageProgramme(actor('supervisor', 'agency', 'agency-b'), held)).toBe(false);
    expect(mayManageProgramme(actor('caseworker', 'agency'), held)).toBe(false);
    expect(mayWorkProgramme(actor('caseworker', 'agency', 'agency-b'), held)).toBe(false);
    expect(mayWorkProgramme(actor('caseworker', 'team'), { ...held, teamId: 'team-1' })).toBe(true);
  });
});
