import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan, useSession } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { SelectField } from '../../components/fields';
import { BoundariesPanel } from './BoundariesPanel';
import { DisclosurePanel } from './DisclosurePanel';
import { actorOf } from './grantable';
import { OrganisationPanel } from './OrganisationPanel';
import { SecurityPanel } from './SecurityPanel';
import { SitesPanel } from './SitesPanel';
import { UsersPanel } from './UsersPanel';

/**
 * Administration: users, agencies and teams. What the forms offer comes from the same rule
 * book the server enforces (core checkGrant), so nobody is shown a grant they cannot make.
 */
export function AdminPage() {
  const { t } = useTranslation();
  const session = useSession();
  const actor = actorOf(session);
  const can = useCan();
  const [operationId, setOperationId] = useState(session.operations[0]?.id ?? '');
  if (!actor) return <ProblemMessage error={null} />;
  return (
    <section className="admin">
      <h1 tabIndex={-1}>{t('admin.heading')}</h1>
      <p>{t('admin.intro')}</p>
      {session.operations.length > 1 && (
        <SelectField
          id="admin-operation"
          label={t('admin.operation')}
          value={operationId}
          onChange={setOperationId}
          options={session.operations.map((operation) => ({ value: operation.id, label: operation.name }))}
          testId="admin-operation"
        />
      )}
      {operationId === '' ? (
        <p className="empty">{t('admin.noOperation')}</p>
      ) : (
        <>
          <UsersPanel actor={actor} operationId={operationId} />
          <OrganisationPanel actor={actor} operationId={operationId} />
          {/* Who must use a second factor: set by administrators of a whole operation. */}
          {can('agency.manage') && actor.scope === 'operation' && <SecurityPanel key={`security-${operationId}`} operationId={operationId} />}
          {/* Where people are registered: sites are the operation's, set up by its administrators. */}
          {can('agency.manage') && actor.scope === 'operation' && <SitesPanel key={`sites-${operationId}`} operationId={operationId} />}
          {/* The operation's map: its own boundaries and its disclosure threshold k. */}
          {can('aggregate.manage') && (
            <>
              <BoundariesPanel key={`boundaries-${operationId}`} operationId={operationId} />
              <DisclosurePanel key={`disclosure-${operationId}`} operationId={operationId} />
            </>
          )}
        </>
      )}
    </section>
  );
}
