import type { FieldProblem } from '@waymark/contracts';
import { CARE_SITUATIONS, RELATIONSHIPS_TO_HEAD, SEXES } from '@waymark/core';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField, useVocabulary } from '../../components/fields';
import type { FieldSlot, RegistrationMode } from './field-errors';
import { isChild, type MemberDraft } from './member-draft';
import { MemberBackgroundFields } from './MemberBackgroundFields';

export interface MemberFieldsProps {
  index: number;
  mode: RegistrationMode;
  draft: MemberDraft;
  problems: ReadonlyMap<FieldSlot, FieldProblem[]>;
  today: Date;
  onChange: (patch: Partial<MemberDraft>) => void;
  onRemove?: () => void;
}

export function MemberFields({ index, mode, draft, problems, today, onChange, onRemove }: MemberFieldsProps) {
  const { t } = useTranslation();
  const sexes = useVocabulary('sex', SEXES);
  const relationships = useVocabulary('relationship', RELATIONSHIPS_TO_HEAD);
  const careSituations = useVocabulary('careSituation', CARE_SITUATIONS);
  const id = (field: string) => `member-${index}-${field}`;
  const at = (field: string) => problems.get(`members.${index}.${field}`);
  const heading = mode === 'household' ? t('register.memberHeading', { number: index + 1 }) : t('register.personHeading');

  return (
    <fieldset className="member card" aria-labelledby={id('heading')}>
      <div className="member-head">
        <h2 id={id('heading')}>{heading}</h2>
        {onRemove && (
          <button type="button" className="link-button" onClick={onRemove}>
            {t('register.removeMember', { number: index + 1 })}
          </button>
        )}
      </div>
      <div className="grid">
        <TextField id={id('givenName')} testId={id('givenName')} label={t('person.givenName')} value={draft.givenName}
          problems={at('givenName')} onChange={(givenName) => onChange({ givenName })} inputProps={{ required: true }} />
        <TextField id={id('familyName')} testId={id('familyName')} label={t('person.familyName')} value={draft.familyName}
          problems={at('familyName')} onChange={(familyName) => onChange({ familyName })} />
        <TextField id={id('otherNames')} label={t('person.otherNames')} hint={t('register.otherNamesHint')} value={draft.otherNames}
          problems={at('otherNames')} onChange={(otherNames) => onChange({ otherNames })} />
        <TextField id={id('originalScriptName')} label={t('person.originalScriptName')} value={draft.originalScriptName}
          problems={at('originalScriptName')} onChange={(originalScriptName) => onChange({ originalScriptName })}
          inputProps={{ dir: 'auto' }} />
        {mode === 'household' && (
          <SelectField id={id('relationship')} testId={id('relationship')} label={t('person.relationshipToHead')}
            value={draft.relationshipToHead} options={relationships} empty={t('form.choose')} required
            problems={at('relationshipToHead')}
            onChange={(value) => onChange({ relationshipToHead: value as MemberDraft['relationshipToHead'] })} />
        )}
        <SelectField id={id('sex')} testId={id('sex')} label={t('person.sex')} value={draft.sex} options={sexes}
          empty={t('form.choose')} required problems={at('sex')}
          onChange={(value) => onChange({ sex: value as MemberDraft['sex'] })} />
      </div>
      <fieldset className="birth">
        <legend>{t('register.birthLegend')}</legend>
        <p className="hint">{t('register.birthHint')}</p>
        <div className="grid">
          <TextField id={id('dateOfBirth')} testId={id('dateOfBirth')} type="date" label={t('person.dateOfBirth')}
            value={draft.dateOfBirth} problems={at('dateOfBirth')} onChange={(dateOfBirth) => onChange({ dateOfBirth })} />
          <TextField id={id('birthYear')} testId={id('birthYear')} type="number" label={t('person.birthYear')}
            value={draft.birthYear} problems={at('birthYear')} onChange={(birthYear) => onChange({ birthYear })}
            inputProps={{ min: 1880, max: today.getUTCFullYear(), inputMode: 'numeric' }} />
          <label className="choice inline-check">
            <input type="checkbox" checked={draft.birthYearEstimated}
              onChange={(event) => onChange({ birthYearEstimated: event.target.checked })} />
            {t('person.birthYearEstimated')}
          </label>
        </div>
      </fieldset>
      {isChild(draft, today) && (
        <div className="grid">
          <SelectField id={id('careSituation')} testId={id('careSituation')} label={t('person.careSituation')}
            hint={t('register.careSituationHint')} value={draft.careSituation} options={careSituations}
            empty={t('form.notRecorded')} problems={at('careSituation')}
            onChange={(value) => onChange({ careSituation: value as MemberDraft['careSituation'] })} />
        </div>
      )}
      <MemberBackgroundFields index={index} draft={draft} problems={problems} onChange={onChange} />
    </fieldset>
  );
}
