import { CASE_OPENING_ACTIONS } from '@waymark/core';
import type { Screening } from '@waymark/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openCase } from '../../api/cases';
import { getInstrument } from '../../api/screenings';
import { keys } from '../../api/keys';
import { navigate } from '../../shared/router';
import { ProblemMessage } from '../../components/ProblemMessage';
import { pickText } from '../../i18n/localized';
import { useLanguage } from '../../i18n/use-language';

type Proposal = Screening['recommendedActions'][number];

/** Proposals by domain, in the screening's order; the one proposing the case itself is left out. */
function byDomain(actions: readonly Proposal[]): Array<[string, Proposal[]]> {
  const groups = new Map<string, Proposal[]>();
  for (const action of actions) {
    if (CASE_OPENING_ACTIONS.has(action.id)) continue;
    const domain = action.domain ?? '';
    groups.set(domain, [...(groups.get(domain) ?? []), action]);
  }
  return [...groups];
}

/**
 * A high or critical screening proposes a case and its actions, grouped by domain, for the
 * worker to choose as the first tasks (the screening shows each reader only the actions
 * they may see, so a withheld section proposes nothing here); otherwise a case is opened
 * by hand.
 */
export function OpenCaseButton({ personId, latest }: { personId: string; latest: Screening | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const proposes = latest !== undefined && (latest.riskLevel === 'high' || latest.riskLevel === 'critical');
  const groups = proposes ? byDomain(latest.recommendedActions) : [];
  const [choosing, setChoosing] = useState(false);
  // The domains' names come from the instrument version that scored the screening.
  const instrument = useQuery({
    queryKey: keys.instrument(latest?.instrumentId ?? '', latest?.instrumentVersion),
    queryFn: () => getInstrument(latest!.instrumentId, latest!.instrumentVersion),
    enabled: proposes && choosing,
    staleTime: Infinity,
  });
  const [chosen, setChosen] = useState<ReadonlySet<string> | null>(null);
  const picked = chosen ?? new Set<string>();
  const open = useMutation({
    mutationFn: () => openCase(proposes ? { fromScreeningId: latest.id, actionIds: groups.flatMap(([, actions]) => actions.map((a) => a.id)).filter((id) => picked.has(id)) } : { personId }),
    onSuccess: (created) => navigate({ name: 'case', caseId: created.id }),
  });
  const toggle = (id: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const domainName = (domain: string) => {
    const found = instrument.data?.domains.find((candidate) => candidate.id === domain);
    return found ? pickText(found.label, language).text : domain === '' ? t('cases.proposedOther') : domain;
  };

  if (proposes && choosing) {
    return (
      <section className="card stack" data-testid="proposed-actions" aria-labelledby="proposed-heading">
        <h3 id="proposed-heading">{t('cases.proposedHeading')}</h3>
        <p className="hint">{t('cases.proposedHint')}</p>
        {groups.map(([domain, actions]) => (
          <fieldset key={domain} className="field" data-testid={`proposed-${domain || 'other'}`}>
            <legend>{domainName(domain)}</legend>
            {actions.map((action) => (
              <label key={action.id} className="choice">
                <input type="checkbox" checked={picked.has(action.id)} onChange={(event) => toggle(action.id, event.target.checked)} data-testid={`proposed-action-${action.id}`} />
                {pickText(action.label, language).text}
              </label>
            ))}
          </fieldset>
        ))}
        <div className="button-row">
          <button type="button" data-testid="open-case-confirm" onClick={() => open.mutate()} disabled={open.isPending}>
            {t('cases.openWithChosen')}
          </button>
          <button type="button" className="secondary" onClick={() => setChoosing(false)}>{t('cases.proposedCancel')}</button>
        </div>
        {open.isError && <ProblemMessage error={open.error} />}
      </section>
    );
  }
  return (
    <>
      <button type="button" className={proposes ? undefined : 'secondary'} data-testid="open-case" onClick={() => (proposes ? setChoosing(true) : open.mutate())} disabled={open.isPending}>
        {proposes ? t('cases.openFromScreening') : t('cases.openByHand')}
      </button>
      {open.isError && <ProblemMessage error={open.error} />}
    </>
  );
}
