import {
  HouseholdChangeResultSchema,
  HouseholdHistorySchema,
  HouseholdSchema,
  PersonListSchema,
  type FieldProblem,
  type Household,
  type HouseholdChangeResult,
  type HouseholdHistory,
  type HouseholdMemberAdd,
  type HouseholdMemberRemove,
  type HouseholdSplit,
  type Person,
} from '@waymark/contracts';
import { decodePointer } from '../../api/json-pointer';
import { queryString, request } from '../../api/client';

export const householdHistoryKey = (id: string) => ['households', id, 'changes'] as const;

const at = (id: string, suffix: string) => `/households/${encodeURIComponent(id)}/${suffix}`;

export const getHouseholdHistory = (id: string): Promise<HouseholdHistory> => request('GET', at(id, 'changes'), { schema: HouseholdHistorySchema });

export const addHouseholdMember = (id: string, input: HouseholdMemberAdd): Promise<HouseholdChangeResult> =>
  request('POST', at(id, 'members'), { body: input, schema: HouseholdChangeResultSchema });

export const removeHouseholdMember = (id: string, input: HouseholdMemberRemove): Promise<HouseholdChangeResult> =>
  request('POST', at(id, 'removals'), { body: input, schema: HouseholdChangeResultSchema });

export const splitHousehold = (id: string, input: HouseholdSplit): Promise<HouseholdChangeResult> =>
  request('POST', at(id, 'splits'), { body: input, schema: HouseholdChangeResultSchema });

/** The server's problems at one field of the request (a JSON Pointer read as its path). */
export function problemsAtField(problems: readonly FieldProblem[], ...path: (string | number)[]): FieldProblem[] {
  const wanted = path.map(String).join('/');
  return problems.filter((problem) => decodePointer(problem.path).join('/') === wanted);
}

export const changeHouseholdHead = (id: string, version: number, headPersonId: string): Promise<Household> =>
  request('PATCH', `/households/${encodeURIComponent(id)}`, { body: { version, headPersonId }, schema: HouseholdSchema });

/** People found by name for joining a household: only those in no household can join. */
export async function findPeopleToJoin(name: string, operationId: string): Promise<Person[]> {
  const query = queryString({ name, operationId, limit: 20, sort: 'name' });
  const page = await request('GET', `/persons${query}`, { schema: PersonListSchema });
  return page.items.filter((person) => person.householdId === null && person.anonymisedAt === null);
}
