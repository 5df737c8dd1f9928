import type { FieldProblem } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { fieldErrorText } from '../../i18n/field-error-text';
import type { FieldSlot } from './field-errors';

/**
 * Says how many fields need attention; problems that belong to no single field
 * (no head of household, an operation to pick) are spelled out here.
 */
export function ProblemSummary({ problems, slots }: { problems: readonly FieldProblem[]; slots: ReadonlyMap<FieldSlot, FieldProblem[]> }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  const general = [...(slots.get('form') ?? []), ...(slots.get('members') ?? [])];
  return (
    <div className="problem-summary" role="alert" data-testid="registration-problems">
      <p>{t('register.problemCount', { count: problems.length })}</p>
      {general.length > 0 && (
        <ul>
          {general.map((problem, index) => (
            <li key={index} data-code={problem.code}>{fieldErrorText(t, problem)}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
