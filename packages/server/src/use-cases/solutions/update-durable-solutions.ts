import { can, err, hasErrors, ok, validateSolutionsAssessment, type DurableSolutionsAssessment, type Result } from '@waymark/core';
import type { DurableSolutions, DurableSolutionsUpdate } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { caseMemberIds, findAssessment, memberFacts, saveAssessment } from '../../db/solutions-repository';
import { transact } from '../../db/transaction';
import { failure, invalid, type Failure } from '../../failure';
import { presentDurableSolutions, warningsOf } from '../../presenters/solutions';
import type { UseCaseContext } from '../context';
import { caseFor } from '../case-for';
import { displacementOf, subjectOf } from './facts';

/**
 * Records the three durable solutions of a case, each with its trafficking risk. core
 * refuses what the rules forbid (risk_required, a repatriation the person does not wish…)
 * at the path in the body; warnings are kept with the assessment. Nothing is written on error.
 */
export async function updateDurableSolutions(ctx: UseCaseContext, caseId: string, input: DurableSolutionsUpdate): Promise<Result<DurableSolutions, Failure>> {
  if (!can(ctx.actor, 'solution.assess')) return err(failure('forbidden'));
  const now = ctx.now();
  return transact(ctx.db, async (tx) => {
    const found = await caseFor(tx, ctx.actor, caseId, 'solution.assess', { forUpdate: true });
    if (!found.ok) return found;
    const row = found.value;
    if (row.status === 'closed') return err(failure('illegal_transition', 'a closed case is reopened before its solutions change'));
    const assessment: DurableSolutionsAssessment = {
      subject: subjectOf(row),
      assessedOn: input.assessedOn,
      assessedBy: ctx.actor.userId,
      // Reason codes arrive as strings; core checks each one (unknown_risk_reason at its index).
      solutions: input.solutions as DurableSolutionsAssessment['solutions'],
    };
    const problems = validateSolutionsAssessment(assessment, now);
    if (hasErrors(problems)) return err(invalid(problems.filter((p) => p.severity === 'error')));
    const current = await findAssessment(tx, row.operation_id, row.id);
    if (current && input.version !== current.version) {
      return err(failure('version_conflict', `the assessment is at version ${current.version}; reload and reapply your change`));
    }
    if (!current && input.version !== undefined) return err(failure('version_conflict', 'there is no assessment yet: leave out the version'));
    const warnings = warningsOf(problems);
    const saved = await saveAssessment(
      tx,
      {
        operation_id: row.operation_id,
        case_id: row.id,
        assessed_on: input.assessedOn,
        assessed_by: ctx.actor.userId,
        solutions: JSON.stringify(input.solutions),
        warnings: JSON.stringify(warnings),
        updated_by: ctx.actor.userId,
      },
      current ? current.version : null,
    );
    if (!saved) return err(failure('version_conflict'));
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: row.operation_id,
      action: 'solutions.assess',
      resourceType: 'case',
      resourceId: row.id,
      // Codes only: statuses and risk levels, never the notes.
      details: {
        ...Object.fromEntries(Object.entries(input.solutions).flatMap(([name, s]) => [[`${name}_status`, s.status], [`${name}_risk`, s.traffickingRisk?.level ?? null]])),
        warnings: warnings.map((w) => w.code).join(','),
        version: saved.version,
      },
      at: now,
    });
    const members = await memberFacts(tx, row.operation_id, await caseMemberIds(tx, row));
    return ok(presentDurableSolutions(row, saved, displacementOf(members, now)));
  });
}
