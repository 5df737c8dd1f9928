/** Query keys in one place, so invalidation after a write cannot miss one. */
export const keys = {
  persons: ['persons'] as const,
  personList: (filters: unknown, page: unknown) => ['persons', 'list', filters, page] as const,
  person: (id: string) => ['persons', 'one', id] as const,
  screenings: (personId: string) => ['persons', 'one', personId, 'screenings'] as const,
  household: (id: string) => ['households', id] as const,
  households: ['households'] as const,
  sites: ['sites'] as const,
  instruments: ['instruments'] as const,
  instrument: (id: string, version: number | undefined) => ['instruments', id, version ?? 'latest'] as const,
};
