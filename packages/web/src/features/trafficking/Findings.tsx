import {
  CONTROL_METHODS,
  EXPLOITATION_TYPES,
  ILO_FORCED_LABOUR_INDICATORS,
  TRAFFICKING_ACTS,
  TRAFFICKING_MEANS,
  TRAFFICKING_PURPOSES,
  TRAFFICKING_STAGES,
  type TraffickingTerm,
} from '@waymark/core';
import type { TraffickingFindings } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format';
import { useLanguage } from '../../i18n/use-language';
import { labelFor } from './draft';
import type { UiLanguage } from '../../i18n/languages';

/** Lists in running text: Arabic has its own comma. */
const separator = (language: UiLanguage): string => (language === 'ar' ? '، ' : ', ');

const ELEMENTS = [
  { name: 'act', terms: TRAFFICKING_ACTS },
  { name: 'means', terms: TRAFFICKING_MEANS },
  { name: 'purpose', terms: TRAFFICKING_PURPOSES },
] as const;

/** Where a source code comes from, so its label can be looked up in the right list. */
const SOURCES: Record<string, readonly TraffickingTerm[]> = {
  control_method: CONTROL_METHODS,
  ilo_indicator: ILO_FORCED_LABOUR_INDICATORS,
  exploitation_type: EXPLOITATION_TYPES,
};

/** The child rule as it applied: means not needed for a child, and why. */
export function ChildRuleLine({ age }: { age: TraffickingFindings['age'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const range = age.range ? (age.range.min === age.range.max ? String(age.range.min) : `${age.range.min}–${age.range.max}`) : t('trafficking.ageUnknown');
  return (
    <p className="notice" data-testid="child-rule" data-applies={age.childRuleApplies ? 'true' : 'false'}>
      <strong>{age.childRuleApplies ? t('trafficking.childRuleApplies') : t('trafficking.adultRuleApplies')}</strong>{' '}
      {t(`trafficking.ageBasis.${age.basis}`, { age: range, date: formatDate(age.actsDate, language) })}
      {!age.actsDateRecorded && <> {t('trafficking.noActsDate')}</>}
    </p>
  );
}

/** Act, means and purpose: each present or missing, needed or not, and how it was found. */
export function ElementsList({ findings }: { findings: Pick<TraffickingFindings, 'elements' | 'age'> }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ul className="plain-list" data-testid="elements">
      {ELEMENTS.map(({ name, terms }) => {
        const element = findings.elements[name];
        const state = !element.required && !element.present ? 'not_needed' : element.present ? 'present' : 'missing';
        return (
          <li key={name} data-testid={`element-${name}`} data-state={state}>
            <strong>{t(`trafficking.element.${name}`)}</strong>: {t(`trafficking.elementState.${state}`)}
            {!element.required && element.present && <span className="muted"> · {t('trafficking.meansNotNeeded')}</span>}
            {element.found.length > 0 && (
              <ul>
                {element.found.map((found, index) => (
                  <li key={index}>
                    {labelFor(terms, found.code, language)}
                    {found.via !== 'recorded' && found.from !== null && (
                      <span className="muted"> · {t(`trafficking.via.${found.via}`, { from: labelFor(SOURCES[found.via] ?? [], found.from, language) })}</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Everything a cleared reader sees of one assessment: the age rule, elements, indicators and the reasons. */
export function FindingsView({ findings }: { findings: TraffickingFindings }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="stack" data-testid="findings">
      <ChildRuleLine age={findings.age} />
      <ElementsList findings={findings} />
      <p>
        <strong>{t('trafficking.iloHeading')}</strong>:{' '}
        {t('trafficking.iloObserved', { count: findings.iloIndicators.observed.length, threshold: findings.iloIndicators.threshold })}
        {findings.iloIndicators.observed.length > 0 && <> ({findings.iloIndicators.observed.map((o) => labelFor(ILO_FORCED_LABOUR_INDICATORS, o.code, language)).join(separator(language))})</>}
      </p>
      {findings.stageReached && (
        <p>
          <strong>{t('trafficking.stageHeading')}</strong>: {labelFor(TRAFFICKING_STAGES, findings.stageReached, language)}
        </p>
      )}
      {findings.exploitationTypes.length > 0 && (
        <p>
          <strong>{t('trafficking.exploitationHeading')}</strong>: {findings.exploitationTypes.map((code) => labelFor(EXPLOITATION_TYPES, code, language)).join(separator(language))}
        </p>
      )}
      {findings.controlMethods.length > 0 && (
        <p>
          <strong>{t('trafficking.controlHeading')}</strong>: {findings.controlMethods.map((code) => labelFor(CONTROL_METHODS, code, language)).join(separator(language))}
        </p>
      )}
      <div>
        <strong>{t('trafficking.reasonsHeading')}</strong>
        <ul data-testid="reasons">
          {findings.reasons.map((reason, index) => (
            <li key={index} data-key={reason.key} lang={language}>{reason.text[language]}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}
