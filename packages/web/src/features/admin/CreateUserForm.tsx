import type { Agency, UserCreated } from '@waymark/contracts';
import type { Actor, Role, Scope } from '@waymark/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../../api/problem';
import { ProblemMessage } from '../../components/ProblemMessage';
import { SelectField, TextField } from '../../components/fields';
import { adminKeys, createUser } from './admin-api';
import { grantableAgencies, grantableRoles, grantableScopes } from './grantable';

interface Draft {
  email: string;
  displayName: string;
  agencyId: string;
  role: string;
  scope: string;
}

/**
 * A new user in this operation. Agency, role and scope offer only what the rule book lets
 * this actor grant; the one-time password is shown once, here, and never again.
 */
export function CreateUserForm({ actor, operationId, agencies }: { actor: Actor; operationId: string; agencies: readonly Agency[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const allowedAgencies = grantableAgencies(actor, agencies);
  const [draft, setDraft] = useState<Draft>({ email: '', displayName: '', agencyId: allowedAgencies[0]?.id ?? '', role: '', scope: '' });
  const [created, setCreated] = useState<UserCreated | null>(null);
  const roles = draft.agencyId ? grantableRoles(actor, { operationId, agencyId: draft.agencyId }) : [];
  const role = roles.includes(draft.role as Role) ? (draft.role as Role) : null;
  const scopes = role ? grantableScopes(actor, { operationId, agencyId: draft.agencyId, role }) : [];
  const scope = scopes.includes(draft.scope as Scope) ? (draft.scope as Scope) : null;

  const save = useMutation({
    mutationFn: () =>
      createUser({
        email: draft.email,
        displayName: draft.displayName,
        agencyId: draft.agencyId,
        role: role ?? 'caseworker',
        scope: scope ?? 'own',
        operationIds: [operationId],
        teamIds: [],
      }),
    onSuccess: (result) => {
      setCreated(result);
      setDraft({ ...draft, email: '', displayName: '' });
      void client.invalidateQueries({ queryKey: adminKeys.users });
    },
  });
  const set = (field: keyof Draft) => (value: string) => setDraft({ ...draft, [field]: value });
  const problems = (field: string) => (isApiProblem(save.error) ? save.error.fieldErrors.filter((problem) => problem.path === `/${field}`) : undefined);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    save.mutate();
  };

  if (allowedAgencies.length === 0) return null;
  return (
    <form className="admin-form" onSubmit={submit} aria-labelledby="admin-create-user" data-testid="admin-create-user">
      <h3 id="admin-create-user">{t('admin.users.create')}</h3>
      <TextField id="new-user-email" type="email" label={t('admin.users.email')} value={draft.email} onChange={set('email')} problems={problems('email')} testId="new-user-email" />
      <TextField id="new-user-name" label={t('admin.users.name')} value={draft.displayName} onChange={set('displayName')} problems={problems('displayName')} testId="new-user-name" />
      <SelectField
        id="new-user-agency"
        label={t('admin.users.agency')}
        value={draft.agencyId}
        onChange={set('agencyId')}
        options={allowedAgencies.map((agency) => ({ value: agency.id, label: agency.name }))}
        problems={problems('agencyId')}
        testId="new-user-agency"
      />
      <SelectField
        id="new-user-role"
        label={t('admin.users.role')}
        value={role ?? ''}
        onChange={set('role')}
        empty={t('admin.choose')}
        required
        options={roles.map((value) => ({ value, label: t(`role.${value}`) }))}
        problems={problems('role')}
        testId="new-user-role"
      />
      <SelectField
        id="new-user-scope"
        label={t('admin.users.scope')}
        hint={t('admin.users.scopeHint')}
        value={scope ?? ''}
        onChange={set('scope')}
        empty={t('admin.choose')}
        required
        options={scopes.map((value) => ({ value, label: t(`scope.${value}`) }))}
        problems={problems('scope')}
        testId="new-user-scope"
      />
      {save.isError && <ProblemMessage error={save.error} />}
      <button type="submit" disabled={save.isPending || role === null || scope === null} data-testid="new-user-save">
        {t('admin.users.createButton')}
      </button>
      {created && (
        <div className="notice" role="status" data-testid="new-user-created">
          <p>{t('admin.users.created', { email: created.user.email })}</p>
          <p>
            {t('admin.users.oneTimePassword')} <code data-testid="new-user-password">{created.oneTimePassword}</code>
          </p>
          <p>{t('admin.users.oneTimePasswordHint')}</p>
        </div>
      )}
    </form>
  );
}
