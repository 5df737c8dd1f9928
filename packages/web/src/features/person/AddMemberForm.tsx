import { RELATIONSHIPS_TO_HEAD, SEXES, type Sex } from '@waymark/core';
import type { FieldProblem, Household, HouseholdChangeResult, HouseholdMemberAdd, Person } from '@waymark/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { SelectField, TextField, useVocabulary } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { fieldErrorKey } from '../../i18n/keys';
import { displayName } from './display-name';
import { addHouseholdMember, findPeopleToJoin, problemsAtField } from './household-api';

type Source = 'registered' | 'new';

interface Props {
  household: Household;
  onChanged: (result: HouseholdChangeResult) => void;
}

/**
 * Someone joins the household: a person registered already (found by name, only those in
 * no household), or a new person registered here with the few facts registration needs.
 */
export function AddMemberForm({ household, onChanged }: Props) {
  const { t } = useTranslation();
  const relationships = useVocabulary('relationship', RELATIONSHIPS_TO_HEAD).filter((option) => option.value !== 'head');
  const sexes = useVocabulary('sex', SEXES);
  const [source, setSource] = useState<Source>('registered');
  const [search, setSearch] = useState('');
  const [personId, setPersonId] = useState('');
  const [relationship, setRelationship] = useState('');
  const [newPerson, setNewPerson] = useState({ givenName: '', familyName: '', sex: '', birthYear: '' });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const term = search.trim();
  const found = useQuery({
    queryKey: ['persons', 'joinable', household.operationId, term],
    queryFn: () => findPeopleToJoin(term, household.operationId),
    enabled: source === 'registered' && term.length >= 2,
  });

  const save = useMutation({
    mutationFn: () =>
      addHouseholdMember(household.id, {
        version: household.version,
        relationshipToHead: relationship as HouseholdMemberAdd['relationshipToHead'],
        ...(source === 'registered'
          ? { personId }
          : {
              person: {
                givenName: newPerson.givenName.trim(),
                familyName: newPerson.familyName.trim(),
                sex: newPerson.sex as Sex,
                birthYear: newPerson.birthYear.trim() === '' ? null : Number(newPerson.birthYear),
                birthYearEstimated: false,
                otherNames: [], originalScriptName: null, dateOfBirth: null, nationality: null, languages: [], siteId: null,
                setting: null, adminAreaCode: null, legalStatus: null, documents: [], identityDocuments: [], arrivalDate: null, careSituation: null,
              },
            }),
      }),
    onSuccess: (result) => {
      setPersonId('');
      setSearch('');
      setNewPerson({ givenName: '', familyName: '', sex: '', birthYear: '' });
      onChanged(result);
    },
    onError: (error) => setProblems(isApiProblem(error) ? [...error.fieldErrors] : []),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    save.mutate();
  };
  const placed = ['personId', 'relationshipToHead', 'person/givenName', 'person/familyName', 'person/sex', 'person/birthYear'];
  const unplaced = problems.filter((problem) => !placed.includes(problem.path.slice(1)));
  const personLabel = (person: Person) => `${displayName(person)} · ${person.registrationNumber}`;

  return (
    <form className="household-add" onSubmit={submit} noValidate data-testid="household-add">
      <fieldset className="mode-switch">
        <legend>{t('household.add.legend')}</legend>
        {(['registered', 'new'] as const).map((value) => (
          <label key={value} className="choice">
            <input type="radio" name={`household-add-${household.id}`} value={value} checked={source === value} data-testid={`household-add-${value}`}
              onChange={() => { setSource(value); setProblems([]); save.reset(); }} />
            {t(`household.add.${value}`)}
          </label>
        ))}
      </fieldset>
      {source === 'registered' ? (
        <>
          <TextField id="household-add-search" testId="household-add-search" type="search" label={t('household.add.search')} hint={t('household.add.searchHint')}
            value={search} onChange={setSearch} />
          <SelectField id="household-add-person" testId="household-add-person" label={t('household.add.person')} value={personId} empty={found.isFetching ? t('app.loading') : t('form.choose')}
            required options={(found.data ?? []).map((person) => ({ value: person.id, label: personLabel(person) }))}
            problems={problemsAtField(problems, 'personId')} onChange={setPersonId} />
        </>
      ) : (
        <div className="grid">
          <TextField id="household-add-given" testId="household-add-given" label={t('person.givenName')} value={newPerson.givenName}
            problems={problemsAtField(problems, 'person', 'givenName')} onChange={(givenName) => setNewPerson((current) => ({ ...current, givenName }))} />
          <TextField id="household-add-family" testId="household-add-family" label={t('person.familyName')} value={newPerson.familyName}
            problems={problemsAtField(problems, 'person', 'familyName')} onChange={(familyName) => setNewPerson((current) => ({ ...current, familyName }))} />
          <SelectField id="household-add-sex" testId="household-add-sex" label={t('person.sex')} value={newPerson.sex} options={sexes} empty={t('form.choose')} required
            problems={problemsAtField(problems, 'person', 'sex')} onChange={(sex) => setNewPerson((current) => ({ ...current, sex }))} />
          <TextField id="household-add-birth-year" testId="household-add-birth-year" type="number" label={t('person.birthYear')} value={newPerson.birthYear}
            problems={problemsAtField(problems, 'person', 'birthYear')} onChange={(birthYear) => setNewPerson((current) => ({ ...current, birthYear }))}
            inputProps={{ inputMode: 'numeric', min: 1880 }} />
        </div>
      )}
      <SelectField id="household-add-relationship" testId="household-add-relationship" label={t('person.relationshipToHead')} value={relationship} options={relationships}
        empty={t('form.choose')} required problems={problemsAtField(problems, 'relationshipToHead')} onChange={setRelationship} />
      {save.isError && problems.length === 0 && <ProblemMessage error={save.error} />}
      {unplaced.map((problem, index) => (
        <p key={index} className="problem" role="alert" data-code={problem.code}>{t(fieldErrorKey(problem.code))}</p>
      ))}
      <div className="actions">
        <button type="submit" data-testid="household-add-submit" disabled={save.isPending}>{save.isPending ? t('form.saving') : t('household.add.submit')}</button>
      </div>
    </form>
  );
}
