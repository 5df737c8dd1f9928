import { AGENCY_KINDS, type Agency } from '@waymark/contracts';
import type { Actor } from '@waymark/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { SelectField, TextField, useVocabulary } from '../../components/fields';
import { adminKeys, createAgency, listAgencies } from './admin-api';
import { mayManageTeamsOf } from './grantable';
import { TeamsList } from './TeamsList';

/** The operation's agencies, each with its teams; create forms where the rule book allows. */
export function OrganisationPanel({ actor, operationId }: { actor: Actor; operationId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const agencies = useQuery({ queryKey: adminKeys.agencies(operationId), queryFn: ({ signal }) => listAgencies(operationId, signal), retry: false });
  // Teams are read per agency; below operation scope only one's own agency's are readable.
  const readable = (agency: Agency) => mayManageTeamsOf(actor, agency.id);

  return (
    <section className="card" aria-labelledby="admin-agencies-heading">
      <h2 id="admin-agencies-heading">{t('admin.agencies.heading')}</h2>
      {agencies.isPending && <p className="list-status">{t('app.loading')}</p>}
      {agencies.isError && <ProblemMessage error={agencies.error} />}
      {agencies.data && (
        <ul className="admin-agencies" data-testid="admin-agencies">
          {agencies.data.items.map((agency) => (
            <li key={agency.id} data-testid="admin-agency">
              <strong>{agency.name}</strong> <span className="hint">({agency.code}, {t(`agencyKind.${agency.kind}`)})</span>
              {readable(agency) && <TeamsList agencyId={agency.id} mayCreate={can('user.manage')} />}
            </li>
          ))}
        </ul>
      )}
      {can('agency.manage') && actor.scope === 'operation' && <CreateAgencyForm operationId={operationId} />}
    </section>
  );
}

function CreateAgencyForm({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const kinds = useVocabulary('agencyKind', AGENCY_KINDS);
  const [draft, setDraft] = useState({ code: '', name: '', kind: 'ngo' as (typeof AGENCY_KINDS)[number] });
  const save = useMutation({
    mutationFn: () => createAgency(operationId, draft),
    onSuccess: () => {
      setDraft({ code: '', name: '', kind: 'ngo' });
      void client.invalidateQueries({ queryKey: adminKeys.agencies(operationId) });
    },
  });
  const problems = (field: string) => (isApiProblem(save.error) ? save.error.fieldErrors.filter((problem) => problem.path === `/${field}`) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby="admin-create-agency" data-testid="admin-create-agency">
      <h3 id="admin-create-agency">{t('admin.agencies.create')}</h3>
      <TextField id="new-agency-name" label={t('admin.agencies.name')} value={draft.name} onChange={(name) => setDraft({ ...draft, name })} problems={problems('name')} />
      <TextField
        id="new-agency-code"
        label={t('admin.agencies.code')}
        hint={t('admin.agencies.codeHint')}
        value={draft.code}
        onChange={(code) => setDraft({ ...draft, code })}
        problems={problems('code')}
      />
      <SelectField
        id="new-agency-kind"
        label={t('admin.agencies.kind')}
        value={draft.kind}
        onChange={(kind) => setDraft({ ...draft, kind: kind as (typeof AGENCY_KINDS)[number] })}
        options={kinds}
        problems={problems('kind')}
      />
      {save.isError && <ProblemMessage error={save.error} />}
      <button type="submit" disabled={save.isPending}>
        {t('admin.agencies.createButton')}
      </button>
    </form>
  );
}
