import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/problem';
import { problemKey } from '../i18n/keys';

/** A failed request, in the reader's language: never the server's English title. */
export function ProblemMessage({ error, id }: { error: unknown; id?: string }) {
  const { t } = useTranslation();
  const code = isApiProblem(error) ? error.code : 'unexpected_response';
  return (
    <p className="problem" role="alert" id={id} data-code={code}>
      {t(problemKey(code))}
    </p>
  );
}
