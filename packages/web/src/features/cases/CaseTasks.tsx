import { CASE_TASK_KINDS, type CaseTaskKind } from '@waymark/core';
import type { CaseDetail, CaseTask } from '@waymark/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addTask, caseKey, myWorkKey, updateTask } from '../../api/cases';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

/** Tasks, follow-ups, actions, services and referrals, with owners and due dates. */
export function CaseTasks({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: caseKey(record.id) });
    void queryClient.invalidateQueries({ queryKey: myWorkKey });
  };
  const done = useMutation({ mutationFn: (task: CaseTask) => updateTask(task.id, { status: 'done', version: task.version }), onSuccess: refresh });
  const open = record.status !== 'closed';
  return (
    <section className="card" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">{t('cases.tasks')}</h2>
      {record.tasks.length === 0 && <p className="muted">{t('cases.noTasks')}</p>}
      <ul className="plain-list" data-testid="case-tasks">
        {record.tasks.map((task) => (
          <li key={task.id} data-testid="case-task" data-status={task.status} data-overdue={task.overdue ? 'true' : 'false'}>
            <strong>{t(`cases.kind.${task.kind}`)}</strong>: {task.restricted ? <em data-testid="task-restricted">{t('cases.taskRestricted')}</em> : task.title}
            {task.dueDate && <> · {t('cases.dueOn', { date: formatDate(task.dueDate, language) })}</>}
            {task.overdue && <strong className="overdue-mark"> · {t('cases.overdue')}</strong>}
            {' · '}{t(`cases.taskStatus.${task.status}`)}
            {open && can('case.update') && (task.status === 'open' || task.status === 'in_progress') && (
              <>{' · '}<button type="button" className="link-button" onClick={() => done.mutate(task)} disabled={done.isPending}>{t('cases.markDone')}</button></>
            )}
          </li>
        ))}
      </ul>
      {done.isError && <ProblemMessage error={done.error} />}
      {open && can('case.update') && <AddTask caseId={record.id} onAdded={refresh} />}
    </section>
  );
}

function AddTask({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CaseTaskKind>('task');
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const save = useMutation({
    mutationFn: () => addTask(caseId, { kind, title, ...(dueDate ? { dueDate } : {}) }),
    onSuccess: () => {
      setTitle('');
      setDueDate('');
      onAdded();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="stack" onSubmit={submit} data-testid="add-task">
      <label>
        {t('cases.kindLabel')}
        <select value={kind} onChange={(event) => setKind(event.target.value as CaseTaskKind)} data-testid="task-kind">
          {CASE_TASK_KINDS.map((value) => <option key={value} value={value}>{t(`cases.kind.${value}`)}</option>)}
        </select>
      </label>
      <label>
        {t('cases.taskTitle')}
        <input value={title} onChange={(event) => setTitle(event.target.value)} maxLength={500} data-testid="task-title" required />
      </label>
      <label>
        {t('cases.due')}
        <input type="date" value={dueDate} onChange={(event) => setDueDate(event.target.value)} data-testid="task-due" />
      </label>
      {save.isError && <ProblemMessage error={save.error} />}
      <button type="submit" disabled={save.isPending || title.trim() === ''} data-testid="task-submit">{t('cases.addTask')}</button>
    </form>
  );
}
