import { can, dayOf, err, type Result } from '@waymark/core';
import type { Person } from '@waymark/contracts';
import { writeAudit } from '../../db/audit';
import { findCase, findTask } from '../../db/cases-repository';
import { listConsentsForPurpose } from '../../db/consents-repository';
import { findAgency } from '../../db/organisations-repository';
import { findPerson } from '../../db/persons-repository';
import type { ConsentRow } from '../../db/schema';
import { transact } from '../../db/transaction';
import { listTraffickingAssessments } from '../../db/trafficking-repository';
import { failure, type Failure } from '../../failure';
import { pdfsOf } from '../../pdf/pdfs-of';
import { DEFAULT_PRINT, type PrintOptions } from '../../pdf/words';
import { displayNamesOf } from '../../db/users-repository';
import { anySyntheticOperation } from '../../db/operations-repository';
import { presentCaseTask } from '../../presenters/case';
import { presentPerson } from '../../presenters/person';
import type { UseCaseContext } from '../context';
import { auditConsentRefusal, isConsentRefusal, requireConsent } from '../consent/require-consent';
import { recordRef } from '../record-ref';

/** What a printed referral form holds. */
export interface ReferralForm {
  generatedAt: string;
  generatedBy: string;
  generatedByRole: string;
  caseId: string;
  casePriority: string;
  taskId: string;
  /** The task's title: why the person is referred. */
  reason: string;
  dueDate: string | null;
  agency: { name: string; kind: string };
  person: Pick<Person, 'givenName' | 'familyName' | 'originalScriptName' | 'sex' | 'dateOfBirth' | 'birthYear' | 'age' | 'nationality' | 'languages'>;
  /** The latest trafficking outcome (never the findings), when the reader's role reads assessments. */
  traffickingOutcome: string | null;
  consent: { effectiveAt: string; method: string; givenBy: string; carerRelationship: string | null; childAssent: string };
  /** The reader's language and clock. */
  print: PrintOptions;
  /** The reader's display name. */
  generatedByName: string | null;
  /** From a synthetic demo operation: the form says so on its first line. */
  synthetic?: boolean;
}

const invalidAgency = () => failure('validation_failed', undefined, [{ path: '/agencyId', code: 'unknown_agency', message: "an agency of the case's operation" }]);

/** The grant in force for this recipient: requireConsent has said there is one. */
function grantFor(rows: readonly ConsentRow[], agencyId: string, now: Date): ConsentRow | undefined {
  return rows
    .filter((row) => row.recipient_agency_id === agencyId && new Date(row.effective_at) <= now)
    .sort((a, b) => new Date(b.effective_at).getTime() - new Date(a.effective_at).getTime())[0];
}

/**
 * A referral form for a referral task, to the named receiving agency: the reason, the
 * person's identifying details, the trafficking outcome (not the findings), and the consent
 * that allows this sharing. Only with referral consent for that agency in force (409
 * consent_required otherwise, the refusal audited); 404 outside scope or for a task that is
 * not a referral; 403 without case.read, or when the reason itself is withheld from the
 * reader (a restricted topic). Every print is audited.
 */
export async function referralFormPdf(ctx: UseCaseContext, taskId: string, agencyId: string, print: PrintOptions = DEFAULT_PRINT): Promise<Result<Buffer, Failure>> {
  if (!can(ctx.actor, 'case.read')) return err(failure('forbidden'));
  const now = ctx.now();
  const today = dayOf(now);
  const result = await transact(ctx.db, async (tx): Promise<Result<Buffer, Failure>> => {
    const task = await findTask(tx, ctx.actor.operationIds, taskId);
    const parent = task ? await findCase(tx, ctx.actor, task.case_id) : undefined;
    if (!task || !parent || parent.operation_id !== task.operation_id || task.kind !== 'referral') return err(failure('not_found'));
    const ref = recordRef(parent);
    if (!can(ctx.actor, 'case.read', ref)) return err(failure('forbidden'));
    const presented = presentCaseTask(task, today, { actor: ctx.actor, record: ref, ring: ctx.keyRing });
    if (presented.restricted) return err(failure('forbidden', "the referral's reason is outside the reader's clearance"));
    const agency = await findAgency(tx, [parent.operation_id], agencyId);
    if (!agency) return err(invalidAgency());
    const personRow = parent.person_id === null ? undefined : await findPerson(tx, ctx.actor, parent.person_id);
    if (!personRow) {
      return err(failure('validation_failed', undefined, [{ path: '', code: 'person_case_required', message: "a referral form is about one person: print it from the person's own case" }]));
    }
    const consent = await requireConsent(tx, ctx, personRow, 'referral', { recipientAgencyId: agency.id });
    if (!consent.ok) return consent;
    const grant = grantFor(await listConsentsForPurpose(tx, personRow.operation_id, personRow.id, 'referral'), agency.id, now);
    if (!grant) return err({ ...failure('consent_required'), purpose: 'referral' });
    const person = presentPerson(personRow, now);
    const latest = can(ctx.actor, 'trafficking.read', ref) ? (await listTraffickingAssessments(tx, parent.operation_id, parent.id))[0] : undefined;
    const form: ReferralForm = {
      generatedAt: now.toISOString(),
      generatedBy: ctx.actor.userId,
      generatedByRole: ctx.actor.role,
      caseId: parent.id,
      casePriority: parent.priority,
      taskId: task.id,
      reason: presented.title,
      dueDate: presented.dueDate,
      agency: { name: agency.name, kind: agency.kind },
      person: {
        givenName: person.givenName,
        familyName: person.familyName,
        originalScriptName: person.originalScriptName,
        sex: person.sex,
        dateOfBirth: person.dateOfBirth,
        birthYear: person.birthYear,
        age: person.age,
        nationality: person.nationality,
        languages: person.languages,
      },
      traffickingOutcome: latest?.outcome ?? null,
      consent: {
        effectiveAt: new Date(grant.effective_at).toISOString(),
        method: grant.method,
        givenBy: grant.given_by,
        carerRelationship: grant.carer_relationship,
        childAssent: grant.child_assent,
      },
      print,
      generatedByName: (await displayNamesOf(tx, [ctx.actor.userId])).get(ctx.actor.userId) ?? null,
      synthetic: await anySyntheticOperation(tx, [parent.operation_id]),
    };
    const pdf = await pdfsOf(ctx).render('referral_form', form);
    if (!pdf.ok) return pdf;
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      operationId: parent.operation_id,
      action: 'case.print',
      resourceType: 'case',
      resourceId: parent.id,
      details: { document: 'referral_form', taskId: task.id, recipientAgencyId: agency.id, consentId: grant.id },
      at: now,
    });
    return pdf;
  });
  if (!result.ok && isConsentRefusal(result.error)) await auditConsentRefusal(ctx, result.error, 'case.referral_print');
  return result;
}
