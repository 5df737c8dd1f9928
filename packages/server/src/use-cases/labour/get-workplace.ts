import { can, err, mayOpenInformant, ok, type Result } from '@waymark/core';
import type { WorkplaceDetail } from '@waymark/contracts';
import type { KeyRing } from '../../crypto/key-ring';
import { writeAudit } from '../../db/audit';
import { findWorkplace, listLinkedPeople, listWorkplaceReports } from '../../db/labour-repository';
import { failure, type Failure } from '../../failure';
import { presentWorkplace, presentWorkplaceReport } from '../../presenters/labour';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';
import { openInformant } from './informant-sealing';
import { operationsFor } from './workplace-operations';

/**
 * A workplace with its reports and the linked people in the reader's scope. An informant's
 * name is opened only on need to know (core/policy mayOpenInformant: the agency that
 * recorded it, in scope, a cleared role or the recorder); the database hands over the
 * sealed name only under the same rule (db/scope.ts informantCondition), so both must agree
 * before a name is shown. Other readers see only that a report has one.
 */
export async function getWorkplace(ctx: UseCaseContext, ring: KeyRing | undefined, id: string): Promise<Result<WorkplaceDetail, Failure>> {
  const operations = operationsFor(ctx, 'labour.read');
  if (!operations.ok) return operations;
  const row = await findWorkplace(ctx.db, ctx.actor, operations.value, id);
  if (!row) return err(failure('not_found'));
  const reports = await listWorkplaceReports(ctx.db, ctx.actor, row.operation_id, row.id);
  const opened = reports.map((report) => (report.informant_name_sealed !== null && mayOpenInformant(ctx.actor, recordRef(report)) ? openInformant(ring, report) : null));
  const people = can(ctx.actor, 'person.read') ? await listLinkedPeople(ctx.db, ctx.actor, row.operation_id, row.id) : [];
  const informantsOpened = opened.filter((name) => name !== null).length;
  // Who works where, and who told us what, are read on purpose: the read is in the trail.
  if (people.length > 0 || informantsOpened > 0) {
    await ctx.db.transaction().execute((tx) =>
      writeAudit(tx, {
        actorId: ctx.actor.userId,
        operationId: row.operation_id,
        action: 'labour.workplace_read',
        resourceType: 'workplace',
        resourceId: row.id,
        details: { people: people.length, informantsOpened },
        at: ctx.now(),
      }),
    );
  }
  return ok({
    ...presentWorkplace(row, ctx.actor),
    reports: reports.map((report, i) => presentWorkplaceReport(report, opened[i] ?? null)),
    people: people.map((person) => ({
      personId: person.person_id,
      givenName: person.given_name,
      familyName: person.family_name,
      riskLevel: person.risk_level,
      linkedAt: new Date(person.linked_at).toISOString(),
    })),
  });
}
