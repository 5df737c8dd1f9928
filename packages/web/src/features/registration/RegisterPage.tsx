import { keys } from '../../api/keys';
import type { FieldProblem } from '@waymark/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { isApiProblem } from '../../api/problem';
import { createHousehold, createPerson, listSites } from '../../api/persons';
import { navigate } from '../../shared/router';
import { useSession } from '../../shared/session';
import { SelectField } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { groupBySlot, type RegistrationMode } from './field-errors';
import { emptyMember, validateHousehold, validatePerson, type MemberDraft } from './member-draft';
import { MemberFields } from './MemberFields';
import { ProblemSummary } from './ProblemSummary';
import { emptyPlacement, PlacementFields, placementFields } from './PlacementFields';
import { SitePicker } from './SitePicker';

export function RegisterPage() {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const sites = useQuery({ queryKey: keys.sites, queryFn: listSites, staleTime: 5 * 60_000 });
  const [mode, setMode] = useState<RegistrationMode>('person');
  // Ids are made here, once, so a retried submit cannot register the same people twice.
  const [householdId] = useState(() => uuidv7());
  const [drafts, setDrafts] = useState<MemberDraft[]>(() => [emptyMember(uuidv7(), 'head')]);
  const [siteId, setSiteId] = useState('');
  const [placement, setPlacement] = useState(emptyPlacement);
  const [operationId, setOperationId] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  const today = new Date();

  const site = sites.data?.items.find((candidate) => candidate.id === siteId) ?? null;
  const chosenOperation = site?.operationId ?? (session.operations.length === 1 ? undefined : operationId || undefined);
  const members = mode === 'person' ? drafts.slice(0, 1) : drafts;
  const headId = drafts[drafts.findIndex((draft) => draft.relationshipToHead === 'head')]?.key ?? drafts[0]?.key;

  const register = useMutation({
    mutationFn: async (): Promise<string | null> => {
      if (mode === 'person') {
        const checked = validatePerson(members[0]!, site, chosenOperation, today);
        if (!checked.ok) return showProblems(checked.problems);
        return (await createPerson({ ...checked.body, ...placementFields(placement), id: members[0]!.key })).id;
      }
      const checked = validateHousehold(members, site, chosenOperation, today);
      if (!checked.ok) return showProblems(checked.problems);
      const body = { ...checked.body, id: householdId, members: checked.body.members.map((member, i) => ({ ...member, ...placementFields(placement), id: members[i]!.key })) };
      const household = await createHousehold(body);
      return household.headPersonId ?? household.members[0]?.id ?? null;
    },
    onSuccess: (personId) => {
      if (personId === null) return;
      void queryClient.invalidateQueries({ queryKey: keys.persons });
      navigate({ name: 'person', personId, screeningId: null });
    },
    onError: (error) => {
      // The first attempt went through but its answer was lost: the record is there.
      if (isApiProblem(error) && error.code === 'duplicate_id' && headId) {
        navigate({ name: 'person', personId: headId, screeningId: null });
        return;
      }
      showProblems(isApiProblem(error) ? [...error.fieldErrors] : []);
    },
  });

  function showProblems(found: FieldProblem[]): null {
    setProblems(found);
    requestAnimationFrame(() => summary.current?.focus());
    return null;
  }

  const slots = groupBySlot(problems, mode);
  const update = (index: number, patch: Partial<MemberDraft>) =>
    setDrafts((current) => current.map((draft, i) => (i === index ? { ...draft, ...patch } : draft)));
  const chooseMode = (next: RegistrationMode) => {
    setMode(next);
    setProblems([]);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    register.mutate();
  };

  return (
    <section>
      <h1 tabIndex={-1}>{t('register.heading')}</h1>
      <form onSubmit={submit} noValidate className="register-form">
        <fieldset className="mode-switch">
          <legend>{t('register.modeLegend')}</legend>
          {(['person', 'household'] as const).map((value) => (
            <label key={value} className="choice">
              <input type="radio" name="mode" value={value} data-testid={`mode-${value}`} checked={mode === value}
                onChange={() => chooseMode(value)} />
              {t(`register.mode.${value}`)}
            </label>
          ))}
        </fieldset>
        <div ref={summary} tabIndex={-1} className="summary-anchor">
          {register.isError && !(isApiProblem(register.error) && register.error.fieldErrors.length > 0) && (
            <ProblemMessage error={register.error} />
          )}
          <ProblemSummary problems={problems} slots={slots} />
        </div>
        <div className="card site-card">
          {session.operations.length > 1 && !site && (
            <SelectField id="operation" label={t('register.operation')} value={operationId} empty={t('form.choose')}
              options={session.operations.map((operation) => ({ value: operation.id, label: operation.name }))}
              problems={slots.get('operation')} onChange={setOperationId} />
          )}
          {sites.isError ? <ProblemMessage error={sites.error} /> : (
            <SitePicker sites={sites.data?.items ?? []} value={siteId} onChange={setSiteId} problems={slots.get('site')} />
          )}
          <PlacementFields idPrefix="placement" value={placement} site={site} settingProblems={slots.get('setting')} areaProblems={slots.get('area')} onChange={setPlacement} />
        </div>
        {members.map((draft, index) => (
          <MemberFields key={draft.key} index={index} mode={mode} draft={draft} problems={slots} today={today}
            onChange={(patch) => update(index, patch)}
            {...(mode === 'household' && members.length > 1
              ? { onRemove: () => setDrafts((current) => current.filter((_, i) => i !== index)) }
              : {})} />
        ))}
        <div className="actions">
          {mode === 'household' && (
            <button type="button" data-testid="add-member" className="secondary"
              onClick={() => setDrafts((current) => [...current, emptyMember(uuidv7(), '')])}>
              {t('register.addMember')}
            </button>
          )}
          <button type="submit" data-testid="submit-registration" disabled={register.isPending}>
            {register.isPending ? t('form.saving') : t(`register.submit.${mode}`)}
          </button>
        </div>
      </form>
    </section>
  );
}
