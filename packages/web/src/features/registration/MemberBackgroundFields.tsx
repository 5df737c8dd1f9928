import type { FieldProblem } from '@waymark/contracts';
import { LEGAL_STATUSES } from '@waymark/core';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, SelectField, TextField, useVocabulary } from '../../components/fields';
import { DocumentsFields } from './DocumentsFields';
import type { FieldSlot } from './field-errors';
import { OTHER_NATIONALITY, type MemberDraft } from './member-draft';
import { COMMON_LANGUAGES, COMMON_NATIONALITIES } from '../../shared/picker-lists';

interface Props {
  index: number;
  draft: MemberDraft;
  problems: ReadonlyMap<FieldSlot, FieldProblem[]>;
  onChange: (patch: Partial<MemberDraft>) => void;
}

/** Where someone comes from and what papers they hold. */
export function MemberBackgroundFields({ index, draft, problems, onChange }: Props) {
  const { t } = useTranslation();
  const nationalities = [
    ...useVocabulary('nationality', COMMON_NATIONALITIES),
    { value: OTHER_NATIONALITY, label: t('register.otherNationality') },
  ];
  const languages = useVocabulary('spokenLanguage', COMMON_LANGUAGES);
  const legalStatuses = useVocabulary('legalStatus', LEGAL_STATUSES);
  const id = (field: string) => `member-${index}-${field}`;
  const at = (field: string) => problems.get(`members.${index}.${field}`);

  return (
    <>
      <div className="grid">
        <SelectField id={id('nationality')} label={t('person.nationality')} value={draft.nationality}
          options={nationalities} empty={t('form.notRecorded')}
          problems={draft.nationality === OTHER_NATIONALITY ? undefined : at('nationality')}
          onChange={(nationality) => onChange({ nationality })} />
        {draft.nationality === OTHER_NATIONALITY && (
          <TextField id={id('nationalityOther')} label={t('register.nationalityCode')} hint={t('register.nationalityCodeHint')}
            value={draft.nationalityOther} problems={at('nationality')}
            onChange={(nationalityOther) => onChange({ nationalityOther })}
            inputProps={{ maxLength: 3, pattern: '[A-Za-z]{3}', dir: 'ltr' }} />
        )}
        <SelectField id={id('legalStatus')} testId={id('legalStatus')} label={t('person.legalStatus')}
          value={draft.legalStatus} options={legalStatuses} empty={t('form.notRecorded')} problems={at('legalStatus')}
          onChange={(value) => onChange({ legalStatus: value as MemberDraft['legalStatus'] })} />
        <TextField id={id('arrivalDate')} type="date" label={t('person.arrivalDate')} value={draft.arrivalDate}
          problems={at('arrivalDate')} onChange={(arrivalDate) => onChange({ arrivalDate })} />
      </div>
      <CheckboxGroup id={id('languages')} label={t('person.languages')} values={draft.languages} options={languages}
        problems={at('languages')} onChange={(values) => onChange({ languages: values })} />
      <DocumentsFields index={index} documents={draft.identityDocuments}
        problems={[...(at('documents') ?? []), ...(at('identityDocuments') ?? [])]}
        onChange={(identityDocuments) => onChange({ identityDocuments })} />
    </>
  );
}
