import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent } from './consent-fixtures';
import { databaseTargets } from './database-targets';
import { startTestApp, type Client, type TestApp } from './test-app';

// Issue 12 §3, "Need to know in labour and programmes": each test here is one of the issue's
// repros, and an attacker holding accounts in two agencies of the same operation.
const INFORMANT = 'Samira Source-Canary';
const PROGRAMME = { kind: 'livelihoods', capacity: 100, rule: { field: 'sex', op: 'in', values: ['female', 'male', 'other', 'unknown'] } };

describe.each(databaseTargets())('need to know in labour and programmes on $name PostgreSQL', (target) => {
  let app: TestApp;
  let agencyB: string;
  let caseworkerA: Client;
  let colleagueA: Client;
  let supervisorA: Client;
  let protectionOfficerA: Client;
  let caseworkerB: Client;
  let supervisorB: Client;
  let officerB: Client;
  let partnerB: Client;
  /** The attacker's two accounts: one in each agency. */
  let attackerA: Client;
  let attackerB: Client;

  const person = async (client: Client, name: string): Promise<string> => {
    const made = await client.request('POST', '/api/v1/persons', { givenName: name, familyName: 'Worker', sex: 'female', birthYear: 1994, adminAreaCode: 'AREA-N' });
    expect(made.status).toBe(201);
    return (made.body as { id: string }).id;
  };
  const workplace = async (client: Client, name: string): Promise<string> => {
    const made = await client.request('POST', '/api/v1/workplaces', { name, sector: 'A_AgricultureForestryAndFishing', adminAreaCode: 'AREA-N' });
    expect(made.status).toBe(201);
    return (made.body as { id: string }).id;
  };

  beforeAll(async () => {
    app = await startTestApp(target, { now: () => new Date('2026-06-15T10:00:00Z') });
    agencyB = await app.createAgency({ kind: 'anti_trafficking' });
    caseworkerA = await app.as('caseworker');
    colleagueA = await app.as('caseworker');
    supervisorA = await app.as('supervisor');
    protectionOfficerA = await app.as('protection_officer', undefined, { scope: 'operation' });
    caseworkerB = await app.as('caseworker', undefined, { agencyId: agencyB });
    supervisorB = await app.as('supervisor', undefined, { agencyId: agencyB });
    // Operation-wide scope, trafficking clearance and every labour verb, in another agency.
    officerB = await app.as('supervisor', undefined, { agencyId: agencyB, scope: 'operation' });
    partnerB = await app.as('partner_caseworker', undefined, { agencyId: agencyB });
    attackerA = await app.as('caseworker', undefined, { scope: 'own' });
    attackerB = await app.as('supervisor', undefined, { agencyId: agencyB });
  }, 120_000);
  afterAll(() => app.close());

  it("opens a workplace's informant only for the recording agency's cleared roles and the recorder, never for another agency with labour.record", async () => {
    const farm = await workplace(caseworkerA, 'Greenhouses by the river');
    const report = await caseworkerA.request('POST', `/api/v1/workplaces/${farm}/reports`, { sourceType: 'community_informant', reportedOn: '2026-06-01', informantName: INFORMANT, indicators: ['debt_bondage'] });
    expect(report.status).toBe(201);
    const informantSeenBy = async (client: Client) => {
      const read = await client.request('GET', `/api/v1/workplaces/${farm}`);
      expect(read.status).toBe(200);
      const body = read.body as { reports: { informantName: string | null; hasInformant: boolean }[] };
      expect(body.reports[0]!.hasInformant).toBe(true);
      return body.reports[0]!.informantName;
    };
    // Need to know: the recorder, and cleared roles of the recording agency.
    expect(await informantSeenBy(caseworkerA)).toBe(INFORMANT);
    expect(await informantSeenBy(supervisorA)).toBe(INFORMANT);
    expect(await informantSeenBy(protectionOfficerA)).toBe(INFORMANT);
    // Not a colleague without trafficking clearance, and nobody of another agency, whatever their scope or clearance.
    expect(await informantSeenBy(colleagueA)).toBeNull();
    expect(await informantSeenBy(caseworkerB)).toBeNull();
    expect(await informantSeenBy(supervisorB)).toBeNull();
    expect(await informantSeenBy(officerB)).toBeNull();
    expect(await informantSeenBy(partnerB)).toBeNull();
    expect(await informantSeenBy(attackerA)).toBeNull();
    expect(await informantSeenBy(attackerB)).toBeNull();
    // Only the openings are in the trail: three readers opened it (the recorder, the supervisor, the officer).
    const opened = await app.database.db.selectFrom('audit_events').select(['actor_id', 'details']).where('action', '=', 'labour.workplace_read').where('resource_id', '=', farm).execute();
    expect(opened.map((row) => row.actor_id).sort()).toEqual([caseworkerA.userId, supervisorA.userId, protectionOfficerA.userId].sort());
  });

  it("refuses another agency's caseworker archiving or changing a workplace (403), and it stays on the shared map", async () => {
    const farm = await workplace(caseworkerA, 'Packing shed');
    const read = (await caseworkerB.request('GET', `/api/v1/workplaces/${farm}`)).body as { version: number; mayChange: boolean };
    expect(read.mayChange).toBe(false);
    expect((await caseworkerB.request('DELETE', `/api/v1/workplaces/${farm}`)).status).toBe(403);
    expect((await supervisorB.request('DELETE', `/api/v1/workplaces/${farm}`)).status).toBe(403);
    expect((await caseworkerB.request('PATCH', `/api/v1/workplaces/${farm}`, { name: 'Renamed by B', version: read.version })).status).toBe(403);
    // A caseworker of the same agency whose scope is their own work: not theirs either.
    expect((await attackerA.request('DELETE', `/api/v1/workplaces/${farm}`)).status).toBe(403);
    const after = (await caseworkerA.request('GET', `/api/v1/workplaces/${farm}`)).body as { name: string; version: number; mayChange: boolean };
    expect(after).toMatchObject({ name: 'Packing shed', version: read.version, mayChange: true });
    // Other agencies still add what they learned to the shared map.
    expect((await caseworkerB.request('POST', `/api/v1/workplaces/${farm}/reports`, { sourceType: 'site_visit', reportedOn: '2026-06-02', conditions: ['long_hours'] })).status).toBe(201);
    // The holder archives it.
    expect((await caseworkerA.request('DELETE', `/api/v1/workplaces/${farm}`)).status).toBe(204);
  });

  it("refuses another agency's supervisor renaming a programme and its caseworker adding sessions or enrolling (403)", async () => {
    const created = await supervisorA.request('POST', '/api/v1/programmes', { ...PROGRAMME, name: 'Safe work circles' });
    expect(created.status).toBe(201);
    const programme = created.body as { id: string; version: number; mayManage: boolean; mayWork: boolean };
    expect(programme).toMatchObject({ mayManage: true, mayWork: true });
    const seenByB = (await supervisorB.request('GET', `/api/v1/programmes/${programme.id}`)).body as { mayManage: boolean; mayWork: boolean };
    expect(seenByB).toMatchObject({ mayManage: false, mayWork: false });
    expect((await supervisorB.request('PATCH', `/api/v1/programmes/${programme.id}`, { name: 'Renamed by B', version: programme.version })).status).toBe(403);
    expect((await supervisorB.request('PATCH', `/api/v1/programmes/${programme.id}`, { status: 'closed', version: programme.version })).status).toBe(403);
    expect((await caseworkerB.request('POST', `/api/v1/programmes/${programme.id}/sessions`, { heldOn: '2026-06-10', topic: 'Added by B', attendees: [] })).status).toBe(403);
    const theirPerson = await person(caseworkerB, 'Layla');
    await giveConsent(caseworkerB, theirPerson, 'programme_enrolment');
    expect((await caseworkerB.request('POST', `/api/v1/programmes/${programme.id}/enrolments`, { personId: theirPerson })).status).toBe(403);
    expect((await caseworkerB.request('GET', `/api/v1/programmes/${programme.id}/targets`)).status).toBe(403);
    expect((await caseworkerB.request('GET', `/api/v1/programmes/${programme.id}/enrolments`)).status).toBe(403);
    const after = (await supervisorA.request('GET', `/api/v1/programmes/${programme.id}`)).body as { name: string; status: string; sessions: number; enrolled: number };
    expect(after).toMatchObject({ name: 'Safe work circles', status: 'active', sessions: 0, enrolled: 0 });
    // The running agency's caseworker does the work.
    expect((await caseworkerA.request('POST', `/api/v1/programmes/${programme.id}/sessions`, { heldOn: '2026-06-10', topic: 'Rights at work', attendees: [] })).status).toBe(201);
  });

  it('counts only the links the reader may see: an attacker with accounts in two agencies learns no other agency’s links', async () => {
    const farm = await workplace(caseworkerA, 'Quarry road');
    for (const name of ['Hana', 'Rima', 'Dana']) {
      expect((await caseworkerA.request('POST', `/api/v1/workplaces/${farm}/people`, { personId: await person(caseworkerA, name) })).status).toBe(201);
    }
    const linkedSeenBy = async (client: Client) => {
      const list = (await client.request('GET', '/api/v1/workplaces?adminAreaCode=AREA-N')).body as { items: { id: string; peopleLinked: number }[] };
      const detail = (await client.request('GET', `/api/v1/workplaces/${farm}`)).body as { peopleLinked: number; people: unknown[] };
      expect(list.items.find((item) => item.id === farm)!.peopleLinked).toBe(detail.peopleLinked);
      // The count is the list the reader is shown, never more.
      expect(detail.peopleLinked).toBe(detail.people.length);
      return detail.peopleLinked;
    };
    expect(await linkedSeenBy(caseworkerA)).toBe(3);
    expect(await linkedSeenBy(attackerB)).toBe(0);
    expect(await linkedSeenBy(attackerA)).toBe(0);
    // Differencing: the attacker links one of agency B's people; each account sees only its own.
    expect((await attackerB.request('POST', `/api/v1/workplaces/${farm}/people`, { personId: await person(attackerB, 'Decoy') })).status).toBe(201);
    expect(await linkedSeenBy(attackerB)).toBe(1);
    expect(await linkedSeenBy(caseworkerA)).toBe(3);
    expect(await linkedSeenBy(attackerA)).toBe(0);
  });

  it("publishes another agency's programme enrolment and attendance counts through core/disclosure, exact for the running agency", async () => {
    const created = await supervisorA.request('POST', '/api/v1/programmes', { ...PROGRAMME, name: 'Small circle' });
    const programmeId = (created.body as { id: string }).id;
    const enrolled: string[] = [];
    for (const name of ['Nour', 'Salma']) {
      const id = await person(caseworkerA, name);
      await giveConsent(caseworkerA, id, 'programme_enrolment');
      expect((await caseworkerA.request('POST', `/api/v1/programmes/${programmeId}/enrolments`, { personId: id })).status).toBe(201);
      enrolled.push(id);
    }
    expect((await caseworkerA.request('POST', `/api/v1/programmes/${programmeId}/sessions`, { heldOn: '2026-06-11', topic: 'First', attendees: enrolled })).status).toBe(201);
    const seen = async (client: Client) => {
      const one = (await client.request('GET', `/api/v1/programmes/${programmeId}`)).body as { enrolled: number | null };
      const listed = ((await client.request('GET', '/api/v1/programmes')).body as { items: { id: string; enrolled: number | null }[] }).items.find((item) => item.id === programmeId)!;
      const sessions = (await client.request('GET', `/api/v1/programmes/${programmeId}/sessions`)).body as { items: { attendance: number | null }[] };
      expect(listed.enrolled).toBe(one.enrolled);
      return { enrolled: one.enrolled, attendance: sessions.items[0]!.attendance };
    };
    expect(await seen(caseworkerA)).toEqual({ enrolled: 2, attendance: 2 });
    // Two people, under k = 5: withheld from the other agency (and from the attacker's own-scope account in A).
    expect(await seen(attackerB)).toEqual({ enrolled: null, attendance: null });
    expect(await seen(attackerA)).toEqual({ enrolled: null, attendance: null });
  });
});
