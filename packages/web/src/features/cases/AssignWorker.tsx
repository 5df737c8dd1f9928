import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getWorkload, workloadKey } from '../../api/cases';
import { isApiProblem } from '../../api/problem';
import { ProblemMessage } from '../../components/ProblemMessage';

interface AssignWorkerProps {
  /** What is being assigned: headings and test ids say so. */
  kind: 'case' | 'person';
  assignedUserId: string | null;
  /** Sends the assignment with the version the page read. */
  assign: (assignedUserId: string) => Promise<unknown>;
  /** After a success: the caller puts the answer in its cache and refreshes the lists it shows. */
  onAssigned: (answer: unknown) => void;
  /** After a version conflict: the caller reads the record again. */
  onReload: () => void;
}

/**
 * Assign or reassign a case or a person to a worker of the agency, choosing from the
 * workload ledger (each worker's open cases, open tasks and overdue tasks), so the choice
 * is made seeing who already carries too much. Rendered only for roles allowed to assign.
 */
export function AssignWorker({ kind, assignedUserId, assign, onAssigned, onReload }: AssignWorkerProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  // Said once it is done: the person page does not otherwise show who holds the record.
  const [done, setDone] = useState<string | null>(null);
  const load = useQuery({ queryKey: workloadKey, queryFn: getWorkload, enabled: open });
  const save = useMutation({
    mutationFn: (userId: string) => assign(userId),
    onSuccess: (answer, userId) => {
      setOpen(false);
      setChosen(null);
      setDone(load.data?.items.find((worker) => worker.userId === userId)?.displayName ?? null);
      onAssigned(answer);
    },
  });
  const conflict = save.isError && isApiProblem(save.error) && save.error.code === 'version_conflict';
  const headingId = `assign-heading-${kind}`;

  if (!open) {
    return (
      <>
        {done !== null && (
          <span role="status" className="muted" data-testid={`assign-${kind}-done`}>
            {t('assign.done', { name: done })}
          </span>
        )}
        <button
          type="button"
          className="secondary"
          data-testid={`assign-${kind}-open`}
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
        >
          {kind === 'person' ? t('assign.assignPerson') : assignedUserId === null ? t('assign.assign') : t('assign.reassign')}
        </button>
      </>
    );
  }
  return (
    <section className="card assign-worker" aria-labelledby={headingId} data-testid={`assign-${kind}`}>
      <h2 id={headingId}>{t(kind === 'case' ? 'assign.headingCase' : 'assign.headingPerson')}</h2>
      <p className="muted">{t('assign.hint')}</p>
      {load.isPending && <p role="status">{t('app.loading')}</p>}
      {load.isError && <ProblemMessage error={load.error} />}
      {load.data && load.data.items.length === 0 && <p className="muted">{t('assign.noWorkers')}</p>}
      {load.data && load.data.items.length > 0 && (
        <fieldset className="plain">
          <legend>{t('assign.chooseWorker')}</legend>
          <table className="people-table" data-testid="assign-workers">
            <thead>
              <tr>
                <th scope="col">{t('cases.worker')}</th>
                <th scope="col">{t('cases.openCases')}</th>
                <th scope="col">{t('cases.openTasks')}</th>
                <th scope="col">{t('cases.overdueTasks')}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.items.map((worker) => (
                <tr key={worker.userId} data-testid="assign-worker" data-user-id={worker.userId}>
                  <th scope="row">
                    <label className="inline">
                      <input
                        type="radio"
                        name={`assign-${kind}-worker`}
                        value={worker.userId}
                        checked={(chosen ?? assignedUserId) === worker.userId}
                        onChange={() => setChosen(worker.userId)}
                      />{' '}
                      <bdi>{worker.displayName}</bdi>
                      {worker.userId === assignedUserId && <span className="muted"> · {t('assign.current')}</span>}
                    </label>
                  </th>
                  <td data-label={t('cases.openCases')}>{worker.openCases}</td>
                  <td data-label={t('cases.openTasks')}>{worker.openTasks}</td>
                  <td data-label={t('cases.overdueTasks')} className={worker.overdueTasks > 0 ? 'overdue' : undefined}>{worker.overdueTasks}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </fieldset>
      )}
      {conflict ? (
        <div className="problem" role="alert" data-code="version_conflict" data-testid="assign-conflict">
          <p>{t(kind === 'case' ? 'assign.conflictCase' : 'assign.conflictPerson')}</p>
          <button
            type="button"
            className="secondary"
            onClick={() => {
              save.reset();
              onReload();
            }}
          >
            {t('assign.reload')}
          </button>
        </div>
      ) : (
        save.isError && <ProblemMessage error={save.error} />
      )}
      <div className="button-row">
        <button
          type="button"
          data-testid={`assign-${kind}-save`}
          disabled={save.isPending || chosen === null || chosen === assignedUserId}
          onClick={() => chosen !== null && save.mutate(chosen)}
        >
          {t('assign.save')}
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>{t('assign.cancel')}</button>
      </div>
    </section>
  );
}
