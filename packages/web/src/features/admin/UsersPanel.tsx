import type { Actor } from '@waymark/core';
import type { User } from '@waymark/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { adminKeys, listAgencies, listUsers, setUserDisabled } from './admin-api';
import { CreateUserForm } from './CreateUserForm';
import { mayManage } from './grantable';
import { ResetAccessForm } from './ResetAccessForm';

/** The users the server lets this reader see, with disable and enable where the rule book allows. */
export function UsersPanel({ actor, operationId }: { actor: Actor; operationId: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const client = useQueryClient();
  const [resetting, setResetting] = useState<User | null>(null);
  const users = useQuery({ queryKey: adminKeys.users, queryFn: ({ signal }) => listUsers(200, 0, signal), retry: false });
  const agencies = useQuery({ queryKey: adminKeys.agencies(operationId), queryFn: ({ signal }) => listAgencies(operationId, signal), retry: false });
  const toggle = useMutation({
    mutationFn: ({ id, disabled }: { id: string; disabled: boolean }) => setUserDisabled(id, disabled),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.users }),
  });
  const agencyName = (id: string | null) => agencies.data?.items.find((agency) => agency.id === id)?.name ?? '—';
  const shown = users.data?.items.filter((user) => user.operationIds.includes(operationId)) ?? [];

  return (
    <section className="card" aria-labelledby="admin-users-heading">
      <h2 id="admin-users-heading">{t('admin.users.heading')}</h2>
      {users.isPending && <p className="list-status">{t('app.loading')}</p>}
      {users.isError && <ProblemMessage error={users.error} />}
      {toggle.isError && <ProblemMessage error={toggle.error} />}
      {users.data && shown.length === 0 && <p className="empty">{t('admin.users.none')}</p>}
      {shown.length > 0 && (
        <table className="people-table" data-testid="admin-users">
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.email')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.scope')}</th>
              <th scope="col">{t('admin.users.agency')}</th>
              <th scope="col">{t('admin.users.status')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.users.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((user) => (
              <tr key={user.id} data-testid="admin-user-row">
                <td>{user.displayName}</td>
                <td>{user.email}</td>
                <td>{t(`role.${user.role}`)}</td>
                <td>{t(`scope.${user.scope}`)}</td>
                <td>{agencyName(user.agencyId)}</td>
                <td>{user.disabledAt ? t('admin.users.disabled') : user.mustChangePassword ? t('admin.users.pending') : t('admin.users.active')}</td>
                <td>
                  {can('user.manage') && mayManage(actor, user) && user.id !== actor.userId && (
                    <button type="button" className="secondary" data-testid="admin-reset-access" onClick={() => setResetting(user)}>
                      {t('accessReset.button')}
                    </button>
                  )}
                  {can('user.manage') && mayManage(actor, user) && (
                    <button
                      type="button"
                      className="secondary"
                      data-testid={user.disabledAt ? 'admin-enable' : 'admin-disable'}
                      disabled={toggle.isPending}
                      onClick={() => toggle.mutate({ id: user.id, disabled: user.disabledAt === null })}
                    >
                      {user.disabledAt ? t('admin.users.enable') : t('admin.users.disable')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {resetting && <ResetAccessForm key={resetting.id} user={resetting} onClose={() => setResetting(null)} />}
      {can('user.manage') && agencies.data && <CreateUserForm actor={actor} operationId={operationId} agencies={agencies.data.items} />}
    </section>
  );
}
