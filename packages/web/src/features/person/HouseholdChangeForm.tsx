import { RELATIONSHIPS_TO_HEAD } from '@waymark/core';
import type { FieldProblem, Household, HouseholdChangeResult, HouseholdMemberAdd } from '@waymark/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { SelectField, useVocabulary } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { fieldErrorKey } from '../../i18n/keys';
import { displayName } from './display-name';
import { changeHouseholdHead, problemsAtField, removeHouseholdMember, splitHousehold } from './household-api';

type Action = 'head' | 'remove' | 'split';
const ACTIONS: readonly Action[] = ['head', 'remove', 'split'];

interface Props {
  household: Household;
  onChanged: (result: HouseholdChangeResult) => void;
}

/**
 * One change at a time to who is in the household: make a member the head, remove a member
 * (they stay registered), or split a member off with their dependants into a household they
 * head. When the head leaves, the form asks who heads the household now, as the server does.
 */
export function HouseholdChangeForm({ household, onChanged }: Props) {
  const { t } = useTranslation();
  const relationships = useVocabulary('relationship', RELATIONSHIPS_TO_HEAD).filter((option) => option.value !== 'head');
  const [action, setAction] = useState<Action>('head');
  const [personId, setPersonId] = useState('');
  const [newHead, setNewHead] = useState('');
  const [dependants, setDependants] = useState<Record<string, string>>({});
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const members = household.members;
  const headLeaves = personId !== '' && personId === household.headPersonId && action !== 'head';
  const others = members.filter((member) => member.id !== personId);
  const staying = others.filter((member) => !(action === 'split' && member.id in dependants));

  const save = useMutation({
    mutationFn: async (): Promise<HouseholdChangeResult> => {
      if (action === 'head') {
        const updated = await changeHouseholdHead(household.id, household.version, personId);
        return { household: updated, newHousehold: null, childrenWithoutAdult: [] };
      }
      const head = headLeaves && newHead !== '' ? newHead : undefined;
      if (action === 'remove') return removeHouseholdMember(household.id, { version: household.version, personId, ...(head ? { headPersonId: head } : {}) });
      return splitHousehold(household.id, {
        version: household.version,
        headPersonId: personId,
        dependants: Object.entries(dependants).map(([id, relationshipToHead]) => ({ personId: id, relationshipToHead: relationshipToHead as HouseholdMemberAdd['relationshipToHead'] })),
        ...(head ? { remainingHeadPersonId: head } : {}),
      });
    },
    onSuccess: onChanged,
    onError: (error) => setProblems(isApiProblem(error) ? [...error.fieldErrors] : []),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    save.mutate();
  };
  const memberOptions = (list: typeof members) => list.map((member) => ({ value: member.id, label: displayName(member) }));
  const headPath = action === 'remove' ? 'headPersonId' : 'remainingHeadPersonId';
  const personPath = action === 'head' ? 'headPersonId' : action === 'remove' ? 'personId' : 'headPersonId';
  const unplaced = problems.filter((problem) => ![personPath, headPath].includes(problem.path.slice(1)));

  return (
    <form className="household-change" onSubmit={submit} noValidate data-testid="household-change">
      <fieldset className="mode-switch">
        <legend>{t('household.change.legend')}</legend>
        {ACTIONS.map((value) => (
          <label key={value} className="choice">
            <input type="radio" name={`household-action-${household.id}`} value={value} checked={action === value} data-testid={`household-action-${value}`}
              onChange={() => { setAction(value); setProblems([]); save.reset(); }} />
            {t(`household.change.${value}`)}
          </label>
        ))}
      </fieldset>
      <SelectField id="household-member" testId="household-member" label={t(`household.change.${action}Who`)} value={personId} empty={t('form.choose')} required
        options={memberOptions(action === 'head' ? members.filter((member) => member.id !== household.headPersonId) : members)}
        problems={problemsAtField(problems, personPath)}
        onChange={(value) => { setPersonId(value); setDependants({}); setNewHead(''); }} />
      {action === 'split' && personId !== '' && others.length > 0 && (
        <fieldset className="dependants" data-testid="split-dependants">
          <legend>{t('household.change.dependants')}</legend>
          {others.map((member) => (
            <div key={member.id} className="dependant">
              <label className="choice">
                <input type="checkbox" checked={member.id in dependants} data-testid={`dependant-${member.id}`}
                  onChange={(event) => setDependants((current) => {
                    const next = { ...current };
                    if (event.target.checked) next[member.id] = 'child';
                    else delete next[member.id];
                    return next;
                  })} />
                {displayName(member)}
              </label>
              {member.id in dependants && (
                <SelectField id={`dependant-relationship-${member.id}`} label={t('household.change.relationshipToNewHead')} value={dependants[member.id]!}
                  options={relationships} onChange={(value) => setDependants((current) => ({ ...current, [member.id]: value }))} />
              )}
            </div>
          ))}
        </fieldset>
      )}
      {headLeaves && staying.length > 0 && (
        <SelectField id="household-new-head" testId="household-new-head" label={t('household.change.newHead')} hint={t('household.change.newHeadHint')}
          value={newHead} empty={t('form.choose')} required options={memberOptions(staying)} problems={problemsAtField(problems, headPath)} onChange={setNewHead} />
      )}
      {save.isError && problems.length === 0 && <ProblemMessage error={save.error} />}
      {unplaced.map((problem, index) => (
        <p key={index} className="problem" role="alert" data-code={problem.code}>{t(fieldErrorKey(problem.code))}</p>
      ))}
      <div className="actions">
        <button type="submit" data-testid="household-change-submit" disabled={save.isPending || personId === ''}>
          {save.isPending ? t('form.saving') : t(`household.change.${action}Submit`)}
        </button>
      </div>
    </form>
  );
}
