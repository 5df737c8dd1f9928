import type { FieldProblem } from '@waymark/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { isApiProblem } from '../../api/problem';

/**
 * A form's save: the request, the problems the server found at its fields (cleared on each
 * try), and the submit handler. What every child-protection form here does the same way.
 */
export function useCheckedSave<T>(send: () => Promise<T>, onSaved: (value: T) => void) {
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const save = useMutation({
    mutationFn: send,
    onSuccess: onSaved,
    onError: (error) => setProblems(isApiProblem(error) ? [...error.fieldErrors] : []),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProblems([]);
    save.mutate();
  };
  return { save, problems, submit };
}
