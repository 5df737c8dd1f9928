import { can, dayOf, err, type Result } from '@waymark/core';
import type { Bia, Bid, CareArrangement, Person, TraffickingAssessmentRecord } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findCase, listTasksOfCase } from '../../db/cases-repository';
import { biasOfPerson, bidsOfPerson, careArrangementsOfPerson } from '../../db/children-repository';
import { findPerson } from '../../db/persons-repository';
import { transact } from '../../db/transaction';
import { listTraffickingAssessments } from '../../db/trafficking-repository';
import { failure, type Failure } from '../../failure';
import { pdfsOf } from '../../pdf/pdfs-of';
import { DEFAULT_PRINT, type PrintOptions } from '../../pdf/words';
import { displayNamesOf } from '../../db/users-repository';
import { solutionsForPrint, type PrintedSolutions } from '../solutions/solutions-for-print';
import { anySyntheticOperation } from '../../db/operations-repository';
import type { PrintedCase } from '../../pdf/case-sections-pdf';
import { presentCase, presentCaseTask } from '../../presenters/case';
import { presentCareArrangement } from '../../presenters/children';
import { presentBiasFor } from '../children/bia-content';
import { presentPerson } from '../../presenters/person';
import { presentBids } from '../children/present-bids';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';
import { presentAssessments } from '../trafficking/present-assessments';

/** What a printed case summary holds: each part as the JSON answers present it to this reader. */
export interface CaseSummary {
  generatedAt: string;
  generatedBy: string;
  generatedByRole: string;
  printed: PrintedCase;
  /** Null when the reader may not read the person's record (their role lacks person.read). */
  person: Person | null;
  /** Null when the reader's role does not read trafficking assessments. */
  traffickingShown: boolean;
  /** Null unless the person has a best-interests record and the reader's role reads it. */
  bestInterests: { assessments: Bia[]; determinations: Bid[]; careArrangements: CareArrangement[] } | null;
  /** Durable solutions and resettlement; null when the reader's role does not read solutions. */
  solutions: PrintedSolutions | null;
  /** The reader's language and clock. */
  print: PrintOptions;
  /** Display names of the staff the document names (reader, assignee, who assessed or confirmed). */
  names: ReadonlyMap<string, string>;
  /** From a synthetic demo operation: the document says so on its first line. */
  synthetic?: boolean;
}

/**
 * The printable case summary: the case, its plan and tasks, the person, the trafficking
 * assessments, durable solutions and resettlement, and a child's best-interests record, each built by the same presenters and
 * clearance checks as the JSON (a restricted task title, findings or a child's words are
 * printed as withheld). 404 outside scope, 403 without case.read; every print is audited.
 */
export async function caseSummaryPdf(ctx: UseCaseContext, caseId: string, print: PrintOptions = DEFAULT_PRINT): Promise<Result<Buffer, Failure>> {
  if (!can(ctx.actor, 'case.read')) return err(failure('forbidden'));
  const now = ctx.now();
  const today = dayOf(now);
  return transact(ctx.db, async (tx): Promise<Result<Buffer, Failure>> => {
    const row = await findCase(tx, ctx.actor, caseId);
    if (!row) return err(failure('not_found'));
    const ref = recordRef(row);
    if (!can(ctx.actor, 'case.read', ref)) return err(failure('forbidden'));
    const tasks = await listTasksOfCase(tx, row.operation_id, row.id);
    const reader = { actor: ctx.actor, record: ref, ring: ctx.keyRing };
    const presentedTasks = tasks.map((task) => presentCaseTask(task, today, reader));

    let assessments: TraffickingAssessmentRecord[] = [];
    const traffickingShown = can(ctx.actor, 'trafficking.read', ref);
    if (traffickingShown) {
      const presented = presentAssessments(ctx.keyRing, await listTraffickingAssessments(tx, row.operation_id, row.id), reader);
      if (!presented.ok) return presented;
      assessments = presented.value;
    }

    const personRow = row.person_id === null ? undefined : await findPerson(tx, ctx.actor, row.person_id);
    const person = personRow && can(ctx.actor, 'person.read', recordRef(personRow)) ? presentPerson(personRow, now) : null;
    let bestInterests: CaseSummary['bestInterests'] = null;
    if (personRow && can(ctx.actor, 'child.read', recordRef(personRow))) {
      const [bias, bids, arrangements] = await Promise.all([
        biasOfPerson(tx, personRow.operation_id, personRow.id),
        bidsOfPerson(tx, personRow.operation_id, personRow.id),
        careArrangementsOfPerson(tx, personRow.operation_id, personRow.id),
      ]);
      if (bias.length + bids.length + arrangements.length > 0) {
        const determinations = presentBids(ctx.keyRing, bids, { actor: ctx.actor, child: recordRef(personRow) });
        if (!determinations.ok) return determinations;
        const assessed = presentBiasFor(ctx.keyRing, bias, { actor: ctx.actor, child: recordRef(personRow) });
        if (!assessed.ok) return assessed;
        bestInterests = { assessments: assessed.value, determinations: determinations.value, careArrangements: arrangements.map((arrangement) => presentCareArrangement(arrangement)) };
      }
    }

    const solutions = await solutionsForPrint(tx, ctx, row);
    const names = await displayNamesOf(tx, [
      ctx.actor.userId,
      row.assigned_user_id,
      solutions?.durable.assessment?.assessedBy,
      solutions?.submission?.confirmedBy,
    ]);
    const summary: CaseSummary = {
      generatedAt: now.toISOString(),
      generatedBy: ctx.actor.userId,
      generatedByRole: ctx.actor.role,
      printed: { ...presentCase(row, tasks, today, ctx.actor, ctx.keyRing), tasks: presentedTasks, traffickingAssessments: assessments },
      person,
      traffickingShown,
      bestInterests,
      solutions,
      print,
      names,
      synthetic: await anySyntheticOperation(tx, [row.operation_id]),
    };
    // Drawn on a worker thread; a full queue refuses (503) and rolls back, audit row included.
    const pdf = await pdfsOf(ctx).render('case_summary', summary);
    if (!pdf.ok) return pdf;
    // Counts only: what the document held, and how much of it was withheld from this reader.
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: row.operation_id,
      action: 'case.print',
      resourceType: 'case',
      resourceId: row.id,
      details: {
        document: 'case_summary',
        tasks: presentedTasks.length,
        tasksWithheld: presentedTasks.filter((task) => task.restricted).length,
        assessments: assessments.length,
        findingsWithheld: assessments.filter((assessment) => assessment.restricted).length,
        childViewsWithheld: bestInterests?.determinations.filter((bid) => bid.childViewsWithheld).length ?? 0,
        reasonsWithheld: solutions?.suggestions.flatMap((s) => s.reasons).filter((r) => r.withheld).length ?? 0,
        language: print.lang,
      },
      at: now,
    });
    return pdf;
  });
}
