import { err, ok, type Result } from '@waymark/core';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { failure, type Failure } from '../failure';
import { answerOf, idleWorkers, startWorker } from '../threads/worker-threads';
import type { PdfAnswer, PdfInputs, PdfKind, PdfRequest } from './pdf-jobs';

export interface PdfPoolLimits {
  /** Documents drawn at once, each on its own thread. */
  threads: number;
  /** Documents waiting for a thread; past this a request is refused at once (503). */
  queue: number;
}

/**
 * One thread per spare core, so drawing can never take every core from everyone else's
 * requests; a few documents waiting per thread. Each waiting document holds its request's
 * database transaction (the print is audited in it only once drawn), so the queue stays short:
 * a longer one would take the pool's connections from other work.
 */
const threads = Math.max(1, availableParallelism() - 1);
export const DEFAULT_PDF_POOL: PdfPoolLimits = { threads, queue: 4 * threads };
/** A thread starts in about a second (tsx compiles the renderers): kept while documents follow. */
const IDLE_MS = 5 * 60_000;

export interface PdfPool {
  render<K extends PdfKind>(kind: K, input: PdfInputs[K]): Promise<Result<Buffer, Failure>>;
  close(): Promise<void>;
}

interface Job {
  request: PdfRequest;
  done: (result: Result<Buffer, Failure>) => void;
}

/**
 * PDFs are drawn on worker threads, never on the event loop (issue 20 §1). Written on the
 * pattern of boundary-work rather than with piscina: a few dozen lines over the same two
 * helpers (threads/worker-threads.ts), no dependency, and the one thing a pool library would
 * add that we need, a bounded queue that refuses when full, is the `queue` limit here.
 */
export function createPdfPool(limits: PdfPoolLimits = DEFAULT_PDF_POOL): PdfPool {
  const idle = idleWorkers(IDLE_MS);
  const busy = new Set<Worker>();
  const waiting: Job[] = [];

  const takeWorker = (): Worker | undefined =>
    idle.take() ?? (busy.size < limits.threads ? startWorker(new URL('./start-pdf-worker.mjs', import.meta.url)) : undefined);

  const release = (worker: Worker) => {
    busy.delete(worker);
    const next = waiting.shift();
    if (next) run(worker, next);
    else idle.keep(worker);
  };

  const run = (worker: Worker, job: Job) => {
    busy.add(worker);
    const answer = answerOf<PdfAnswer>(worker);
    worker.postMessage(job.request);
    answer.then(
      (answered) => {
        job.done(answered.ok ? ok(Buffer.from(answered.pdf.buffer, answered.pdf.byteOffset, answered.pdf.byteLength)) : err(failure('internal_error')));
        release(worker);
      },
      () => {
        // The thread died (out of memory, a crash): its document fails, the next gets a new thread.
        busy.delete(worker);
        void worker.terminate();
        job.done(err(failure('internal_error')));
        const next = waiting.shift();
        if (next) dispatch(next);
      },
    );
  };

  const dispatch = (job: Job) => {
    const worker = takeWorker();
    if (worker) run(worker, job);
    else if (waiting.length < limits.queue) waiting.push(job);
    else job.done(err(failure('service_unavailable', 'every document worker is busy and its queue is full')));
  };

  return {
    render: (kind, input) => new Promise((done) => dispatch({ request: { kind, input } as PdfRequest, done })),
    async close() {
      for (const job of waiting.splice(0)) job.done(err(failure('service_unavailable', 'the server is stopping')));
      await Promise.all([...idle.drain(), ...busy].map((worker) => worker.terminate()));
    },
  };
}

let shared: PdfPool | undefined;
/** The process's pool, started on first use: every server in a process draws on the same cores. */
export function sharedPdfPool(): PdfPool {
  shared ??= createPdfPool();
  return shared;
}
