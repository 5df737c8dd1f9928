import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { ProblemMessage } from '../../components/ProblemMessage';
import { TextField } from '../../components/fields';
import { adminKeys, createTeam, listTeams } from './admin-api';

/** One agency's teams, with how many members each has, and a form to add one. */
export function TeamsList({ agencyId, mayCreate }: { agencyId: string; mayCreate: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const teams = useQuery({ queryKey: adminKeys.teams(agencyId), queryFn: ({ signal }) => listTeams(agencyId, signal), retry: false });
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () => createTeam(agencyId, { name }),
    onSuccess: () => {
      setName('');
      void client.invalidateQueries({ queryKey: adminKeys.teams(agencyId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const problems = isApiProblem(save.error) ? save.error.fieldErrors.filter((problem) => problem.path === '/name') : undefined;
  return (
    <div className="admin-teams">
      {teams.isError && <ProblemMessage error={teams.error} />}
      {teams.data && teams.data.items.length === 0 && <p className="hint">{t('admin.teams.none')}</p>}
      {teams.data && teams.data.items.length > 0 && (
        <ul data-testid="admin-teams">
          {teams.data.items.map((team) => (
            <li key={team.id}>{t('admin.teams.entry', { name: team.name, count: team.memberIds.length })}</li>
          ))}
        </ul>
      )}
      {mayCreate && (
        <form className="admin-inline-form" onSubmit={submit} data-testid="admin-create-team">
          <TextField id={`new-team-${agencyId}`} label={t('admin.teams.newName')} value={name} onChange={setName} problems={problems} />
          {save.isError && <ProblemMessage error={save.error} />}
          <button type="submit" className="secondary" disabled={save.isPending || name.trim() === ''}>
            {t('admin.teams.createButton')}
          </button>
        </form>
      )}
    </div>
  );
}
