import type { CaseDetail, CaseTimelineEntry } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { assignmentOf, timelineLines } from './timeline-lines';

type Translate = ReturnType<typeof useTranslation>['t'];

/**
 * What happened to a case, oldest first, in words: who did it by name, tasks falling due on
 * one day folded into one line, and every audited action named (an action without its own
 * words yet is "Recorded", never its code).
 */
export function CaseTimeline({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const tasks = new Map(record.tasks.map((task) => [task.id, task]));
  const taskWords = (entry: CaseTimelineEntry) => {
    const task = entry.taskId ? tasks.get(entry.taskId) : undefined;
    const kind = typeof entry.details.kind === 'string' ? t(`cases.kind.${entry.details.kind}`, { defaultValue: t('cases.kind.task') }) : t('cases.kind.task');
    if (!task) return kind;
    return `${kind}: ${task.restricted ? t('cases.taskRestricted') : task.title}`;
  };
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('cases.timeline')}</h2>
      <ol className="plain-list timeline" data-testid="timeline">
        {timelineLines(record.timeline).map((line, index) => {
          if (line.kind === 'event') {
            return (
              <li key={index} data-testid="timeline-entry" data-kind={line.entry.kind}>
                <time dateTime={line.entry.at}>{formatDateTime(line.entry.at, language)}</time> · {eventWords(line.entry, record.staffNames, t)}
              </li>
            );
          }
          const date = formatDate(line.day, language);
          if (line.entries.length === 1) {
            return (
              <li key={index} data-testid="timeline-due" data-count={1} className={line.overdue ? 'overdue' : undefined}>
                {t('cases.timelineDueOne', { date })} · {taskWords(line.entries[0]!)}
              </li>
            );
          }
          return (
            <li key={index} data-testid="timeline-due" data-count={line.entries.length} className={line.overdue ? 'overdue' : undefined}>
              <details>
                <summary>{t('cases.timelineDueMany', { date, count: line.entries.length })}</summary>
                <ul className="plain-list">
                  {line.entries.map((entry) => <li key={entry.taskId ?? entry.at}>{taskWords(entry)}</li>)}
                </ul>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** One audited event in words: what, what it changed, and by whom. */
function eventWords(entry: CaseTimelineEntry, staff: Record<string, string>, t: Translate): string {
  const name = (id: string | null) => (id === null ? null : (staff[id] ?? t('cases.someoneElse')));
  const parts = [t(`cases.timelineKind.${entry.kind}`, { defaultValue: t('cases.timelineKind.other') })];
  const details = entry.details;
  const assignment = assignmentOf(entry);
  if (assignment) {
    if (assignment.to) parts.push(t('cases.timelineDetail.to', { name: name(assignment.to) }));
    if (assignment.from) parts.push(t('cases.timelineDetail.previously', { name: name(assignment.from) }));
  } else if (entry.kind === 'case.transition' && typeof details.event === 'string') {
    parts.push(t(`cases.event.${details.event}`, { defaultValue: t('cases.timelineKind.other') }));
    if (typeof details.to === 'string') parts.push(t('cases.timelineDetail.nowAt', { stage: t(`cases.status.${details.to}`, { defaultValue: details.to }) }));
  } else if (entry.kind === 'case.print' && typeof details.document === 'string') {
    parts.push(t(`cases.timelineDetail.document.${details.document}`, { defaultValue: t('cases.timelineDetail.document.other') }));
  } else if ((entry.kind === 'case.task_create' || entry.kind === 'case.task_update') && typeof details.kind === 'string') {
    parts.push(t(`cases.kind.${details.kind}`, { defaultValue: t('cases.kind.task') }));
    if (typeof details.status === 'string') parts.push(t(`cases.taskStatus.${details.status}`, { defaultValue: details.status }));
  }
  const actor = name(entry.actorId);
  if (actor !== null) parts.push(t('cases.timelineDetail.by', { name: actor }));
  return parts.join(' · ');
}
