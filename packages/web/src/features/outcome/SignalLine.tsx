import type { Instrument, Signal } from '@waymark/core';
import { useTranslation } from 'react-i18next';
import { pickText } from '../../i18n/localized';
import { useLanguage } from '../../i18n/use-language';
import { factValueText } from './fact-value';

/** One signal: what raised it (an answer or a registration fact), how strongly, and why. */
export function SignalLine({ signal, instrument }: { signal: Signal; instrument: Instrument | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const indicator = instrument?.indicators.find((candidate) => candidate.id === signal.indicator);
  const indicatorText = indicator ? pickText(indicator.label, language) : { text: signal.indicator, lang: 'en' };
  const why = pickText(signal.why, language);

  let source: string;
  if (signal.source === 'registration') {
    source = t('outcome.fromRecord', { fact: t(`fact.${signal.fact}`), value: factValueText(signal.fact, signal.answer, t) });
  } else {
    const item = instrument?.items.find((candidate) => candidate.id === signal.itemId);
    const choice = item && 'choices' in item ? item.choices.find((candidate) => candidate.value === signal.answer) : undefined;
    const answer = choice ? pickText(choice.label, language).text : String(signal.answer);
    source = item
      ? t('outcome.answeredTo', { question: pickText(item.label, language).text, answer })
      : t('outcome.answer', { answer });
  }

  return (
    <li className="signal" data-indicator={signal.indicator} data-source={signal.source}>
      <div>
        <strong lang={indicatorText.lang}>{indicatorText.text}</strong>{' '}
        <span className="strength">
          {t(`outcome.strength.${signal.strength}`)} · {t('outcome.weight', { weight: signal.weight })}
        </span>
      </div>
      <div className="muted">{source}</div>
      {why.text && <p className="why" lang={why.lang}>{why.text}</p>}
    </li>
  );
}
