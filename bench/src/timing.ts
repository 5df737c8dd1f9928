export async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Wraps an iterable so the time spent producing its items can be told apart from the consumer's. */
export function meteredIterable<T>(source: Iterable<T>): { iterable: Iterable<T>; producerMs: () => number } {
  let producerNs = 0n;
  const iterable: Iterable<T> = {
    [Symbol.iterator]() {
      const iterator = source[Symbol.iterator]();
      return {
        next() {
          const started = process.hrtime.bigint();
          const result = iterator.next();
          producerNs += process.hrtime.bigint() - started;
          return result;
        },
      };
    },
  };
  return { iterable, producerMs: () => Number(producerNs) / 1e6 };
}
