import type { FieldProblem } from '@waymark/contracts';
import { useTranslation } from 'react-i18next';
import { decodePointer } from '../../api/json-pointer';
import { fieldErrorText } from '../../i18n/field-error-text';

/**
 * Every problem the server found with a form, each named by the field it is about (the
 * pointer's path read as labels: "Panel member 2 › Role"), so nothing is left unexplained
 * even when the field itself is further down the form.
 */
export function FieldProblems({ problems, testId }: { problems: readonly FieldProblem[]; testId: string }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="problem-summary" role="alert" data-testid={testId}>
      <p>{t('children.problemCount', { count: problems.length })}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index} data-code={problem.code} data-path={problem.path}>
            <strong>{fieldLabel(problem.path, t)}</strong>: {fieldErrorText(t, problem)}
          </li>
        ))}
      </ul>
    </div>
  );
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** '/panel/1/role' → "Panel member 2 › Role"; an unknown segment is shown as it is. */
function fieldLabel(pointer: string, t: Translate): string {
  const parts = decodePointer(pointer);
  if (parts.length === 0) return t('children.field.form');
  const labels: string[] = [];
  parts.forEach((part, index) => {
    if (/^\d+$/.test(part)) {
      if (parts[index - 1] === 'panel') labels[labels.length - 1] = t('children.field.panelMember', { number: Number(part) + 1 });
      return;
    }
    // '/recommendation/kind' reads as "Recommendation": the kind is the recommendation itself.
    if (part === 'kind' && index > 0) return;
    labels.push(t(`children.field.${FIELD_KEYS.has(part) ? part : 'other'}`));
  });
  return labels.join(' › ');
}

const FIELD_KEYS: ReadonlySet<string> = new Set([
  'panel',
  'memberId',
  'role',
  'confidentialityUndertakingSigned',
  'childViews',
  'reasons',
  'why',
  'note',
  'recommendation',
  'kind',
  'assessmentDate',
  'decisionDate',
  'biaId',
  'childId',
  'identifiedAt',
  'completedAt',
  'urgency',
  'carer',
  'personId',
  'carerId',
  'startDate',
  'endDate',
  'version',
  'situation',
  'careSituation',
]);
