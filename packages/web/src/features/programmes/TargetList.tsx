import type { RiskLevel } from '@waymark/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { enrol, getTargets, programmeKey } from '../../api/programmes';
import { Link } from '../../shared/router';
import { ProblemMessage } from '../../components/ProblemMessage';
import { RiskBadge } from '../../components/RiskBadge';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';

const PAGE = 25;

/** The people the rule selects in my scope, highest risk first, each with an Enrol button. */
export function TargetList({ programmeId, nameOf }: { programmeId: string; nameOf: (code: string | null) => string | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [offset, setOffset] = useState(0);
  const targets = useQuery({ queryKey: [...programmeKey(programmeId), 'targets', offset], queryFn: () => getTargets(programmeId, offset, PAGE) });
  const enrolment = useMutation({
    mutationFn: (personId: string) => enrol(programmeId, personId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: programmeKey(programmeId) }),
  });
  return (
    <section className="card" aria-labelledby="targets-heading">
      <h2 id="targets-heading">{t('programmes.targets')}</h2>
      <p className="muted">{t('programmes.targetsIntro')}</p>
      {targets.isPending && <p role="status">{t('app.loading')}</p>}
      {targets.isError && <ProblemMessage error={targets.error} />}
      {enrolment.isError && <ProblemMessage error={enrolment.error} />}
      {targets.data && (
        <>
          <p data-testid="target-total">
            {t(targets.data.totalIsExact ? 'programmes.targetTotal' : 'programmes.targetTotalAtLeast', { n: formatNumber(targets.data.total, language) })}
          </p>
          <table className="people-table" data-testid="target-list">
            <thead>
              <tr>
                <th scope="col">{t('programmes.person')}</th>
                <th scope="col">{t('programmes.sexAge')}</th>
                <th scope="col">{t('reports.area')}</th>
                <th scope="col">{t('programmes.risk')}</th>
                <th scope="col">{t('programmes.enrolment')}</th>
              </tr>
            </thead>
            <tbody>
              {targets.data.items.map((item) => (
                <tr key={item.personId} data-testid="target-row" data-person-id={item.personId}>
                  <th scope="row"><Link to={{ name: 'person', personId: item.personId, screeningId: null }}>{item.givenName} {item.familyName}</Link></th>
                  <td data-label={t('programmes.sexAge')}>{t(`sex.${item.sex}`)}, {item.age === null ? '—' : formatNumber(item.age, language)}</td>
                  <td data-label={t('reports.area')}>{nameOf(item.adminAreaCode) ?? t('reports.noArea')}</td>
                  <td data-label={t('programmes.risk')}><RiskBadge level={item.riskLevel as RiskLevel | null} /></td>
                  <td data-label={t('programmes.enrolment')}>
                    {item.enrolled ? (
                      <span data-testid="enrolled-mark">{t('programmes.isEnrolled')}</span>
                    ) : (
                      <button type="button" className="secondary" data-testid="enrol-button" disabled={enrolment.isPending} onClick={() => enrolment.mutate(item.personId)}>
                        {t('programmes.enrol')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="button-row">
            <button type="button" className="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('people.previous')}</button>
            <button type="button" className="secondary" disabled={offset + PAGE >= targets.data.total} onClick={() => setOffset(offset + PAGE)}>{t('people.next')}</button>
          </div>
        </>
      )}
    </section>
  );
}
