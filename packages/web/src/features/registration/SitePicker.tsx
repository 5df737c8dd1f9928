import type { FieldProblem, Site } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/fields';

interface Props {
  sites: readonly Site[];
  value: string;
  onChange: (siteId: string) => void;
  problems: readonly FieldProblem[] | undefined;
}

/** Setting and admin area are the site's, so they are shown here rather than asked. */
export function SitePicker({ sites, value, onChange, problems }: Props) {
  const { t } = useTranslation();
  const site = sites.find((candidate) => candidate.id === value);
  const hint = site
    ? t('register.siteFacts', {
        setting: site.setting ? t(`setting.${site.setting}`) : t('form.notRecorded'),
        area: site.adminAreaCode ?? t('form.notRecorded'),
      })
    : undefined;
  return (
    <SelectField
      id="site"
      testId="site"
      label={t('person.site')}
      hint={hint}
      value={value}
      empty={t('form.noSite')}
      options={sites.map((candidate) => ({ value: candidate.id, label: `${candidate.name} (${candidate.code})` }))}
      problems={problems}
      onChange={onChange}
    />
  );
}
