import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { MFA_REQUIRED_ROLES, ROLES } from '@waymark/core';
import { useTranslation } from 'react-i18next';
import { ProblemMessage } from '../../components/ProblemMessage';
import { getOperationSecurity, setOperationSecurity } from './admin-api';

/**
 * The operation's second-factor policy. Roles that can read highly sensitive content need
 * a second factor whatever this says (the rule book); this adds everyone else working in
 * the operation (analysts, auditors). Members without one are led to enrol.
 */
export function SecurityPanel({ operationId }: { operationId: string }) {
  const { t, i18n } = useTranslation();
  // The roles come from the rule book, so this text follows it when clearances change.
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const required = list.format(ROLES.filter((role) => MFA_REQUIRED_ROLES.has(role)).map((role) => t(`role.${role}`)));
  const others = list.format(ROLES.filter((role) => !MFA_REQUIRED_ROLES.has(role)).map((role) => t(`role.${role}`)));
  const client = useQueryClient();
  const queryKey = ['admin', 'security', operationId];
  const current = useQuery({ queryKey, queryFn: ({ signal }) => getOperationSecurity(operationId, signal), retry: false });
  const [draft, setDraft] = useState<boolean | null>(null);
  const value = draft ?? current.data?.mfaRequired ?? false;
  const save = useMutation({
    mutationFn: () => setOperationSecurity(operationId, { mfaRequired: value }),
    onSuccess: async (saved) => {
      setDraft(null);
      client.setQueryData(queryKey, saved);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  return (
    <section className="card" aria-labelledby="admin-security-heading" data-testid="admin-security">
      <h2 id="admin-security-heading">{t('admin.security.heading')}</h2>
      <p>{t('admin.security.intro', { roles: required })}</p>
      {current.isError && <ProblemMessage error={current.error} />}
      {current.data && (
        <p data-testid="security-current">{t(current.data.mfaRequired ? 'admin.security.currentEveryone' : 'admin.security.currentSensitive')}</p>
      )}
      <form className="admin-form" onSubmit={submit} noValidate>
        <label className="choice">
          <input type="checkbox" data-testid="security-mfa-everyone" checked={value} disabled={!current.data}
            onChange={(event) => setDraft(event.target.checked)} />
          {t('admin.security.everyone', { others })}
        </label>
        <p className="hint">{t('admin.security.everyoneHint')}</p>
        {save.isError && <ProblemMessage error={save.error} />}
        {save.isSuccess && (
          <p className="notice" role="status" data-testid="security-saved">
            {t(save.data.mfaRequired ? 'admin.security.savedEveryone' : 'admin.security.savedSensitive')}
          </p>
        )}
        <button type="submit" data-testid="security-save" disabled={save.isPending || !current.data}>{t('admin.security.save')}</button>
      </form>
    </section>
  );
}
