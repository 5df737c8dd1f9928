import { PROGRAMME_KINDS, type ProgrammeKind } from '@waymark/core';
import type { FieldProblem } from '@waymark/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { createProgramme, listProgrammes } from '../../api/programmes';
import { Link, navigate } from '../../shared/router';
import { useCan } from '../../shared/session';
import { FieldError } from '../../components/FieldError';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { RuleBuilder } from './RuleBuilder';
import { newCondition, ruleOf, type RuleDraft } from './rule-draft';

/** Prevention programmes: the list, and (for those who define them) a new one from a targeting rule. */
export function ProgrammesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const programmes = useQuery({ queryKey: ['programmes'], queryFn: listProgrammes });
  return (
    <section aria-labelledby="programmes-heading">
      <h1 id="programmes-heading" tabIndex={-1}>{t('programmes.heading')}</h1>
      <p className="muted">{t('programmes.intro')}</p>
      {programmes.isPending && <p role="status">{t('app.loading')}</p>}
      {programmes.isError && <ProblemMessage error={programmes.error} />}
      {programmes.data && programmes.data.items.length === 0 && <p className="muted">{t('programmes.none')}</p>}
      {programmes.data && programmes.data.items.length > 0 && (
        <table className="people-table" data-testid="programme-list">
          <thead>
            <tr>
              <th scope="col">{t('programmes.name')}</th>
              <th scope="col">{t('programmes.kindLabel')}</th>
              <th scope="col">{t('programmes.enrolled')}</th>
              <th scope="col">{t('programmes.capacity')}</th>
              <th scope="col">{t('programmes.sessions')}</th>
            </tr>
          </thead>
          <tbody>
            {programmes.data.items.map((programme) => (
              <tr key={programme.id} data-testid="programme-row">
                <th scope="row"><Link to={{ name: 'programme', programmeId: programme.id }}>{programme.name}</Link></th>
                <td data-label={t('programmes.kindLabel')}>{t(`programmes.kind.${programme.kind}`)}</td>
                <td data-label={t('programmes.enrolled')}>{programme.enrolled === null ? t('reports.suppressed') : formatNumber(programme.enrolled, language)}</td>
                <td data-label={t('programmes.capacity')}>{formatNumber(programme.capacity, language)}</td>
                <td data-label={t('programmes.sessions')}>{formatNumber(programme.sessions, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can('programme.manage') && <NewProgrammeForm />}
    </section>
  );
}

const firstDraft = (): RuleDraft => ({ combinator: 'all', conditions: [newCondition('sex')] });

function NewProgrammeForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ProgrammeKind>('trafficking_awareness');
  const [capacity, setCapacity] = useState('50');
  const [areas, setAreas] = useState('');
  const [draft, setDraft] = useState<RuleDraft>(firstDraft);
  const create = useMutation({
    mutationFn: () =>
      createProgramme({
        name,
        kind,
        capacity: Number(capacity),
        rule: ruleOf(draft),
        adminAreaCodes: areas.split(',').map((a) => a.trim()).filter((a) => a !== ''),
      }),
    onSuccess: async (programme) => {
      await queryClient.invalidateQueries({ queryKey: ['programmes'] });
      navigate({ name: 'programme', programmeId: programme.id });
    },
  });
  const problems: readonly FieldProblem[] = isApiProblem(create.error) ? create.error.fieldErrors : [];
  const at = (path: string) => problems.filter((p) => p.path === path);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <form className="card" onSubmit={submit} noValidate data-testid="programme-form">
      <h2>{t('programmes.new')}</h2>
      <div className="field">
        <label htmlFor="programme-name">{t('programmes.name')}</label>
        <input id="programme-name" data-testid="programme-name" value={name} onChange={(e) => setName(e.target.value)} aria-describedby="programme-name-error" />
        <FieldError id="programme-name-error" problems={at('/name')} />
      </div>
      <div className="field">
        <label htmlFor="programme-kind">{t('programmes.kindLabel')}</label>
        <select id="programme-kind" data-testid="programme-kind" value={kind} onChange={(e) => setKind(e.target.value as ProgrammeKind)}>
          {PROGRAMME_KINDS.map((k) => (
            <option key={k} value={k}>{t(`programmes.kind.${k}`)}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="programme-capacity">{t('programmes.capacity')}</label>
        <input id="programme-capacity" data-testid="programme-capacity" inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} aria-describedby="programme-capacity-error" />
        <FieldError id="programme-capacity-error" problems={at('/capacity')} />
      </div>
      <div className="field">
        <label htmlFor="programme-areas">{t('programmes.areas')}</label>
        <input id="programme-areas" data-testid="programme-areas" value={areas} onChange={(e) => setAreas(e.target.value)} aria-describedby="programme-areas-hint" />
        <span className="hint" id="programme-areas-hint">{t('programmes.areasHint')}</span>
      </div>
      <RuleBuilder draft={draft} onChange={setDraft} serverProblems={problems} />
      {create.isError && <ProblemMessage error={create.error} />}
      <button type="submit" data-testid="programme-create" disabled={create.isPending}>{t('programmes.create')}</button>
    </form>
  );
}
