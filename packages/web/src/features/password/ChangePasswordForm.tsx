import type { FieldProblem } from '@waymark/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from '../../api/sessions';
import { SESSION_KEY } from '../../shared/query-client';
import { navigate } from '../../shared/router';
import { parseRoute } from '../../shared/routes';
import { useSession } from '../../shared/session';
import { TextField } from '../../components/fields';
import { ProblemMessage } from '../../components/ProblemMessage';
import {
  anyOnFields,
  checkPasswordDraft,
  EMPTY_PASSWORD_DRAFT,
  fieldOf,
  PASSWORD_FIELDS,
  problemsAt,
  serverPasswordProblems,
  type PasswordDraft,
  type PasswordField,
} from './password-check';

/** Element ids double as test ids: current-password, new-password, repeat-password. */
const INPUT_ID: Record<PasswordField, string> = {
  currentPassword: 'current-password',
  newPassword: 'new-password',
  repeatPassword: 'repeat-password',
};

function focusFirst(problems: readonly FieldProblem[]): void {
  const field = PASSWORD_FIELDS.find((name) => problems.some((item) => fieldOf(item) === name));
  if (field) document.getElementById(INPUT_ID[field])?.focus();
}

/**
 * Current password, new password twice. Used both for the one-time password that must
 * be replaced before anything else (`oneTime`) and from the header by anyone signed in.
 */
export function ChangePasswordForm({ oneTime = false }: { oneTime?: boolean }) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<PasswordDraft>(EMPTY_PASSWORD_DRAFT);
  const [checked, setChecked] = useState<FieldProblem[]>([]);
  const [visible, setVisible] = useState(false);

  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: async () => {
      setDraft(EMPTY_PASSWORD_DRAFT);
      // Past the one-time password, go on into the app rather than to this form again.
      if (oneTime && parseRoute(window.location.pathname).name === 'password') navigate({ name: 'people' }, { replace: true });
      // The refetched session (no longer a one-time password) opens the rest of the app.
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    },
    onError: (error) => focusFirst(serverPasswordProblems(error)),
  });

  const problems = checked.length > 0 ? checked : serverPasswordProblems(change.error);

  const edit = (field: PasswordField) => (value: string) => {
    setDraft((current) => ({ ...current, [field]: value }));
    setChecked((current) => current.filter((item) => fieldOf(item) !== field));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = checkPasswordDraft(draft);
    setChecked(found);
    if (found.length > 0) {
      change.reset();
      focusFirst(found);
      return;
    }
    change.mutate({ currentPassword: draft.currentPassword, newPassword: draft.newPassword });
  };

  const type = visible ? 'text' : 'password';
  return (
    // The browser's own bubbles would speak the browser's language: the checks are ours.
    <form onSubmit={submit} noValidate className="password-form">
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={session.user.email} readOnly hidden />
      <TextField
        id={INPUT_ID.currentPassword}
        testId={INPUT_ID.currentPassword}
        type={type}
        label={t('password.current')}
        hint={oneTime ? t('password.currentOneTimeHint') : undefined}
        value={draft.currentPassword}
        onChange={edit('currentPassword')}
        problems={problemsAt(problems, 'currentPassword')}
        inputProps={{ autoComplete: 'current-password', required: true }}
      />
      <TextField
        id={INPUT_ID.newPassword}
        testId={INPUT_ID.newPassword}
        type={type}
        label={t('password.new')}
        hint={t('password.newHint')}
        value={draft.newPassword}
        onChange={edit('newPassword')}
        problems={problemsAt(problems, 'newPassword')}
        inputProps={{ autoComplete: 'new-password', required: true }}
      />
      <TextField
        id={INPUT_ID.repeatPassword}
        testId={INPUT_ID.repeatPassword}
        type={type}
        label={t('password.repeat')}
        value={draft.repeatPassword}
        onChange={edit('repeatPassword')}
        problems={problemsAt(problems, 'repeatPassword')}
        inputProps={{ autoComplete: 'new-password', required: true }}
      />
      <label className="choice password-show">
        <input type="checkbox" data-testid="show-passwords" checked={visible} onChange={(event) => setVisible(event.target.checked)} />
        {t('password.show')}
      </label>
      {change.isError && !anyOnFields(problems) && <ProblemMessage error={change.error} />}
      {change.isSuccess && !oneTime && (
        <p className="notice" role="status" data-testid="password-changed">
          {t('password.changed')}
        </p>
      )}
      <button type="submit" data-testid="change-password" disabled={change.isPending}>
        {change.isPending ? t('password.submitting') : t('password.submit')}
      </button>
    </form>
  );
}
