import type { AuditEvent } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

/** Ids are shown in full: the trail holds ids and codes, never names. */
export function AuditTable({ events }: { events: readonly AuditEvent[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const columns = ['at', 'action', 'outcome', 'actor', 'resource', 'details', 'position'] as const;
  return (
    <table className="people-table audit-table">
      <thead>
        <tr>
          {columns.map((column) => <th key={column} scope="col">{t(`audit.column.${column}`)}</th>)}
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id} data-testid="audit-row" data-action={event.action}>
            <th scope="row" data-label={t('audit.column.at')}>
              <time dateTime={event.at}>{formatDateTime(event.at, language)}</time>
            </th>
            <td data-label={t('audit.column.action')}><code dir="ltr">{event.action}</code></td>
            <td data-label={t('audit.column.outcome')}>{t(`audit.outcome.${event.outcome}`)}</td>
            <td data-label={t('audit.column.actor')}><code dir="ltr">{event.actorId ?? t('audit.system')}</code></td>
            <td data-label={t('audit.column.resource')}>
              <code dir="ltr">{event.resourceType}{event.resourceId ? ` ${event.resourceId}` : ''}</code>
            </td>
            <td data-label={t('audit.column.details')}><code dir="ltr">{Object.keys(event.details).length > 0 ? JSON.stringify(event.details) : '—'}</code></td>
            <td data-label={t('audit.column.position')}>
              <code dir="ltr" title={event.hash}>{event.chain === 'global' ? t('audit.globalChain') : t('audit.operationChain')} #{event.seq}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
