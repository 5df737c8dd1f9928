import { err, ok, type Result } from '../result';

/**
 * Recommended actions that propose the case itself ("consider opening a case…"): once the
 * case is open they are done, so they never become one of its tasks. The instrument
 * versions are frozen, so the list names their action ids rather than a field on them.
 */
export const CASE_OPENING_ACTIONS: ReadonlySet<string> = new Set(['consider_case_debt_and_job_offer']);

interface Proposed {
  id: string;
}

/**
 * The actions a worker chose from those the screening proposes to them. `chosen` omitted
 * takes every proposal (the API's older callers); an id that is not among the proposals
 * this reader sees (made up, or from a section withheld from them) is refused at its index,
 * in the same words either way.
 */
export function chooseProposedActions<T extends Proposed>(
  proposals: readonly T[],
  chosen: readonly string[] | undefined,
): Result<T[], Array<{ code: string; path: (string | number)[]; message: string }>> {
  const open = proposals.filter((action) => !CASE_OPENING_ACTIONS.has(action.id));
  if (chosen === undefined) return ok(open);
  const byId = new Map(open.map((action) => [action.id, action]));
  const problems = chosen.flatMap((id, index) =>
    byId.has(id) ? [] : [{ code: 'unknown_action', path: ['actionIds', index], message: 'not an action this screening proposes to you' }],
  );
  if (problems.length > 0) return err(problems);
  const picked = new Set(chosen);
  return ok(open.filter((action) => picked.has(action.id)));
}
