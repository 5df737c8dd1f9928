import { expect } from 'vitest';
import { apiAs } from './api';

export type Api = Awaited<ReturnType<typeof apiAs>>;

export interface StaffSpec {
  email: string;
  displayName: string;
  role: string;
  scope: 'own' | 'team' | 'agency' | 'operation';
}

/** The id of one of the demo Lebanon operation's agencies, by its code (unhcr, counter-trafficking, …). */
export async function demoAgencyId(adminApi: Api, code: string): Promise<string> {
  const operations = (await adminApi('GET', '/operations')).body as { items: { id: string; code: string }[] };
  const lebanon = operations.items.find((operation) => operation.code !== 'main')!;
  const agencies = (await adminApi('GET', `/operations/${lebanon.id}/agencies`)).body as { items: { id: string; code: string }[] };
  return agencies.items.find((agency) => agency.code === code)!.id;
}

/**
 * A member of staff in the demo's Lebanon operation, UNHCR office, made by an
 * administrator through the admin API as the web does. Returns the one-time password the
 * administrator would hand over.
 */
export async function createDemoStaff(adminApi: Api, spec: StaffSpec): Promise<string> {
  const operations = (await adminApi('GET', '/operations')).body as { items: { id: string; code: string }[] };
  const lebanon = operations.items.find((operation) => operation.code !== 'main')!;
  const agencies = (await adminApi('GET', `/operations/${lebanon.id}/agencies`)).body as { items: { id: string; code: string }[] };
  const made = await adminApi('POST', '/users', {
    ...spec,
    agencyId: agencies.items.find((agency) => agency.code === 'unhcr')!.id,
    operationIds: [lebanon.id],
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  return (made.body as { oneTimePassword: string }).oneTimePassword;
}

/** As createDemoStaff, then the first sign-in chooses their own password; their API client. */
export async function signedInDemoStaff(base: string, adminApi: Api, spec: StaffSpec & { password: string }): Promise<Api> {
  const { password, ...user } = spec;
  const oneTime = await createDemoStaff(adminApi, user);
  const first = await apiAs(base, spec.email, oneTime);
  expect((await first('POST', '/sessions/current/password', { currentPassword: oneTime, newPassword: password })).status).toBe(204);
  return apiAs(base, spec.email, password);
}
