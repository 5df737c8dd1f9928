import type { RecordRef } from '@waymark/core';
import type { PersonExport } from '@waymark/contracts';
import { casesOfPerson, listTasksOfCase } from '../../db/cases-repository';
import { biasOfPerson, bidsOfPerson, careArrangementsOfPerson } from '../../db/children-repository';
import type { Tx } from '../../db/transaction';
import { listTraffickingAssessments } from '../../db/trafficking-repository';
import { presentCase, presentCaseTask } from '../../presenters/case';
import { presentBia, presentBid, presentCareArrangement } from '../../presenters/children';
import { presentTraffickingAssessment } from '../../presenters/trafficking';
import type { UseCaseContext } from '../context';
import { recordRef } from '../record-ref';

type Withheld = PersonExport['header']['withheld'];

/**
 * The person's protection cases for subject access: each case, its tasks, and its
 * trafficking assessments presented for this reader (findings withheld without
 * trafficking clearance, and counted in the header).
 */
export async function casesSection(tx: Tx, ctx: UseCaseContext, operationId: string, personId: string, today: string) {
  const rows = await casesOfPerson(tx, operationId, personId);
  const withheld: Withheld = [];
  let restricted = 0;
  const cases: PersonExport['cases'] = [];
  const ids: string[] = [];
  for (const row of rows) {
    const tasks = await listTasksOfCase(tx, operationId, row.id);
    const assessments = (await listTraffickingAssessments(tx, operationId, row.id)).map((assessment) =>
      presentTraffickingAssessment(assessment, { actor: ctx.actor, record: recordRef(row) }),
    );
    restricted += assessments.filter((assessment) => assessment.restricted).length;
    ids.push(row.id, ...tasks.map((task) => task.id));
    cases.push({ ...presentCase(row, tasks, today), tasks: tasks.map((task) => presentCaseTask(task, today)), traffickingAssessments: assessments });
  }
  if (restricted > 0) withheld.push({ section: 'trafficking.findings', count: restricted, reason: 'clearance' });
  return { cases, withheld, ids };
}

/** A child's best-interests record; the child's own views only for readers cleared for child protection. */
export async function bestInterestsSection(tx: Tx, ctx: UseCaseContext, operationId: string, personId: string, child: RecordRef) {
  const [bias, bids, arrangements] = await Promise.all([
    biasOfPerson(tx, operationId, personId),
    bidsOfPerson(tx, operationId, personId),
    careArrangementsOfPerson(tx, operationId, personId),
  ]);
  const determinations = bids.map((bid) => presentBid(bid, { actor: ctx.actor, child }));
  const hidden = determinations.filter((bid, i) => bid.childViews === null && bids[i]!.child_views_text !== null).length;
  const withheld: Withheld = hidden > 0 ? [{ section: 'bid.childViews', count: hidden, reason: 'clearance' }] : [];
  return {
    record: { assessments: bias.map(presentBia), determinations, careArrangements: arrangements.map(presentCareArrangement) },
    withheld,
    ids: [...bias.map((row) => row.id), ...bids.map((row) => row.id), ...arrangements.map((row) => row.id)],
  };
}
