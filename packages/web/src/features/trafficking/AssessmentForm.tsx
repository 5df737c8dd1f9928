import {
  ageInYears,
  assessTrafficking,
  CONTROL_METHODS,
  dayOf,
  EXPLOITATION_TYPES,
  ILO_FORCED_LABOUR_INDICATORS,
  TRAFFICKING_ACTS,
  TRAFFICKING_MEANS,
  TRAFFICKING_OUTCOMES,
  TRAFFICKING_PURPOSES,
  TRAFFICKING_STAGES,
  type TraffickingTerm,
} from '@waymark/core';
import type { TraffickingAssessmentRecord } from '@waymark/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys';
import { getPerson } from '../../api/persons';
import { isApiProblem } from '../../api/problem';
import { getProtectionNotes, protectionNotesKey } from '../../api/protection-notes';
import { assessTrafficking as saveAssessment } from '../../api/trafficking';
import { FieldError } from '../../components/FieldError';
import { CheckboxGroup, SelectField, TextField, type Option } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDate } from '../../i18n/format';
import type { UiLanguage } from '../../i18n/languages';
import { useLanguage } from '../../i18n/use-language';
import { ChildRuleLine, ElementsList } from './Findings';
import { EMPTY_DRAFT, INLINE_EVIDENCE, labelFor, problemsBySlot, toInput, toPreviewInput, type AssessmentDraft } from './draft';

/** A note as the picker names it: topic, date and its first words (the reader may read it). */
const notePreview = (note: { body: string }, topic: string, date: string): string => {
  const words = note.body.replace(/\s+/g, ' ').trim();
  return `${topic} · ${date} · ${words.length > 60 ? `${words.slice(0, 60)}…` : words}`;
};

const options = (terms: readonly TraffickingTerm[], language: UiLanguage): Option[] => terms.map((term) => ({ value: term.code, label: term.label[language] }));

/**
 * A trafficking assessment: the Protocol elements with the child rule shown as it will be
 * applied, the 11 ILO indicators (each pointing at the note that holds its evidence), the
 * stage reached and the HTCDS lists. The outcome is previewed with core's own rules while
 * the form is filled in; the server judges again when it is saved.
 */
