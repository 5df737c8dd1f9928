import type { FieldProblem, Site } from '@waymark/contracts';
import { SETTINGS, type Setting } from '@waymark/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys';
import { isApiProblem } from '../../api/problem';
import { SelectField, TextField, useVocabulary } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import { createSite, updateSite } from './sites-api';

interface Draft {
  code: string;
  name: string;
  setting: string;
  adminAreaCode: string;
  latitude: string;
  longitude: string;
}

const draftOf = (site: Site | null): Draft => ({
  code: site?.code ?? '',
  name: site?.name ?? '',
  setting: site?.setting ?? '',
  adminAreaCode: site?.adminAreaCode ?? '',
  latitude: site?.latitude === null || site === null ? '' : String(site.latitude),
  longitude: site?.longitude === null || site === null ? '' : String(site.longitude),
});

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));

interface Props {
  operationId: string;
  /** The site being edited; null for a new one. */
  site: Site | null;
  onDone: () => void;
}

/**
 * A site's name, setting, admin area and optional place on the map. The code names the site
 * for good (people and exports use it), so it is set once. The server checks the admin area
 * against the operation's boundaries and its answer is shown at the field.
 */
export function SiteForm({ operationId, site, onDone }: Props) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const settings = useVocabulary('setting', SETTINGS);
  const [draft, setDraft] = useState(() => draftOf(site));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const prefix = site ? `site-${site.code}` : 'site-new';
  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const at = (field: string) => problems.filter((problem) => problem.path === `/${field}`);

  const save = useMutation({
    mutationFn: () => {
      const common = {
        name: draft.name.trim(),
        setting: (orNull(draft.setting) as Setting | null),
        adminAreaCode: orNull(draft.adminAreaCode),
        latitude: numberOrNull(draft.latitude),
        longitude: numberOrNull(draft.longitude),
      };
      return site ? updateSite(site.id, { version: site.version, ...common }) : createSite(operationId, { code: draft.code.trim(), ...common });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.sites });
      onDone();
    },
    onError: (error) => setProblems(isApiProblem(error) ? [...error.fieldErrors] : []),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    save.mutate();
  };

  return (
    <form onSubmit={submit} noValidate className="site-form" data-testid={`${prefix}-form`}>
      <div className="grid">
        {!site && (
          <TextField id={`${prefix}-code`} testId={`${prefix}-code`} label={t('admin.sites.code')} hint={t('admin.sites.codeHint')} value={draft.code}
            problems={at('code')} onChange={(code) => change({ code })} inputProps={{ dir: 'ltr', maxLength: 40 }} />
        )}
        <TextField id={`${prefix}-name`} testId={`${prefix}-name`} label={t('admin.sites.name')} value={draft.name} problems={at('name')}
          onChange={(name) => change({ name })} inputProps={{ dir: 'auto', maxLength: 200 }} />
        <SelectField id={`${prefix}-setting`} testId={`${prefix}-setting`} label={t('admin.sites.setting')} value={draft.setting} options={settings}
          empty={t('form.notRecorded')} problems={at('setting')} onChange={(setting) => change({ setting })} />
        <TextField id={`${prefix}-area`} testId={`${prefix}-area`} label={t('admin.sites.area')} hint={t('admin.sites.areaHint')} value={draft.adminAreaCode}
          problems={at('adminAreaCode')} onChange={(adminAreaCode) => change({ adminAreaCode })} inputProps={{ dir: 'ltr', maxLength: 120 }} />
        <TextField id={`${prefix}-latitude`} testId={`${prefix}-latitude`} label={t('admin.sites.latitude')} value={draft.latitude} problems={at('latitude')}
          onChange={(latitude) => change({ latitude })} inputProps={{ dir: 'ltr', inputMode: 'decimal' }} />
        <TextField id={`${prefix}-longitude`} testId={`${prefix}-longitude`} label={t('admin.sites.longitude')} value={draft.longitude} problems={at('longitude')}
          onChange={(longitude) => change({ longitude })} inputProps={{ dir: 'ltr', inputMode: 'decimal' }} />
      </div>
      {save.isError && problems.length === 0 && <ProblemMessage error={save.error} />}
      <div className="actions">
        <button type="button" className="secondary" onClick={onDone}>{t('form.cancel')}</button>
        <button type="submit" data-testid={`${prefix}-save`} disabled={save.isPending}>{save.isPending ? t('form.saving') : t('form.save')}</button>
      </div>
    </form>
  );
}
