import type { FieldProblem, Person } from '@waymark/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bestInterestsKey } from '../../api/children';
import { keys } from '../../api/keys';
import { updatePerson } from '../../api/persons';
import { isApiProblem } from '../../api/problem';
import { SelectField, useVocabulary } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { FieldProblems } from './FieldProblems';
import { problemsAt } from './child-facts';

const WITHOUT_PARENTS = ['separated', 'unaccompanied'] as const;
type WithoutParents = (typeof WITHOUT_PARENTS)[number];

/**
 * Records that a child is without their parents' care. It changes the registered care
 * situation (at the version read), which is what makes a Best Interests Assessment required.
 */
export function IdentifyChild({ person }: { person: Person }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [situation, setSituation] = useState<WithoutParents | ''>('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const options = useVocabulary('careSituation', WITHOUT_PARENTS);
  const save = useMutation({
    mutationFn: (careSituation: WithoutParents) => updatePerson(person.id, { version: person.version, careSituation }),
    onSuccess: (saved) => {
      queryClient.setQueryData(keys.person(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: bestInterestsKey(saved.id) });
      void queryClient.invalidateQueries({ queryKey: keys.persons });
    },
    onError: (error) => setProblems(isApiProblem(error) ? [...error.fieldErrors] : []),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    if (situation !== '') save.mutate(situation);
  };
  return (
    <form className="stack" onSubmit={submit} data-testid="identify-child">
      <p className="hint">{t('children.identifyHint')}</p>
      <SelectField
        id="identify-situation"
        label={t('children.identifyAs')}
        value={situation}
        onChange={(value) => setSituation(value as WithoutParents | '')}
        options={options}
        empty={t('form.choose')}
        problems={problemsAt(problems, 'careSituation')}
        testId="identify-situation"
      />
      <FieldProblems problems={problems} testId="identify-problems" />
      {save.isError && problems.length === 0 && <ProblemMessage error={save.error} />}
      <button type="submit" disabled={situation === '' || save.isPending} data-testid="identify-submit">{t('children.identify')}</button>
    </form>
  );
}
