import type { AuditEvent } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { detailFields, keyAsWords, type DetailValue } from './audit-details';

type Translate = ReturnType<typeof useTranslation>['t'];

/** Where the words for a detail field's codes are, by field. */
const VOCABULARIES: Record<string, readonly string[]> = {
  event: ['cases.event'],
  document: ['cases.timelineDetail.document'],
  priority: ['risk'],
  outcome: ['audit.outcome'],
  role: ['role'],
  from: ['cases.status', 'cases.taskStatus', 'role'],
  to: ['cases.status', 'cases.taskStatus', 'role'],
  status: ['cases.taskStatus', 'cases.status'],
  kind: ['cases.kind'],
};

/**
 * The trail as an auditor reads it: staff by name (the id kept in a tooltip and for the
 * filters), details as labelled fields. Other ids stay in full: the trail holds ids and
 * codes, never a person's data.
 */
export function AuditTable({ events, userNames }: { events: readonly AuditEvent[]; userNames: Record<string, string> }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const columns = ['at', 'action', 'outcome', 'actor', 'resource', 'details', 'position'] as const;
  // A key without written words yet: as words in English, said to be untranslated in Arabic (never the bare code alone).
  const label = (key: string, within = 'audit.detail') => (i18n.exists(`${within}.${key}`) ? t(`${within}.${key}`) : language === 'en' ? keyAsWords(key) : t('audit.detailOther', { key }));
  // A code in the details in words, where a vocabulary for that field exists.
  const codeWords = (key: string, code: string): string | null => {
    for (const within of VOCABULARIES[key] ?? []) if (i18n.exists(`${within}.${code}`)) return t(`${within}.${code}`);
    return null;
  };
  const actionWords = (action: string) => (i18n.exists(`cases.timelineKind.${action}`) ? t(`cases.timelineKind.${action}`) : null);
  return (
    <table className="people-table audit-table">
      <thead>
        <tr>
          {columns.map((column) => <th key={column} scope="col">{t(`audit.column.${column}`)}</th>)}
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const fields = detailFields(event.details, userNames);
          const words = actionWords(event.action);
          return (
            <tr key={event.id} data-testid="audit-row" data-action={event.action}>
              <th scope="row" data-label={t('audit.column.at')}>
                <time dateTime={event.at}>{formatDateTime(event.at, language)}</time>
              </th>
              <td data-label={t('audit.column.action')}>
                {words && <span className="block">{words}</span>}
                <code dir="ltr" className={words ? 'muted' : undefined}>{event.action}</code>
              </td>
              <td data-label={t('audit.column.outcome')}>{t(`audit.outcome.${event.outcome}`)}</td>
              <td data-label={t('audit.column.actor')} data-testid="audit-row-actor">
                {event.actorId === null ? t('audit.system') : <Staff id={event.actorId} names={userNames} t={t} />}
              </td>
              <td data-label={t('audit.column.resource')}>
                <span className="block">{label(event.resourceType, 'audit.resourceType')}</span>
                {event.resourceId &&
                  (event.resourceType === 'user' ? <Staff id={event.resourceId} names={userNames} t={t} /> : <code dir="ltr" className="wrap-id">{event.resourceId}</code>)}
              </td>
              <td data-label={t('audit.column.details')} data-testid="audit-details">
                {fields.length === 0 ? (
                  '—'
                ) : (
                  <dl className="audit-details">
                    {fields.map((field) => (
                      <div key={field.key}>
                        <dt>{label(field.key)}:</dt>
                        <dd>{field.value.kind === 'text' && codeWords(field.key, field.value.value) !== null ? codeWords(field.key, field.value.value) : valueWords(field.value, t, language)}</dd>
                      </div>
                    ))}
                  </dl>
                )}
                {event.reason && <p className="muted">{t('audit.reasonGiven', { reason: event.reason })}</p>}
              </td>
              <td data-label={t('audit.column.position')}>
                <code dir="ltr" title={event.hash}>{event.chain === 'global' ? t('audit.globalChain') : t('audit.operationChain')} #{event.seq}</code>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Staff({ id, names, t }: { id: string; names: Record<string, string>; t: Translate }) {
  const name = names[id];
  if (name === undefined) return <code dir="ltr" className="wrap-id">{id}</code>;
  return (
    <bdi title={t('audit.userIdTitle', { id })} data-user-id={id}>
      {name}
    </bdi>
  );
}

function valueWords(value: DetailValue, t: Translate, language: 'en' | 'ar') {
  switch (value.kind) {
    case 'user':
      return <bdi title={t('audit.userIdTitle', { id: value.id })}>{value.name}</bdi>;
    case 'id':
      return <code dir="ltr" className="wrap-id">{value.id}</code>;
    case 'yes_no':
      return value.value ? t('audit.yes') : t('audit.no');
    case 'number':
      return formatNumber(value.value, language);
    case 'none':
      return '—';
    case 'text':
      return <code dir="ltr">{value.value}</code>;
    case 'list':
      return <code dir="ltr">{value.values.join(', ')}</code>;
    case 'other':
      return <code dir="ltr" className="wrap-id">{value.json}</code>;
  }
}
