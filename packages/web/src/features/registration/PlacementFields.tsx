import type { FieldProblem, Site } from '@waymark/contracts';
import { SETTINGS } from '@waymark/core';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField, useVocabulary } from '../../components/fields';

export interface Placement {
  /** '' = as the site says (or not recorded without a site). */
  setting: string;
  adminAreaCode: string;
}

export const emptyPlacement = (): Placement => ({ setting: '', adminAreaCode: '' });

interface Props {
  idPrefix: string;
  value: Placement;
  site: Site | null;
  settingProblems: readonly FieldProblem[] | undefined;
  areaProblems: readonly FieldProblem[] | undefined;
  onChange: (value: Placement) => void;
}

/**
 * Where someone lives when the site does not say it, or says it differently: the setting
 * (camp, urban, informal settlement…) and the admin area. Left empty, the site's are taken.
 */
export function PlacementFields({ idPrefix, value, site, settingProblems, areaProblems, onChange }: Props) {
  const { t } = useTranslation();
  const settings = useVocabulary('setting', SETTINGS);
  const fromSite = (fact: string | null) => (site && fact ? t('register.placement.fromSite', { value: fact }) : undefined);
  return (
    <div className="grid placement">
      <SelectField id={`${idPrefix}-setting`} testId={`${idPrefix}-setting`} label={t('person.setting')} value={value.setting} options={settings}
        empty={site?.setting ? t('register.placement.asSite') : t('form.notRecorded')} hint={fromSite(site?.setting ? t(`setting.${site.setting}`) : null)}
        problems={settingProblems} onChange={(setting) => onChange({ ...value, setting })} />
      <TextField id={`${idPrefix}-area`} testId={`${idPrefix}-area`} label={t('person.adminArea')} value={value.adminAreaCode}
        hint={fromSite(site?.adminAreaCode ?? null) ?? t('register.placement.areaHint')} problems={areaProblems}
        onChange={(adminAreaCode) => onChange({ ...value, adminAreaCode })} inputProps={{ dir: 'ltr', maxLength: 40 }} />
    </div>
  );
}

/** The placement as request fields: only what was given, so the site's stand otherwise. */
export function placementFields(value: Placement): { setting?: (typeof SETTINGS)[number]; adminAreaCode?: string } {
  return {
    ...(value.setting !== '' ? { setting: value.setting as (typeof SETTINGS)[number] } : {}),
    ...(value.adminAreaCode.trim() !== '' ? { adminAreaCode: value.adminAreaCode.trim() } : {}),
  };
}
