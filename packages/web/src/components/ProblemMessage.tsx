import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/problem';
import { problemKey } from '../i18n/keys';

/** A failed request, in the reader's language: never the server's English title. */
export function ProblemMessage({ error, id }: { error: unknown; id?: string }) {
  const { t } = useTranslation();
  const code = isApiProblem(error) ? error.code : 'unexpected_response';
  // A refusal for want of consent names the purpose, wherever it happens (issue 13 §4).
  const purpose = isApiProblem(error) && code === 'consent_required' ? error.purpose : null;
  return (
    <p className="problem" role="alert" id={id} data-code={code} data-purpose={purpose ?? undefined}>
      {purpose ? t('problem.consentRequiredFor', { purpose: t(`consent.purpose.${purpose}`) }) : t(problemKey(code))}
    </p>
  );
}
