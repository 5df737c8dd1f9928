import { useTranslation } from 'react-i18next';
import { Link } from '../../shared/router';

/**
 * A case as people say it: the person's name and the case number, linking to the case. The
 * name is absent when the reader may not see that person; the number alone then names it.
 */
export function CaseName({ caseId, caseNumber, subjectName }: { caseId: string; caseNumber: string; subjectName: string | null }) {
  const { t } = useTranslation();
  return (
    <Link to={{ name: 'case', caseId }} data-testid="case-name">
      {subjectName !== null && <><bdi>{subjectName}</bdi> · </>}
      {/* Numbers read left to right in both languages. */}
      <bdi dir="ltr">{caseNumber === '' ? t('cases.title') : caseNumber}</bdi>
    </Link>
  );
}
