import { err, FIELD_REGISTRY, mayReadField, ok, type RecordRef, type Result } from '@waymark/core';
import type { Bid, PersonExport, TraffickingAssessmentRecord } from '@waymark/contracts';
import { openAssessment, openBid } from '../../crypto/case-work-sealing';
import type { KeyRing } from '../../crypto/key-ring';
import { casesOfPerson, listTasksOfCase } from '../../db/cases-repository';
import { biasOfPerson, bidsOfPerson, careArrangementsOfPerson } from '../../db/children-repository';
import type { Tx } from '../../db/transaction';
import { listTraffickingAssessments } from '../../db/trafficking-repository';
import type { Failure } from '../../failure';
import { presentCase, presentCaseTask } from '../../presenters/case';
import { presentBia, presentBid, presentCareArrangement } from '../../presenters/children';
import type { BestInterestsAssessmentRow } from '../../db/schema';
import { correctionsOfPerson } from '../../db/care-history-repository';
import { presentBiaFor } from '../children/bia-content';
import { mayReadTraffickingFindings, presentTraffickingAssessment } from '../../presenters/trafficking';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';

type Withheld = PersonExport['header']['withheld'];

/** Counts what was withheld, by section and reason, as the header lists it. */
function tally(withheld: Withheld, section: string, reason: 'clearance' | 'encryption_unavailable'): void {
  const seen = withheld.find((item) => item.section === section && item.reason === reason);
  if (seen) seen.count++;
  else withheld.push({ section, count: 1, reason });
}

/**
 * The person's protection cases for subject access: each case, its tasks (a restricted
 * task's title withheld, as on the case page), and its trafficking assessments presented for
 * this reader: findings withheld without trafficking clearance, or when their key is not in
 * the ring (like protection notes); both counted in the header.
 */
export async function casesSection(
  tx: Tx,
  ctx: UseCaseContext,
  keyRing: KeyRing | undefined,
  operationId: string,
  personId: string,
  today: string,
): Promise<Result<{ cases: PersonExport['cases']; withheld: Withheld; ids: string[] }, Failure>> {
  const rows = await casesOfPerson(tx, operationId, personId);
  const withheld: Withheld = [];
  const cases: PersonExport['cases'] = [];
  const ids: string[] = [];
  for (const row of rows) {
    const tasks = await listTasksOfCase(tx, operationId, row.id);
    const reader = { actor: ctx.actor, record: recordRef(row), ring: keyRing };
    const assessments: TraffickingAssessmentRecord[] = [];
    for (const assessment of await listTraffickingAssessments(tx, operationId, row.id)) {
      if (!mayReadTraffickingFindings(reader)) {
        assessments.push(presentTraffickingAssessment(assessment, reader, null));
        tally(withheld, 'trafficking.findings', 'clearance');
        continue;
      }
      const opened = openAssessment(keyRing, assessment);
      if (!opened.ok && opened.error.code !== 'encryption_unavailable') return err(opened.error);
      if (!opened.ok) tally(withheld, 'trafficking.findings', 'encryption_unavailable');
      assessments.push(presentTraffickingAssessment(assessment, reader, opened.ok ? opened.value.findings : null));
    }
    const presentedTasks = tasks.map((task) => presentCaseTask(task, today, reader));
    for (const task of presentedTasks) if (task.restricted) tally(withheld, 'case.task.title', 'clearance');
    ids.push(row.id, ...tasks.map((task) => task.id));
    cases.push({ ...presentCase(row, tasks, today, ctx.actor, keyRing), tasks: presentedTasks, traffickingAssessments: assessments });
  }
  return ok({ cases, withheld, ids });
}

/** A child's best-interests record; the child's own views only for readers cleared for child protection. */
export async function bestInterestsSection(tx: Tx, ctx: UseCaseContext, keyRing: KeyRing | undefined, operationId: string, personId: string, child: RecordRef) {
  const [bias, bids, arrangements, corrections] = await Promise.all([
    biasOfPerson(tx, operationId, personId),
    bidsOfPerson(tx, operationId, personId),
    careArrangementsOfPerson(tx, operationId, personId),
    correctionsOfPerson(tx, operationId, personId),
  ]);
  const withheld: Withheld = [];
  const mayRead = mayReadField(ctx.actor, FIELD_REGISTRY['child.bid.childViews'], child);
  const determinations: Bid[] = [];
  for (const bid of bids) {
    if (bid.child_views_text === null) {
      determinations.push(presentBid(bid, { actor: ctx.actor, child }));
      continue;
    }
    if (!mayRead) {
      tally(withheld, 'bid.childViews', 'clearance');
      determinations.push(presentBid(bid, { actor: ctx.actor, child }));
      continue;
    }
    const opened = openBid(keyRing, bid);
    if (!opened.ok && opened.error.code !== 'encryption_unavailable') return err(opened.error);
    if (opened.ok) determinations.push(presentBid(opened.value, { actor: ctx.actor, child }));
    else {
      // The key is not in this server's ring: the views are withheld as for a reader without clearance.
      tally(withheld, 'bid.childViews', 'encryption_unavailable');
      determinations.push({ ...presentBid(bid, { actor: ctx.actor, child }), childViews: null, childViewsWithheld: true });
    }
  }
  return ok({
    record: { assessments: bias.map((row) => subjectBia(keyRing, row, { actor: ctx.actor, child }, withheld)), determinations, careArrangements: arrangements.map((row) => presentCareArrangement(row, corrections)) },
    withheld,
    ids: [...bias.map((row) => row.id), ...bids.map((row) => row.id), ...arrangements.map((row) => row.id)],
  });
}

/** A BIA with its sections as this reader may see them; sections that cannot be opened or read are counted as withheld. */
function subjectBia(keyRing: KeyRing | undefined, row: BestInterestsAssessmentRow, reader: { actor: UseCaseContext['actor']; child: RecordRef }, withheld: Withheld) {
  const presented = presentBiaFor(keyRing, row, reader);
  if (!presented.ok) {
    tally(withheld, 'bia.content', 'encryption_unavailable');
    return presentBia(row);
  }
  if (presented.value.withheldSections.length > 0) tally(withheld, 'bia.content', 'clearance');
  return presented.value;
}
