import type { FieldProblem } from '@waymark/contracts';
import { PREFER_NOT_TO_ANSWER, type Item } from '@waymark/core';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../components/FieldError';
import { pickText } from '../../i18n/localized';
import { useLanguage } from '../../i18n/use-language';
import { toggleChoice, type DraftValue } from './applicable';
import { SensitivityMark } from './SensitivityMark';

interface Props {
  item: Item;
  value: DraftValue | undefined;
  problems: readonly FieldProblem[] | undefined;
  onChange: (value: DraftValue | undefined) => void;
}

/** One question, from its definition: the label and help in the reader's language. */
export function ItemField({ item, value, problems, onChange }: Props) {
  const { t } = useTranslation();
  const language = useLanguage();
  const label = pickText(item.label, language);
  const help = item.help ? pickText(item.help, language) : null;
  const base = `q-${item.id}`;
  const describedBy = [help ? `${base}-help` : null, problems?.length ? `${base}-error` : null].filter(Boolean).join(' ') || undefined;
  const declined = value === PREFER_NOT_TO_ANSWER;
  const sensitive = item.sensitivity !== 'personal';
  const className = `item${sensitive ? ' item-sensitive' : ''}${problems?.length ? ' field-invalid' : ''}`;
  const heading = (
    <>
      <span lang={label.lang}>{label.text}</span>
      {item.sensitivity !== 'personal' && <SensitivityMark level={item.sensitivity} />}
    </>
  );
  const helpText = help && <span className="hint" id={`${base}-help`} lang={help.lang}>{help.text}</span>;
  const decline = (type: 'radio' | 'checkbox') => (
    <label className="choice pnta">
      <input type={type} name={type === 'radio' ? base : undefined} checked={declined}
        data-testid={`answer-${item.id}-${PREFER_NOT_TO_ANSWER}`}
        onChange={(event) => onChange(event.target.checked ? PREFER_NOT_TO_ANSWER : undefined)} />
      {t('screening.preferNotToAnswer')}
    </label>
  );

  if (item.type === 'number' || item.type === 'date') {
    return (
      <div className={className} data-testid={`item-${item.id}`}>
        <label htmlFor={base}>{heading}</label>
        {helpText}
        <input
          // Remounts when declined, so a half-typed number is never left behind.
          key={declined ? 'declined' : 'open'}
          id={base}
          type={item.type}
          data-testid={`answer-${item.id}`}
          disabled={declined}
          autoComplete="off"
          aria-describedby={describedBy}
          aria-invalid={problems?.length ? true : undefined}
          {...(item.type === 'number'
            ? { defaultValue: typeof value === 'number' ? String(value) : '', min: item.min, max: item.max, step: item.integer ? 1 : 'any', inputMode: item.integer ? 'numeric' as const : 'decimal' as const }
            : { value: typeof value === 'string' && !declined ? value : '', min: item.min, max: item.max })}
          onChange={(event) => {
            const text = event.target.value;
            if (item.type === 'date') return onChange(text === '' ? undefined : text);
            const number = Number(text);
            onChange(text === '' || !Number.isFinite(number) ? undefined : number);
          }}
        />
        {decline('checkbox')}
        <FieldError id={`${base}-error`} problems={problems} />
      </div>
    );
  }

  const multiple = item.type === 'multiple_choice';
  const chosen = (choice: string) => (multiple ? Array.isArray(value) && value.includes(choice) : value === choice);
  return (
    <fieldset className={className} data-testid={`item-${item.id}`} aria-describedby={describedBy}>
      <legend>{heading}</legend>
      {helpText}
      <div className="choices">
        {item.choices.map((choice) => {
          const text = pickText(choice.label, language);
          return (
            <label key={choice.value} className="choice">
              <input type={multiple ? 'checkbox' : 'radio'} name={multiple ? undefined : base} value={choice.value}
                checked={chosen(choice.value)} data-testid={`answer-${item.id}-${choice.value}`}
                onChange={(event) => onChange(multiple ? toggleChoice(value, choice.value, event.target.checked) : choice.value)} />
              <span lang={text.lang}>{text.text}</span>
            </label>
          );
        })}
        {decline(multiple ? 'checkbox' : 'radio')}
      </div>
      {!multiple && value !== undefined && (
        <button type="button" className="link-button" onClick={() => onChange(undefined)}>{t('screening.clear')}</button>
      )}
      <FieldError id={`${base}-error`} problems={problems} />
    </fieldset>
  );
}
