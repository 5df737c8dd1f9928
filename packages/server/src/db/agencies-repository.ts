import type { Db, Tx } from './transaction';

/** The actor's agency, if it belongs to that operation; and the actor's teams there. */
export async function holderInOperation(
  db: Db | Tx,
  operationId: string,
  agencyId: string | null,
  teamIds: readonly string[],
): Promise<{ agencyId: string; teamId: string | null } | undefined> {
  if (agencyId === null) return undefined;
  const agency = await db
    .selectFrom('agencies')
    .select('id')
    .where('operation_id', '=', operationId)
    .where('id', '=', agencyId)
    .executeTakeFirst();
  if (!agency) return undefined;
  const team =
    teamIds.length === 0
      ? undefined
      : await db
          .selectFrom('teams')
          .select('id')
          .where('operation_id', '=', operationId)
          .where('agency_id', '=', agencyId)
          .where('id', 'in', teamIds)
          .orderBy('name')
          .limit(1)
          .executeTakeFirst();
  return { agencyId: agency.id, teamId: team?.id ?? null };
}

export async function defaultAgencyOf(db: Db | Tx, operationId: string): Promise<string | undefined> {
  return (
    await db
      .selectFrom('agencies')
      .select('id')
      .where('operation_id', '=', operationId)
      // Agencies made in one transaction share created_at; uuid v7 ids keep their order.
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst()
  )?.id;
}
