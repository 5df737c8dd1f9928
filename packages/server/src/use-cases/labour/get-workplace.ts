import { can, err, ok, type Result } from '@waymark/core';
import type { WorkplaceDetail } from '@waymark/contracts';
import type { KeyRing } from '../../crypto/key-ring';
import { writeAudit } from '../../db/audit';
import { findWorkplace, listLinkedPeople, listWorkplaceReports } from '../../db/labour-repository';
import { failure, type Failure } from '../../failure';
import { presentWorkplace, presentWorkplaceReport } from '../../presenters/labour';
import type { UseCaseContext } from '../context';
import { openInformant } from './informant-sealing';
import { operationsFor } from './workplace-operations';

/**
 * A workplace with its reports and the linked people in the reader's scope. Informant
 * names are opened only for those who record labour reports (they may need to go back to
 * the source); other readers see only that a report has one.
 */
export async function getWorkplace(ctx: UseCaseContext, ring: KeyRing | undefined, id: string): Promise<Result<WorkplaceDetail, Failure>> {
  const operations = operationsFor(ctx, 'labour.read');
  if (!operations.ok) return operations;
  const row = await findWorkplace(ctx.db, operations.value, id);
  if (!row) return err(failure('not_found'));
  const mayOpen = can(ctx.actor, 'labour.record');
  const reports = await listWorkplaceReports(ctx.db, row.operation_id, row.id);
  const people = can(ctx.actor, 'person.read') ? await listLinkedPeople(ctx.db, ctx.actor, row.operation_id, row.id) : [];
  // Who works where, and who told us what, are read on purpose: the read is in the trail.
  if (people.length > 0 || (mayOpen && reports.some((report) => report.informant_name_sealed !== null))) {
    await ctx.db.transaction().execute((tx) =>
      writeAudit(tx, {
        actorId: ctx.actor.userId,
        operationId: row.operation_id,
        action: 'labour.workplace_read',
        resourceType: 'workplace',
        resourceId: row.id,
        details: { people: people.length, informantsOpened: mayOpen ? reports.filter((report) => report.informant_name_sealed !== null).length : 0 },
        at: ctx.now(),
      }),
    );
  }
  return ok({
    ...presentWorkplace(row),
    reports: reports.map((report) => presentWorkplaceReport(report, mayOpen ? openInformant(ring, report) : null)),
    people: people.map((person) => ({
      personId: person.person_id,
      givenName: person.given_name,
      familyName: person.family_name,
      riskLevel: person.risk_level,
      linkedAt: new Date(person.linked_at).toISOString(),
    })),
  });
}
