import type { Screening } from '@waymark/contracts';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { openCase } from '../../api/cases';
import { navigate } from '../../app/router';
import { ProblemMessage } from '../../components/ProblemMessage';

/**
 * A high or critical screening proposes a case, with its recommended actions as the first
 * tasks; otherwise a case can be opened by hand.
 */
export function OpenCaseButton({ personId, latest }: { personId: string; latest: Screening | undefined }) {
  const { t } = useTranslation();
  const proposes = latest !== undefined && (latest.riskLevel === 'high' || latest.riskLevel === 'critical');
  const open = useMutation({
    mutationFn: () => openCase(proposes ? { fromScreeningId: latest.id } : { personId }),
    onSuccess: (created) => navigate({ name: 'case', caseId: created.id }),
  });
  return (
    <>
      <button type="button" className={proposes ? undefined : 'secondary'} data-testid="open-case" onClick={() => open.mutate()} disabled={open.isPending}>
        {proposes ? t('cases.openFromScreening') : t('cases.openByHand')}
      </button>
      {open.isError && <ProblemMessage error={open.error} />}
    </>
  );
}
