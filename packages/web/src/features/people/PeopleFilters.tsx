import type { Site } from '@waymark/contracts';
import { AGE_BRACKETS, LEGAL_STATUSES, SETTINGS, SEXES } from '@waymark/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField, useVocabulary } from '../../components/fields';
import { EMPTY_FILTERS, RISK_CHOICES, type FilterForm } from './filters';

interface Props {
  form: FilterForm;
  sites: readonly Site[];
  onChange: (form: FilterForm) => void;
}

export function PeopleFilters({ form, sites, onChange }: Props) {
  const { t } = useTranslation();
  // On a phone the filters fold away so the list is on the first screen; wide screens always show them.
  const [open, setOpen] = useState(false);
  const any = t('filters.any');
  const set = <K extends keyof FilterForm>(key: K) => (value: string) => onChange({ ...form, [key]: value as FilterForm[K] });
  const settings = useVocabulary('setting', SETTINGS);
  const sexes = useVocabulary('sex', SEXES);
  const ageBrackets = useVocabulary('ageBracket', AGE_BRACKETS);
  const legalStatuses = useVocabulary('legalStatus', LEGAL_STATUSES);
  const riskOptions = RISK_CHOICES.map((value) => ({ value, label: t(`filters.risk.${value.replace(',', '_')}`) }));

  return (
    <div role="search" className={`filters-box card${open ? ' open' : ''}`} aria-label={t('filters.label')}>
      <button type="button" className="secondary filters-toggle" aria-expanded={open} aria-controls="filters-body"
        onClick={() => setOpen(!open)}>
        {t('filters.label')}
      </button>
      <div className="filters" id="filters-body">
        <TextField id="filter-name" testId="filter-name" type="search" label={t('filters.name')} hint={t('filters.nameHint')}
          value={form.name} onChange={set('name')} />
        <SelectField id="filter-risk" testId="filter-risk" label={t('filters.riskLevel')} value={form.risk} empty={any}
          options={riskOptions} onChange={set('risk')} />
        {form.adminAreaCode && (
          <p className="filter-chip" data-testid="filter-area">
            {t('filters.area', { area: form.adminAreaName || form.adminAreaCode })}{' '}
            <button type="button" className="link-button" onClick={() => onChange({ ...form, adminAreaCode: '', adminAreaName: '' })}>{t('filters.removeArea')}</button>
          </p>
        )}
        <SelectField id="filter-site" testId="filter-site" label={t('person.site')} value={form.siteId} empty={any}
          options={sites.map((site) => ({ value: site.id, label: site.name }))} onChange={set('siteId')} />
        <SelectField id="filter-setting" testId="filter-setting" label={t('person.setting')} value={form.setting} empty={any}
          options={settings} onChange={set('setting')} />
        <SelectField id="filter-sex" testId="filter-sex" label={t('person.sex')} value={form.sex} empty={any}
          options={sexes} onChange={set('sex')} />
        <SelectField id="filter-age" testId="filter-age" label={t('filters.ageBracket')} value={form.ageBracket} empty={any}
          options={ageBrackets} onChange={set('ageBracket')} />
        <SelectField id="filter-legal-status" testId="filter-legal-status" label={t('person.legalStatus')} value={form.legalStatus}
          empty={any} options={legalStatuses} onChange={set('legalStatus')} />
        <SelectField id="sort" testId="sort" label={t('filters.sort')} value={form.sort}
          options={(['newest', 'risk', 'name'] as const).map((value) => ({ value, label: t(`filters.sortBy.${value}`) }))}
          onChange={set('sort')} />
        <div className="filters-reset">
          <button type="button" className="link-button" onClick={() => onChange(EMPTY_FILTERS)}>{t('filters.clear')}</button>
        </div>
      </div>
    </div>
  );
}