export function AssessmentForm({ caseId, personId, onSaved }: { caseId: string; personId: string; onSaved: (record: TraffickingAssessmentRecord) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState<AssessmentDraft>(EMPTY_DRAFT);
  const person = useQuery({ queryKey: keys.person(personId), queryFn: () => getPerson(personId), retry: false });
  // Notes are read (an audited read) only once an indicator needs its evidence pointed at.
  const notes = useQuery({ queryKey: protectionNotesKey(personId), queryFn: () => getProtectionNotes(personId), retry: false, enabled: Object.keys(draft.ilo).length > 0 });
  const save = useMutation({ mutationFn: () => saveAssessment(caseId, toInput(draft)), onSuccess: onSaved });
  const set = <K extends keyof AssessmentDraft>(key: K) => (value: AssessmentDraft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const preview = useMemo(() => {
    const now = new Date();
    const birth = { dateOfBirth: person.data?.dateOfBirth ?? null, birthYear: person.data?.birthYear ?? null };
    const result = assessTrafficking(toPreviewInput(draft), { today: dayOf(now), ageAtAssessment: ageInYears(birth, now), dateOfBirth: birth.dateOfBirth });
    return result.ok ? result.value : null;
  }, [draft, person.data]);

  const slots = problemsBySlot(isApiProblem(save.error) ? save.error.fieldErrors : [], draft);
  const at = (slot: string) => slots.get(slot);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const readableNotes = (notes.data?.items ?? []).flatMap((note) => (note.restricted ? [] : [note]));

  return (
    <form className="stack" onSubmit={submit} data-testid="trafficking-form" noValidate>
      <p className="notice" data-testid="child-rule-explained">
        <strong>{t('trafficking.childRuleTitle')}</strong> {t('trafficking.childRuleExplained')}
      </p>
      <CheckboxGroup id="tr-acts" testId="tr-acts" label={t('trafficking.element.act')} hint={t('trafficking.actHint')} values={draft.acts} onChange={set('acts')} options={options(TRAFFICKING_ACTS, language)} problems={at('acts')} />
      <CheckboxGroup
        id="tr-means"
        testId="tr-means"
        label={t('trafficking.element.means')}
        hint={preview?.age.childRuleApplies ? t('trafficking.meansHintChild') : t('trafficking.meansHint')}
        values={draft.means}
        onChange={set('means')}
        options={options(TRAFFICKING_MEANS, language)}
        problems={at('means')}
      />
      <CheckboxGroup id="tr-purposes" testId="tr-purposes" label={t('trafficking.element.purpose')} hint={t('trafficking.purposeHint')} values={draft.purposes} onChange={set('purposes')} options={options(TRAFFICKING_PURPOSES, language)} problems={at('purposes')} />

      <fieldset className="field" data-testid="tr-ilo">
        <legend>{t('trafficking.iloHeading')}</legend>
        <span className="hint">{t('trafficking.iloHint')}</span>
        {ILO_FORCED_LABOUR_INDICATORS.map((term) => {
          const observed = term.code in draft.ilo;
          return (
            <div key={term.code} className="ilo-row" data-testid={`ilo-${term.code}`}>
              <label className="choice">
                <input
                  type="checkbox"
                  checked={observed}
                  onChange={(event) =>
                    setDraft((current) => {
                      const ilo = { ...current.ilo };
                      if (event.target.checked) ilo[term.code] = '';
                      else delete ilo[term.code];
                      return { ...current, ilo };
                    })
                  }
                />
                {term.label[language]}
              </label>
              {observed && (
                <label className="field">
                  {t('trafficking.evidenceNote')}
                  <select
                    value={draft.ilo[term.code] ?? ''}
                    data-testid={`ilo-note-${term.code}`}
                    onChange={(event) => setDraft((current) => ({ ...current, ilo: { ...current.ilo, [term.code]: event.target.value } }))}
                  >
                    <option value="">{t('trafficking.evidenceChoose')}</option>
                    {readableNotes.map((note) => (
                      <option key={note.id} value={note.id}>{notePreview(note, t(`notes.topic.${note.topic}`, { defaultValue: note.topic }), formatDate(note.updatedAt, language))}</option>
                    ))}
                    <option value={INLINE_EVIDENCE}>{t('trafficking.evidenceWriteHere')}</option>
                  </select>
                </label>
              )}
              {observed && draft.ilo[term.code] === INLINE_EVIDENCE && (
                <label className="field">
                  {t('trafficking.evidenceText')}
                  <textarea
                    value={draft.evidence[term.code] ?? ''}
                    data-testid={`ilo-evidence-${term.code}`}
                    maxLength={20_000}
                    onChange={(event) => setDraft((current) => ({ ...current, evidence: { ...current.evidence, [term.code]: event.target.value } }))}
                  />
                  <span className="hint">{t('trafficking.evidenceTextHint')}</span>
                </label>
              )}
              <FieldError id={`ilo-${term.code}-error`} problems={at(`ilo.${term.code}`)} />
            </div>
          );
        })}
      </fieldset>

      <SelectField id="tr-stage" testId="tr-stage" label={t('trafficking.stageHeading')} hint={t('trafficking.stageHint')} value={draft.stageReached} onChange={set('stageReached')} options={options(TRAFFICKING_STAGES, language)} empty={t('trafficking.stageNone')} problems={at('stageReached')} />
      <CheckboxGroup id="tr-exploitation" testId="tr-exploitation" label={t('trafficking.exploitationHeading')} hint={t('trafficking.htcdsHint')} values={draft.exploitationTypes} onChange={set('exploitationTypes')} options={options(EXPLOITATION_TYPES, language)} problems={at('exploitationTypes')} />
      <CheckboxGroup id="tr-control" testId="tr-control" label={t('trafficking.controlHeading')} hint={t('trafficking.htcdsHint')} values={draft.controlMethods} onChange={set('controlMethods')} options={options(CONTROL_METHODS, language)} problems={at('controlMethods')} />

      <div className="grid">
        <TextField id="tr-first-contact" testId="tr-first-contact" type="date" label={t('trafficking.firstContact')} value={draft.firstContact} onChange={set('firstContact')} problems={at('dates.firstContact')} />
        <TextField id="tr-exploitation-start" testId="tr-exploitation-start" type="date" label={t('trafficking.exploitationStart')} value={draft.exploitationStart} onChange={set('exploitationStart')} problems={at('dates.exploitationStart')} />
        <TextField id="tr-exploitation-end" testId="tr-exploitation-end" type="date" label={t('trafficking.exploitationEnd')} value={draft.exploitationEnd} onChange={set('exploitationEnd')} problems={at('dates.exploitationEnd')} />
      </div>
      <SelectField
        id="tr-under-18"
        testId="tr-under-18"
        label={t('trafficking.underEighteen')}
        hint={t('trafficking.underEighteenHint')}
        value={draft.underEighteen}
        onChange={(value) => set('underEighteen')(value === 'yes' || value === 'no' ? value : 'unknown')}
        options={[
          { value: 'unknown', label: t('trafficking.underEighteenUnknown') },
          { value: 'yes', label: t('trafficking.underEighteenYes') },
          { value: 'no', label: t('trafficking.underEighteenNo') },
        ]}
        problems={at('underEighteenAtActs')}
      />

      {preview && (
        <section className="card" aria-live="polite" data-testid="tr-preview" data-outcome={preview.outcome}>
          <h3>{t('trafficking.previewHeading', { outcome: labelFor(TRAFFICKING_OUTCOMES, preview.outcome, language) })}</h3>
          <p className="hint">{t('trafficking.previewHint')}</p>
          <ChildRuleLine age={preview.age} />
          <ElementsList findings={preview} />
        </section>
      )}

      <FieldError id="tr-form-error" problems={at('form')} />
      {save.isError && <ProblemMessage error={save.error} />}
      <div className="button-row">
        <button type="submit" disabled={save.isPending} data-testid="tr-submit">{t('trafficking.save')}</button>
      </div>
    </form>
  );
}
