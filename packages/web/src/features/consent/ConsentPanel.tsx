import { CARER_RELATIONSHIPS, CONSENT_METHODS, CONSENT_PURPOSES, type CarerRelationship, type ConsentMethod, type ConsentPurpose } from '@waymark/core';
import type { Agency, ConsentCreate, ConsentOverview } from '@waymark/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { consentsKey, getConsents, recordConsent } from '../../api/consents';
import { useCan } from '../../shared/session';
import { ProblemMessage } from '../../components/ProblemMessage';
import { formatDateTime } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { usePersonAgencies } from './use-person-agencies';

/** What the person has agreed to, per purpose; record a grant, refusal or withdrawal; the history. */
export function ConsentPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const can = useCan();
  const overview = useQuery({ queryKey: consentsKey(personId), queryFn: () => getConsents(personId) });
  const agencies = usePersonAgencies(personId);
  return (
    <section className="card" aria-labelledby="consent-heading" data-testid="consent-panel">
      <h2 id="consent-heading">{t('consent.title')}</h2>
      {overview.isError && <ProblemMessage error={overview.error} />}
      {overview.data && (
        <>
          <ul className="plain-list">
            {overview.data.current.map((standing) => (
              <li key={`${standing.purpose}-${standing.recipientAgencyId ?? ''}`} data-testid={`consent-${standing.purpose}`}>
                {t(`consent.purpose.${standing.purpose}`)}
                {standing.recipientAgencyId !== null && <> ({agencies.nameOf(standing.recipientAgencyId) ?? t('consent.unknownAgency')})</>}
                : <strong>{t(`consent.status.${standing.status}`)}</strong>
              </li>
            ))}
          </ul>
          {can('consent.record') && <RecordConsent personId={personId} overview={overview.data} agencies={agencies.items} />}
          <span hidden data-testid="consent-history-count" data-count={overview.data.history.length} />
          {overview.data.history.length > 0 && (
            <details>
              <summary>{t('consent.history')}</summary>
              <ol className="plain-list">
                {overview.data.history.map((entry) => (
                  <li key={entry.id}>
                    {formatDateTime(entry.effectiveAt, language)} · {t(`consent.purpose.${entry.purpose}`)} · {t(`consent.decision.${entry.decision}`)} ·{' '}
                    {t(`consent.method.${entry.method}`)} · {entry.givenBy === 'self' ? t('consent.givenBy.self') : t(`consent.relationship.${entry.carerRelationship ?? 'caregiver'}`)}
                  </li>
                ))}
              </ol>
            </details>
          )}
        </>
      )}
    </section>
  );
}

/**
 * Records one decision. With `fixed`, the purpose and the receiving agency are those of the
 * action waiting for it (a referral being made), and only the decision itself is asked.
 */
export function RecordConsent({ personId, overview, fixed, onRecorded, agencies = [] }: {
  personId: string;
  overview: ConsentOverview;
  /** The agencies a referral consent may name (by name, not id). */
  agencies?: readonly Agency[];
  fixed?: { purpose: ConsentPurpose; recipientAgencyId?: string };
  onRecorded?: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const child = overview.requirement.giver === 'carer';
  const [chosenPurpose, setPurpose] = useState<ConsentPurpose>('case_management');
  const purpose = fixed?.purpose ?? chosenPurpose;
  const [decision, setDecision] = useState<ConsentCreate['decision']>('given');
  const [method, setMethod] = useState<ConsentMethod>('written');
  const [relationship, setRelationship] = useState<CarerRelationship>('parent');
  const [assent, setAssent] = useState<'yes' | 'no'>('yes');
  const [typedRecipient, setRecipient] = useState('');
  const recipientAgencyId = fixed?.recipientAgencyId ?? typedRecipient;
  const assentMethod: ConsentMethod = overview.requirement.assent === 'written' ? 'written' : 'oral';
  const save = useMutation({
    mutationFn: () =>
      recordConsent(personId, {
        purpose,
        decision,
        method,
        givenBy: child ? 'carer' : 'self',
        ...(purpose === 'referral' ? { recipientAgencyId } : {}),
        ...(child ? { carerRelationship: relationship } : {}),
        ...(child && overview.requirement.assent !== 'none' ? (assent === 'yes' ? { childAssent: 'yes', assentMethod } : { childAssent: 'no' }) : {}),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: consentsKey(personId) });
      onRecorded?.();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="stack" data-testid="consent-form">
      {!fixed && (
        <label>
          {t('consent.purposeLabel')}
          <select value={purpose} onChange={(e) => setPurpose(e.target.value as ConsentPurpose)} data-testid="consent-purpose">
            {CONSENT_PURPOSES.map((p) => <option key={p} value={p}>{t(`consent.purpose.${p}`)}</option>)}
          </select>
        </label>
      )}
      {purpose === 'referral' && !fixed && (
        <label>
          {t('consent.recipientAgency')}
          <select value={recipientAgencyId} onChange={(e) => setRecipient(e.target.value)} required data-testid="consent-agency">
            <option value="">{t('consent.chooseAgency')}</option>
            {agencies.map((agency) => <option key={agency.id} value={agency.id}>{agency.name}</option>)}
          </select>
        </label>
      )}
      <label>
        {t('consent.decisionLabel')}
        <select value={decision} onChange={(e) => setDecision(e.target.value as ConsentCreate['decision'])} data-testid="consent-decision">
          {(['given', 'refused', 'withdrawn'] as const).map((d) => <option key={d} value={d}>{t(`consent.decision.${d}`)}</option>)}
        </select>
      </label>
      <label>
        {t('consent.methodLabel')}
        <select value={method} onChange={(e) => setMethod(e.target.value as ConsentMethod)}>
          {CONSENT_METHODS.map((m) => <option key={m} value={m}>{t(`consent.method.${m}`)}</option>)}
        </select>
      </label>
      {child && (
        <>
          <p className="muted">{t(`consent.childRule.${overview.requirement.assent}`)}</p>
          <label>
            {t('consent.carerLabel')}
            <select value={relationship} onChange={(e) => setRelationship(e.target.value as CarerRelationship)}>
              {CARER_RELATIONSHIPS.map((r) => <option key={r} value={r}>{t(`consent.relationship.${r}`)}</option>)}
            </select>
          </label>
          {overview.requirement.assent !== 'none' && (
            <label>
              {t('consent.assentLabel')}
              <select value={assent} onChange={(e) => setAssent(e.target.value as 'yes' | 'no')}>
                <option value="yes">{t(`consent.assent.yes_${assentMethod}`)}</option>
                <option value="no">{t('consent.assent.no')}</option>
              </select>
            </label>
          )}
        </>
      )}
      {save.isError && <ProblemMessage error={save.error} />}
      <button type="submit" disabled={save.isPending} data-testid="consent-submit">{t('consent.record')}</button>
    </form>
  );
}
