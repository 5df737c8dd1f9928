import type { FieldProblem } from '@waymark/contracts';
import type { InputHTMLAttributes, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from './FieldError';

interface Common {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  problems?: readonly FieldProblem[] | undefined;
  testId?: string;
}

function describedBy(id: string, hint: ReactNode, problems: Common['problems']): string | undefined {
  const ids = [hint ? `${id}-hint` : null, problems && problems.length > 0 ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

interface TextFieldProps extends Common {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'date' | 'number' | 'email' | 'password' | 'search';
  inputProps?: Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'type'>;
}

export function TextField({ id, label, hint, problems, testId, value, onChange, type = 'text', inputProps }: TextFieldProps) {
  const invalid = problems !== undefined && problems.length > 0;
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <span className="hint" id={`${id}-hint`}>{hint}</span>}
      <input
        id={id}
        type={type}
        value={value}
        data-testid={testId}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hint, problems)}
        // Names and dates of people at risk must not end up in the browser's form history.
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        {...inputProps}
      />
      <FieldError id={`${id}-error`} problems={problems} />
    </div>
  );
}

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps extends Common {
  value: string;
  onChange: (value: string) => void;
  options: readonly Option[];
  /** Label of the empty choice; omit to have none. */
  empty?: string;
  required?: boolean;
}

export function SelectField({ id, label, hint, problems, testId, value, onChange, options, empty, required }: SelectFieldProps) {
  const invalid = problems !== undefined && problems.length > 0;
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && <span className="hint" id={`${id}-hint`}>{hint}</span>}
      <select
        id={id}
        value={value}
        data-testid={testId}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(id, hint, problems)}
        onChange={(event) => onChange(event.target.value)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} problems={problems} />
    </div>
  );
}

interface CheckboxGroupProps extends Common {
  values: readonly string[];
  onChange: (values: string[]) => void;
  options: readonly Option[];
}

export function CheckboxGroup({ id, label, hint, problems, testId, values, onChange, options }: CheckboxGroupProps) {
  const invalid = problems !== undefined && problems.length > 0;
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...values, value] : values.filter((existing) => existing !== value));
  return (
    <fieldset className={`field checkbox-group${invalid ? ' field-invalid' : ''}`} data-testid={testId} aria-describedby={describedBy(id, hint, problems)}>
      <legend>{label}</legend>
      {hint && <span className="hint" id={`${id}-hint`}>{hint}</span>}
      <div className="choices">
        {options.map((option) => (
          <label key={option.value} className="choice">
            <input type="checkbox" checked={values.includes(option.value)} onChange={(event) => toggle(option.value, event.target.checked)} />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} problems={problems} />
    </fieldset>
  );
}

/** Options for a closed vocabulary, labelled from the catalogue (`prefix.value`). */
export function useVocabulary(prefix: string, values: readonly string[]): Option[] {
  const { t } = useTranslation();
  return values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}
