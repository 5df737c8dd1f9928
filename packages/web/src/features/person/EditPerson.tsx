import { keys } from '../../api/keys';
import type { FieldProblem, PersonDetail } from '@waymark/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { getPerson, listSites, updatePerson } from '../../api/persons';
import { ProblemMessage } from '../../components/ProblemMessage';
import { groupBySlot } from '../registration/field-errors';
import { MemberFields } from '../registration/MemberFields';
import { PlacementFields, type Placement } from '../registration/PlacementFields';
import { ProblemSummary } from '../registration/ProblemSummary';
import { SitePicker } from '../registration/SitePicker';
import { draftFromPerson, placementChanges, validatePersonUpdate } from './person-edit';

interface Props {
  person: PersonDetail;
  onDone: () => void;
}

export function EditPerson({ person, onDone }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftFromPerson(person));
  const [siteId, setSiteId] = useState(person.siteId ?? '');
  const [placement, setPlacement] = useState<Placement>({ setting: person.setting ?? '', adminAreaCode: person.adminAreaCode ?? '' });
  const sites = useQuery({ queryKey: keys.sites, queryFn: listSites, staleTime: 5 * 60_000 });
  const operationSites = (sites.data?.items ?? []).filter((site) => site.operationId === person.operationId);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const today = new Date();

  const save = useMutation({
    mutationFn: async () => {
      const checked = validatePersonUpdate(person, draft, today);
      if (!checked.ok) {
        setProblems(checked.problems);
        return null;
      }
      return updatePerson(person.id, { ...checked.body, ...placementChanges(person, siteId, placement) });
    },
    onSuccess: (saved) => {
      if (!saved) return;
      queryClient.setQueryData(keys.person(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.persons });
      void queryClient.invalidateQueries({ queryKey: keys.households });
      onDone();
    },
    onError: (error) => setProblems(isApiProblem(error) ? [...error.fieldErrors] : []),
  });
  const conflict = isApiProblem(save.error) && save.error.code === 'version_conflict';

  // Dropping local edits is the user's choice: they see the message first, then reload.
  const reload = async () => {
    const fresh = await queryClient.fetchQuery({ queryKey: keys.person(person.id), queryFn: () => getPerson(person.id), staleTime: 0 });
    setDraft(draftFromPerson(fresh));
    setSiteId(fresh.siteId ?? '');
    setPlacement({ setting: fresh.setting ?? '', adminAreaCode: fresh.adminAreaCode ?? '' });
    setProblems([]);
    save.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    save.mutate();
  };
  const slots = groupBySlot(problems, 'person');
  return (
    <form onSubmit={submit} noValidate className="edit-person">
      {conflict ? (
        <div className="problem-summary" role="alert" data-testid="version-conflict">
          <p>{t('problem.version_conflict')}</p>
          <p>{t('person.conflictHint')}</p>
          <button type="button" onClick={() => void reload()}>{t('person.reload')}</button>
        </div>
      ) : (
        save.isError && problems.length === 0 && <ProblemMessage error={save.error} />
      )}
      <ProblemSummary problems={problems} slots={slots} />
      <MemberFields index={0} mode="person" draft={draft} problems={slots} today={today}
        onChange={(patch) => setDraft((current) => ({ ...current, ...patch }))} />
      <fieldset className="card site-card">
        <legend>{t('person.placement')}</legend>
        <SitePicker sites={operationSites} value={siteId} onChange={setSiteId} problems={slots.get('site')} />
        <PlacementFields idPrefix="edit-placement" value={placement} site={operationSites.find((site) => site.id === siteId) ?? null}
          settingProblems={slots.get('setting')} areaProblems={slots.get('area')} onChange={setPlacement} />
      </fieldset>
      <div className="actions">
        <button type="button" className="secondary" onClick={onDone}>{t('form.cancel')}</button>
        <button type="submit" data-testid="save-person" disabled={save.isPending || conflict}>{save.isPending ? t('form.saving') : t('form.save')}</button>
      </div>
    </form>
  );
}
