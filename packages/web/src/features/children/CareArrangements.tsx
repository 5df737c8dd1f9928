import type { BestInterests, CareArrangement, CareArrangementCreate, CareArrangementCreated, FieldProblem, Person } from '@waymark/contracts';
import { CARE_ARRANGEMENT_TYPES, type CareArrangementType } from '@waymark/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addCareArrangement, bestInterestsKey, childrenOverdueKey } from '../../api/children';
import { keys } from '../../api/keys';
import { getHousehold, getPerson } from '../../api/persons';
import { isApiProblem } from '../../api/problem';
import { Link } from '../../app/router';
import { useCan } from '../../app/session';
import { SelectField, TextField } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { displayName } from '../person/display-name';
import { FieldProblems } from './FieldProblems';
import { problemsAt, todayIso } from './child-facts';

/** Who has cared for the child, when; a new arrangement brings the BID review forward. */
export function CareArrangements({ person, record }: { person: Person; record: BestInterests }) {
  const { t } = useTranslation();
  const can = useCan();
  const [moved, setMoved] = useState<CareArrangementCreated['nextReview']>(null);
  const newestFirst = [...record.arrangements].sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0));
  return (
    <section aria-labelledby="care-heading" className="child-block">
      <h3 id="care-heading">{t('children.care.heading')}</h3>
      {newestFirst.length === 0 && <p className="muted">{t('children.care.none')}</p>}
      <ul className="plain-list" data-testid="care-list">
        {newestFirst.map((arrangement) => (
          <CareItem key={arrangement.id} arrangement={arrangement} current={record.currentArrangement?.id === arrangement.id} />
        ))}
      </ul>
      {moved && <MovedReview review={moved} />}
      {can('child.assess') && !person.anonymisedAt && <AddCareArrangement person={person} onAdded={setMoved} />}
    </section>
  );
}

function MovedReview({ review }: { review: NonNullable<CareArrangementCreated['nextReview']> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <p className="notice" role="status" data-testid="care-review-moved">
      {t('children.care.reviewScheduled', { date: formatDate(review.dueDate, language) })} {t(`children.review.reason.${review.reason}`)}
    </p>
  );
}

function CareItem({ arrangement, current }: { arrangement: CareArrangement; current: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li className="child-item" data-testid="care-arrangement" data-kind={arrangement.kind} data-current={current ? 'true' : 'false'}>
      <p>
        <strong>{t(`children.careType.${arrangement.kind}`)}</strong>
        {current && <> · <span className="current-mark">{t('children.care.current')}</span></>}
      </p>
      <p>
        {t('children.care.carer')}: <Carer carer={arrangement.carer} />
      </p>
      <p className="muted">
        {arrangement.endDate
          ? t('children.care.between', { from: formatDate(arrangement.startDate, language), to: formatDate(arrangement.endDate, language) })
          : t('children.care.since', { from: formatDate(arrangement.startDate, language) })}
      </p>
    </li>
  );
}

/** The carer's identity: a registered person by name (if the reader may see them), or the carer record's reference. */
function Carer({ carer }: { carer: CareArrangement['carer'] }) {
  const { t } = useTranslation();
  const personId = carer.kind === 'person' ? carer.personId : null;
  const found = useQuery({ queryKey: keys.person(personId ?? ''), queryFn: () => getPerson(personId!), enabled: personId !== null, retry: false });
  if (carer.kind === 'carer_record') return <span data-testid="carer">{t('children.care.carerRecord', { id: carer.carerId })}</span>;
  if (found.data) {
    return (
      <Link to={{ name: 'person', personId: carer.personId, screeningId: null }} data-testid="carer">
        <bdi>{displayName(found.data)}</bdi>
      </Link>
    );
  }
  return <span data-testid="carer" className="muted">{found.isError ? t('children.care.carerNotVisible') : t('app.loading')}</span>;
}

type CarerKind = 'person' | 'carer_record';

