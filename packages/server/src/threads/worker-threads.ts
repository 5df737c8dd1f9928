import { Worker, type ResourceLimits } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript module through a small `.mjs` entry that registers tsx
 * (Node 20 workers do not inherit the main thread's loader). Unreferenced: a thread waiting
 * for work must not keep a finishing process (a CLI command, a test) alive.
 */
export function startWorker(entry: URL, resourceLimits?: ResourceLimits): Worker {
  const worker = new Worker(entry, {
    ...(resourceLimits ? { resourceLimits } : {}),
    // The main thread's flags (e.g. --import tsx) are not for the worker: it registers its own loader.
    execArgv: [],
  });
  worker.unref();
  return worker;
}

/** The worker's next answer, or its failure (it crashed, ran out of memory, or exited). */
export function answerOf<T>(worker: Worker): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: T) => {
      worker.off('error', onError).off('exit', onExit);
      resolve(message);
    };
    const onError = (error: Error) => {
      worker.off('message', onMessage).off('exit', onExit);
      reject(error);
    };
    const onExit = (code: number) => {
      worker.off('message', onMessage).off('error', onError);
      reject(new Error(`worker exited with ${code} before answering`));
    };
    worker.once('message', onMessage).once('error', onError).once('exit', onExit);
  });
}

/** Workers kept for the next job, each ended once it has waited too long. */
export interface IdleWorkers {
  /** A kept worker, if any (its end is called off). */
  take(): Worker | undefined;
  /** Keeps a worker for `ms`, then ends it. */
  keep(worker: Worker): void;
  /** Every kept worker, taken: to end them now. */
  drain(): Worker[];
}

export function idleWorkers(ms: number): IdleWorkers {
  const idle: Array<{ worker: Worker; timer: NodeJS.Timeout }> = [];
  return {
    take() {
      const kept = idle.pop();
      if (kept) clearTimeout(kept.timer);
      return kept?.worker;
    },
    keep(worker) {
      const timer = setTimeout(() => {
        idle.splice(idle.findIndex((entry) => entry.worker === worker), 1);
        void worker.terminate();
      }, ms);
      timer.unref();
      idle.push({ worker, timer });
    },
    drain() {
      return idle.splice(0).map(({ worker, timer }) => {
        clearTimeout(timer);
        return worker;
      });
    },
  };
}
