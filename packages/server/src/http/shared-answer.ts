/**
 * One answer for every caller, for a moment: while `work` is in flight, callers wait for that
 * same call; once it has settled, its outcome (a value or a failure) is given again until it
 * is `freshMs` old. For answers that many ask for and that change slowly, such as whether the
 * database answers: a thousand health checks a second cost one ping a second, not a thousand
 * connections taken from the pool that real work needs.
 */
export function sharedForAMoment<T>(work: () => Promise<T>, freshMs: number, now: () => number = Date.now): () => Promise<T> {
  let current: { answer: Promise<T>; settledAt: number | null } | null = null;
  return () => {
    if (current && (current.settledAt === null || now() - current.settledAt < freshMs)) return current.answer;
    const entry: { answer: Promise<T>; settledAt: number | null } = { answer: work(), settledAt: null };
    const settled = () => {
      entry.settledAt = now();
    };
    entry.answer.then(settled, settled);
    current = entry;
    return entry.answer;
  };
}
