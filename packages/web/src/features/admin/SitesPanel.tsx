import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys } from '../../api/keys';
import { listSites } from '../../api/persons';
import { ProblemMessage } from '../../components/ProblemMessage';
import { SiteForm } from './SiteForm';

/** The operation's sites: where people are registered, each with its setting and admin area. */
export function SitesPanel({ operationId }: { operationId: string }) {
  const { t } = useTranslation();
  const sites = useQuery({ queryKey: keys.sites, queryFn: listSites });
  // 'new', a site's id, or nothing open.
  const [open, setOpen] = useState<string | null>(null);
  const mine = (sites.data?.items ?? []).filter((site) => site.operationId === operationId);
  return (
    <section className="card" aria-labelledby="admin-sites-heading" data-testid="admin-sites">
      <div className="section-head">
        <h2 id="admin-sites-heading">{t('admin.sites.heading')}</h2>
        {open === null && (
          <button type="button" className="link-button" data-testid="site-add" onClick={() => setOpen('new')}>{t('admin.sites.add')}</button>
        )}
      </div>
      <p>{t('admin.sites.intro')}</p>
      {sites.isError && <ProblemMessage error={sites.error} />}
      {open === 'new' && <SiteForm operationId={operationId} site={null} onDone={() => setOpen(null)} />}
      {mine.length === 0 && sites.isSuccess ? (
        <p className="empty">{t('admin.sites.none')}</p>
      ) : (
        <ul className="sites-list">
          {mine.map((site) => (
            <li key={site.id} data-testid={`site-${site.code}`}>
              {open === site.id ? (
                <SiteForm operationId={operationId} site={site} onDone={() => setOpen(null)} />
              ) : (
                <>
                  <strong><bdi>{site.name}</bdi></strong> <span className="muted" dir="ltr">({site.code})</span>
                  <span className="muted">
                    {' · '}{site.setting ? t(`setting.${site.setting}`) : t('form.notRecorded')}
                    {' · '}{site.adminAreaCode ? <bdi dir="ltr">{site.adminAreaCode}</bdi> : t('admin.sites.noArea')}
                    {site.latitude !== null && site.longitude !== null && <>{' · '}<bdi dir="ltr">{site.latitude}, {site.longitude}</bdi></>}
                  </span>
                  {open === null && (
                    <button type="button" className="link-button site-edit" data-testid={`site-edit-${site.code}`} onClick={() => setOpen(site.id)}>{t('admin.sites.edit')}</button>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
