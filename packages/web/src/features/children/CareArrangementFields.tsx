import type { CareArrangement, FieldProblem, Person } from '@waymark/contracts';
import { CARE_ARRANGEMENT_TYPES, type CareArrangementType } from '@waymark/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys';
import { getHousehold } from '../../api/persons';
import { useCan } from '../../shared/session';
import { SelectField, TextField } from '../../components/fields';
import { displayName } from '../person/display-name';
import { carerCandidates, problemsAt, todayIso } from './child-facts';

type CarerKind = 'person' | 'carer_record';

export interface ArrangementDraft {
  kind: CareArrangementType | '';
  carerKind: CarerKind;
  carerPersonId: string;
  carerId: string;
  startDate: string;
  endDate: string;
}

export const emptyDraft = (): ArrangementDraft => ({ kind: '', carerKind: 'carer_record', carerPersonId: '', carerId: '', startDate: todayIso(), endDate: '' });

/** A stored arrangement as a draft, for a correction to start from. */
export const draftOf = (arrangement: CareArrangement): ArrangementDraft => ({
  kind: arrangement.kind,
  carerKind: arrangement.carer.kind,
  carerPersonId: arrangement.carer.kind === 'person' ? arrangement.carer.personId : '',
  carerId: arrangement.carer.kind === 'carer_record' ? arrangement.carer.carerId : '',
  startDate: arrangement.startDate,
  endDate: arrangement.endDate ?? '',
});

export const carerOfDraft = (draft: ArrangementDraft) =>
  draft.carerKind === 'person' ? { kind: 'person' as const, personId: draft.carerPersonId } : { kind: 'carer_record' as const, carerId: draft.carerId };

export function useDraft(initial: () => ArrangementDraft) {
  const [draft, setDraft] = useState(initial);
  return [draft, (change: Partial<ArrangementDraft>) => setDraft((current) => ({ ...current, ...change })), () => setDraft(initial())] as const;
}

/**
 * The fields of an arrangement, for a new one and for a correction: kind, carer (a
 * household member who is an adult, unless the arrangement is a child-headed household,
 * or a carer record), start and end. `prefix` keeps ids and test ids apart per form.
 */
export function CareArrangementFields({ person, draft, change, problems, prefix }: { person: Person; draft: ArrangementDraft; change: (c: Partial<ArrangementDraft>) => void; problems: readonly FieldProblem[]; prefix: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const householdId = person.householdId;
  const household = useQuery({ queryKey: keys.household(householdId ?? ''), queryFn: () => getHousehold(householdId!), enabled: householdId !== null && can('household.read') });
  const members = carerCandidates(household.data?.members ?? [], person.id, draft.kind);
  const carerProblems = [...problemsAt(problems, 'carer'), ...problemsAt(problems, 'carer', 'personId'), ...problemsAt(problems, 'carer', 'carerId')];
  return (
    <>
      <SelectField id={`${prefix}-kind`} label={t('children.care.kind')} value={draft.kind} onChange={(value) => change({ kind: value as CareArrangementType | '' })} options={CARE_ARRANGEMENT_TYPES.map((value) => ({ value, label: t(`children.careType.${value}`) }))} empty={t('form.choose')} problems={problemsAt(problems, 'kind')} testId={`${prefix}-kind`} />
      <fieldset className="field">
        <legend>{t('children.care.carerIs')}</legend>
        <label className="choice">
          <input type="radio" name={`${prefix}-carer-kind`} checked={draft.carerKind === 'person'} onChange={() => change({ carerKind: 'person' })} data-testid={`${prefix}-carer-person`} />
          {t('children.care.carerPerson')}
        </label>
        <label className="choice">
          <input type="radio" name={`${prefix}-carer-kind`} checked={draft.carerKind === 'carer_record'} onChange={() => change({ carerKind: 'carer_record' })} data-testid={`${prefix}-carer-record`} />
          {t('children.care.carerRecordChoice')}
        </label>
      </fieldset>
      {draft.carerKind === 'person' && members.length > 0 && (
        <SelectField
          id={`${prefix}-carer-person-id`}
          label={t('children.care.carerFromHousehold')}
          hint={draft.kind === 'child_headed_household' ? undefined : t('children.care.adultsOnly')}
          value={draft.carerPersonId}
          onChange={(value) => change({ carerPersonId: value })}
          options={members.map((member) => ({ value: member.id, label: displayName(member) }))}
          empty={t('form.choose')}
          problems={carerProblems}
          testId={`${prefix}-carer-person-id`}
        />
      )}
      {draft.carerKind === 'person' && members.length === 0 && (
        <TextField id={`${prefix}-carer-person-id`} label={t('children.care.carerPersonId')} hint={t('children.care.carerPersonIdHint')} value={draft.carerPersonId} onChange={(value) => change({ carerPersonId: value })} problems={carerProblems} testId={`${prefix}-carer-person-id`} />
      )}
      {draft.carerKind === 'carer_record' && (
        <TextField id={`${prefix}-carer-id`} label={t('children.care.carerId')} hint={t('children.care.carerIdHint')} value={draft.carerId} onChange={(value) => change({ carerId: value })} problems={carerProblems} testId={`${prefix}-carer-id`} inputProps={{ maxLength: 200 }} />
      )}
      <div className="grid">
        <TextField id={`${prefix}-start`} type="date" label={t('children.field.startDate')} value={draft.startDate} onChange={(value) => change({ startDate: value })} problems={problemsAt(problems, 'startDate')} testId={`${prefix}-start-date`} />
        <TextField id={`${prefix}-end`} type="date" label={t('children.field.endDate')} hint={t('children.care.endHint')} value={draft.endDate} onChange={(value) => change({ endDate: value })} problems={problemsAt(problems, 'endDate')} testId={`${prefix}-end-date`} />
      </div>
    </>
  );
}
