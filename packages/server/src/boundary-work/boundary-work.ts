import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { answerOf, idleWorkers, startWorker } from '../threads/worker-threads';
import type { PlaceAnswer, ReadAnswer, ShapeText, WorkerRequest } from './messages';

/**
 * Boundary files are read and placed on worker threads, never on the event loop (issue 20 §1:
 * one upload held it for nine minutes). Plain `Worker`s kept for the next upload and ended after
 * a minute idle, rather than piscina: the work is one conversation per upload (read, then the
 * database, then place) with the parsed file kept in the thread between, which a pool of
 * stateless tasks would have to parse twice; uploads are rare, so an idle thread should give
 * its memory back; and what a pool adds beyond that (queues, histograms) we do not need. A
 * thread starts in about a second (tsx compiles core), hence keeping it while uploads follow.
 *
 * At most one upload per spare core is worked on at once; the others wait their turn, so
 * uploads can never take every core from the requests of everyone else.
 */
const WORKERS = Math.max(1, availableParallelism() - 1);
/** A 16 MB file parses into a few hundred MB of objects; more than this is a file we will not hold. */
const WORKER_HEAP_MB = 1536;
const IDLE_MS = 60_000;

export interface BoundaryWork {
  /** The file as read: its fields and codes, or the problem with it (400 with paths). */
  read: ReadAnswer;
  /** The areas with parents from the level above, and new parents for the level below. */
  place(above: ShapeText[], below: ShapeText[]): Promise<PlaceAnswer>;
  /** Gives the thread to the next upload; always call it. */
  close(): Promise<void>;
}

let running = 0;
const waiting: Array<() => void> = [];
const idle = idleWorkers(IDLE_MS);

async function turn(): Promise<void> {
  if (running >= WORKERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
}

function endTurn(): void {
  running--;
  waiting.shift()?.();
}

function takeWorker(): Worker {
  return idle.take() ?? startWorker(new URL('./start-worker.mjs', import.meta.url), { maxOldGenerationSizeMb: WORKER_HEAP_MB });
}

export async function openBoundaryWork(body: Uint8Array): Promise<BoundaryWork> {
  await turn();
  const worker = takeWorker();
  let healthy = true;
  const ask = <T>(request: WorkerRequest): Promise<T> => {
    const answer = answerOf<T>(worker);
    worker.postMessage(request);
    return answer.catch((error: unknown) => {
      healthy = false;
      throw error;
    });
  };
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    if (healthy) {
      worker.postMessage({ type: 'drop' } satisfies WorkerRequest);
      idle.keep(worker);
    } else {
      await worker.terminate();
    }
    endTurn();
  };
  try {
    const read = await ask<ReadAnswer>({ type: 'read', body });
    return { read, place: (above, below) => ask<PlaceAnswer>({ type: 'place', above, below }), close };
  } catch (error) {
    await close();
    throw error;
  }
}
