import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getAggregates, type AggregateRequest } from '../../api/population';
import { isApiProblem } from '../../api/problem';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { TextField } from '../../components/fields';
import { setDisclosureThreshold } from './admin-api';

/** Waymark's default k (server DEFAULT_SUPPRESSION_THRESHOLD); CTDC publishes with 11. */
const DEFAULT_K = 5;

/**
 * The operation's disclosure threshold k: every published count from 1 to k − 1 is withheld
 * (map, tables, exports). The current k is read from a published table, the same one the
 * risk map opens with, so the two never disagree.
 */
export function DisclosurePanel({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const probe: AggregateRequest = { operationId, view: 'risk_level', by: 'area', level: 1 };
  const current = useQuery({
    queryKey: ['population', 'aggregates', probe],
    queryFn: ({ signal }) => getAggregates(probe, signal),
    enabled: can('aggregate.read'),
    retry: false,
  });
  const [draft, setDraft] = useState<string | null>(null);
  const k = current.data?.suppressionThreshold;
  const value = draft ?? String(k ?? DEFAULT_K);
  const save = useMutation({
    mutationFn: () => setDisclosureThreshold(operationId, { minCellCount: Number(value) }),
    onSuccess: async () => {
      setDraft(null);
      await client.invalidateQueries({ queryKey: ['population'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const problems = isApiProblem(save.error) ? save.error.fieldErrors.filter((problem) => problem.path === '/minCellCount') : undefined;

  return (
    <section className="card" aria-labelledby="admin-disclosure-heading" data-testid="admin-disclosure">
      <h2 id="admin-disclosure-heading">{t('admin.disclosure.heading')}</h2>
      <p>{t('admin.disclosure.intro', { default: DEFAULT_K })}</p>
      <p className="hint">{t('admin.disclosure.ctdc')}</p>
      {k !== undefined && <p data-testid="disclosure-current">{t('admin.disclosure.current', { k })}</p>}
      <form className="admin-form" onSubmit={submit} noValidate>
        <TextField id="disclosure-k" testId="disclosure-k" type="number" label={t('admin.disclosure.k')} hint={t('admin.disclosure.kHint')}
          value={value} onChange={setDraft} problems={problems} inputProps={{ min: 2, max: 100, step: 1 }} />
        {save.isError && <ProblemMessage error={save.error} />}
        {save.isSuccess && <p className="notice" role="status" data-testid="disclosure-saved">{t('admin.disclosure.saved', { k: save.data.minCellCount })}</p>}
        <button type="submit" data-testid="disclosure-save" disabled={save.isPending}>{t('admin.disclosure.save')}</button>
      </form>
    </section>
  );
}
