import type { FieldProblem } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../i18n/field-error-text';

/** The errors for one field, linked to its input through `id` (aria-describedby). */
export function FieldError({ id, problems }: { id: string; problems: readonly FieldProblem[] | undefined }) {
  const { t } = useTranslation();
  if (!problems || problems.length === 0) return null;
  return (
    <span className="field-error" id={id}>
      {problems.map((problem, index) => (
        <span key={index} data-code={problem.code}>
          {fieldErrorText(t, problem)}
        </span>
      ))}
    </span>
  );
}
