import { RecordNumberSchema } from '@waymark/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { lookupCase } from '../../api/cases';
import { navigate } from '../../shared/router';
import { ProblemMessage } from '../../components/ProblemMessage';

/**
 * "Go to case number": for a caseworker who has the number on paper or on the phone, not the
 * link. The server answers only within the reader's scope: another team's case is not found.
 */
export function GoToCase() {
  const { t } = useTranslation();
  const [number, setNumber] = useState('');
  const [malformed, setMalformed] = useState(false);
  const find = useMutation({
    mutationFn: (value: string) => lookupCase(value),
    onSuccess: (found) => navigate({ name: 'case', caseId: found.id }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The number's shape is checked here as the server checks it, so a typo is said plainly.
    const parsed = RecordNumberSchema.safeParse(number);
    setMalformed(!parsed.success);
    if (parsed.success) find.mutate(parsed.data);
    else find.reset();
  };
  return (
    <form className="inline-form go-to-case" role="search" aria-label={t('cases.goToCase')} onSubmit={submit}>
      <label className="stack">
        {t('cases.goToCase')}
        <input
          type="search"
          dir="ltr"
          value={number}
          onChange={(event) => {
            setNumber(event.target.value);
            setMalformed(false);
          }}
          placeholder="LBN-C-2026-000123"
          autoComplete="off"
          spellCheck={false}
          data-testid="go-to-case"
          aria-invalid={malformed || undefined}
          aria-describedby={find.isError || malformed ? 'go-to-case-problem' : undefined}
        />
      </label>
      <button type="submit" disabled={find.isPending || number.trim() === ''}>{t('cases.goToCaseButton')}</button>
      {malformed && <p className="problem" role="alert" id="go-to-case-problem">{t('cases.goToCaseMalformed')}</p>}
      {find.isError && <ProblemMessage error={find.error} id="go-to-case-problem" />}
    </form>
  );
}
