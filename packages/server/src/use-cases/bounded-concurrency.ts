/**
 * At most `limit` tasks running at once. `add` waits only when the limit is reached;
 * `drain` waits for the rest. The first failure is rethrown by `add` or `drain`, after
 * the tasks already running have settled, so no write is left half-observed.
 */
export function boundedConcurrency(limit: number) {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | null = null;
  const settleAll = async () => {
    await Promise.allSettled([...running]);
    if (failure) throw failure.error;
  };
  return {
    async add(task: () => Promise<void>): Promise<void> {
      if (failure) await settleAll();
      const promise = task()
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => running.delete(promise));
      running.add(promise);
      if (running.size >= limit) await Promise.race(running);
      if (failure) await settleAll();
    },
    drain: settleAll,
  };
}
