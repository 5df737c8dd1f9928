import { BIA_SECTIONS, type Bia, type BiaSection } from '@waymark/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bestInterestsKey, writeBiaContent } from '../../api/children';
import { FieldError } from '../../components/FieldError';
import { ProblemMessage } from '../../components/ProblemMessage';
import { FieldProblems } from './FieldProblems';
import { problemsAt } from './child-facts';
import { useCheckedSave } from './use-checked-save';

/**
 * The BIA's content, in the sections of UNHCR's BIA form. A section the reader may not
 * see (protection concerns, the child's views: child-protection content) is said to be
 * withheld, never left out silently. While the assessment is open it can be written.
 */
export function BiaSections({ bia, personId, editable }: { bia: Bia; personId: string; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const written = BIA_SECTIONS.filter((section) => bia.content?.[section]);
  return (
    <div className="bia-sections" data-testid="bia-sections">
      {written.length === 0 && bia.withheldSections.length === 0 && !editing && <p className="muted">{t('children.bia.noContent')}</p>}
      {!editing && (
        <dl className="summary-list">
          {BIA_SECTIONS.map((section) =>
            bia.withheldSections.includes(section) ? (
              <div key={section} data-testid={`bia-section-${section}`} data-withheld="true">
                <dt>{t(`children.bia.section.${section}`)}</dt>
                <dd className="notice">{t('children.bia.sectionWithheld')}</dd>
              </div>
            ) : bia.content?.[section] ? (
              <div key={section} data-testid={`bia-section-${section}`}>
                <dt>{t(`children.bia.section.${section}`)}</dt>
                <dd><bdi className="note-body">{bia.content[section]}</bdi></dd>
              </div>
            ) : null,
          )}
        </dl>
      )}
      {editable && !editing && bia.completedAt === null && bia.withheldSections.length === 0 && (
        <button type="button" className="secondary" onClick={() => setEditing(true)} data-testid="bia-write">{written.length > 0 ? t('children.bia.editContent') : t('children.bia.writeContent')}</button>
      )}
      {editing && <BiaSectionsForm bia={bia} personId={personId} onDone={() => setEditing(false)} />}
    </div>
  );
}

function BiaSectionsForm({ bia, personId, onDone }: { bia: Bia; personId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [texts, setTexts] = useState<Record<BiaSection, string>>(() => Object.fromEntries(BIA_SECTIONS.map((section) => [section, bia.content?.[section] ?? ''])) as Record<BiaSection, string>);
  const { save, problems, submit } = useCheckedSave(
    () => writeBiaContent(bia.id, { ...texts, version: bia.version }),
    () => {
      void queryClient.invalidateQueries({ queryKey: bestInterestsKey(personId) });
      onDone();
    },
  );
  return (
    <form className="stack" onSubmit={submit} data-testid="bia-content-form" noValidate>
      <p className="hint">{t('children.bia.contentHint')}</p>
      {BIA_SECTIONS.map((section) => (
        <label className="field" key={section}>
          {t(`children.bia.section.${section}`)}
          <span className="hint">{t(`children.bia.sectionHint.${section}`)}</span>
          <textarea value={texts[section]} onChange={(event) => setTexts((current) => ({ ...current, [section]: event.target.value }))} maxLength={4000} rows={3} data-testid={`bia-input-${section}`} aria-describedby={`bia-${section}-error`} />
          <FieldError id={`bia-${section}-error`} problems={problemsAt(problems, section)} />
        </label>
      ))}
      <FieldProblems problems={problems} testId="bia-content-problems" />
      {save.isError && problems.length === 0 && <ProblemMessage error={save.error} />}
      <div className="button-row">
        <button type="submit" disabled={save.isPending} data-testid="bia-content-save">{t('children.bia.saveContent')}</button>
        <button type="button" className="link-button" onClick={onDone}>{t('form.cancel')}</button>
      </div>
    </form>
  );
}
