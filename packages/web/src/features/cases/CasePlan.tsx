import type { CaseDetail } from '@waymark/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseKey, savePlan } from '../../api/cases';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';

const SECTIONS = ['goals', 'strengths', 'skills', 'wishes'] as const;
type Section = (typeof SECTIONS)[number];

const toLines = (text: string) => text.split('\n').map((line) => line.trim()).filter((line) => line !== '');

/** The person's own goals, strengths, skills and wishes come first, in their words. */
export function CasePlan({ record }: { record: CaseDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Record<Section, string>>(() => Object.fromEntries(SECTIONS.map((s) => [s, record.plan[s].join('\n')])) as Record<Section, string>);
  const save = useMutation({
    mutationFn: () => savePlan(record.id, { ...(Object.fromEntries(SECTIONS.map((s) => [s, toLines(draft[s])])) as Record<Section, string[]>), version: record.version }),
    onSuccess: (updated) => {
      queryClient.setQueryData(caseKey(record.id), updated);
      setEditing(false);
    },
  });
  return (
    <section className="card" aria-labelledby="plan-heading" data-testid="case-plan">
      <div className="section-head">
        <h2 id="plan-heading">{t('cases.plan')}</h2>
        {can('case.update') && !editing && record.status !== 'closed' && (
          <button type="button" className="link-button" data-testid="edit-plan" onClick={() => setEditing(true)}>{t('cases.editPlan')}</button>
        )}
      </div>
      {editing ? (
        <form
          className="stack"
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate();
          }}
        >
          {SECTIONS.map((section) => (
            <label key={section}>
              {t(`cases.planSection.${section}`)}
              <textarea rows={3} value={draft[section]} onChange={(event) => setDraft({ ...draft, [section]: event.target.value })} data-testid={`plan-${section}`} />
            </label>
          ))}
          <p className="muted">{t('cases.onePerLine')}</p>
          {save.isError && <ProblemMessage error={save.error} />}
          <button type="submit" disabled={save.isPending} data-testid="save-plan">{t('cases.savePlan')}</button>
        </form>
      ) : (
        <dl className="plan">
          {SECTIONS.map((section) => (
            <div key={section}>
              <dt>{t(`cases.planSection.${section}`)}</dt>
              <dd>
                {record.plan[section].length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <ul className="plain-list">{record.plan[section].map((line, i) => <li key={i}>{line}</li>)}</ul>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