function AddCareArrangement({ person, onAdded }: { person: Person; onAdded: (review: CareArrangementCreated['nextReview']) => void }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const householdId = person.householdId;
  const household = useQuery({
    queryKey: keys.household(householdId ?? ''),
    queryFn: () => getHousehold(householdId!),
    enabled: householdId !== null && can('household.read'),
  });
  const members = (household.data?.members ?? []).filter((member) => member.id !== person.id);
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<CareArrangementType | ''>('');
  const [carerKind, setCarerKind] = useState<CarerKind>('carer_record');
  const [carerPersonId, setCarerPersonId] = useState('');
  const [carerId, setCarerId] = useState('');
  const [startDate, setStartDate] = useState(todayIso);
  const [endDate, setEndDate] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);

  const save = useMutation({
    mutationFn: () => {
      const input: CareArrangementCreate = {
        kind: kind as CareArrangementType,
        carer: carerKind === 'person' ? { kind: 'person', personId: carerPersonId } : { kind: 'carer_record', carerId },
        startDate,
        ...(endDate === '' ? {} : { endDate }),
      };
      return addCareArrangement(person.id, input);
    },
    onSuccess: (created) => {
      onAdded(created.nextReview);
      setOpen(false);
      setKind('');
      setCarerPersonId('');
      setCarerId('');
      setEndDate('');
      void queryClient.invalidateQueries({ queryKey: bestInterestsKey(person.id) });
      void queryClient.invalidateQueries({ queryKey: childrenOverdueKey });
    },
    onError: (error) => setProblems(isApiProblem(error) ? [...error.fieldErrors] : []),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    save.mutate();
  };
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} data-testid="care-start">{t('children.care.add')}</button>
    );
  }
  const carerProblems = [...problemsAt(problems, 'carer'), ...problemsAt(problems, 'carer', 'personId'), ...problemsAt(problems, 'carer', 'carerId')];
  return (
    <form className="stack" onSubmit={submit} data-testid="care-form" noValidate>
      <p className="hint">{t('children.care.addHint')}</p>
      <SelectField id="care-kind" label={t('children.care.kind')} value={kind} onChange={(value) => setKind(value as CareArrangementType | '')} options={CARE_ARRANGEMENT_TYPES.map((value) => ({ value, label: t(`children.careType.${value}`) }))} empty={t('form.choose')} problems={problemsAt(problems, 'kind')} testId="care-kind" />
      <fieldset className="field">
        <legend>{t('children.care.carerIs')}</legend>
        <label className="choice">
          <input type="radio" name="carer-kind" checked={carerKind === 'person'} onChange={() => setCarerKind('person')} data-testid="care-carer-person" />
          {t('children.care.carerPerson')}
        </label>
        <label className="choice">
          <input type="radio" name="carer-kind" checked={carerKind === 'carer_record'} onChange={() => setCarerKind('carer_record')} data-testid="care-carer-record" />
          {t('children.care.carerRecordChoice')}
        </label>
      </fieldset>
      {carerKind === 'person' && members.length > 0 && (
        <SelectField id="care-carer-person-id" label={t('children.care.carerFromHousehold')} value={carerPersonId} onChange={setCarerPersonId} options={members.map((member) => ({ value: member.id, label: displayName(member) }))} empty={t('form.choose')} problems={carerProblems} testId="care-carer-person-id" />
      )}
      {carerKind === 'person' && members.length === 0 && (
        <TextField id="care-carer-person-id" label={t('children.care.carerPersonId')} hint={t('children.care.carerPersonIdHint')} value={carerPersonId} onChange={setCarerPersonId} problems={carerProblems} testId="care-carer-person-id" />
      )}
      {carerKind === 'carer_record' && (
        <TextField id="care-carer-id" label={t('children.care.carerId')} hint={t('children.care.carerIdHint')} value={carerId} onChange={setCarerId} problems={carerProblems} testId="care-carer-id" inputProps={{ maxLength: 200 }} />
      )}
      <div className="grid">
        <TextField id="care-start" type="date" label={t('children.field.startDate')} value={startDate} onChange={setStartDate} problems={problemsAt(problems, 'startDate')} testId="care-start-date" />
        <TextField id="care-end" type="date" label={t('children.field.endDate')} hint={t('children.care.endHint')} value={endDate} onChange={setEndDate} problems={problemsAt(problems, 'endDate')} testId="care-end-date" />
      </div>
      <FieldProblems problems={problems} testId="care-problems" />
      {save.isError && problems.length === 0 && <ProblemMessage error={save.error} />}
      <div className="button-row">
        <button type="submit" disabled={save.isPending} data-testid="care-submit">{t('children.care.save')}</button>
        <button type="button" className="link-button" onClick={() => setOpen(false)}>{t('form.cancel')}</button>
      </div>
    </form>
  );
}
