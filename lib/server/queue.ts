/**
 * Bounded work queue for model runs. Each inference worker already uses its cores, so running more jobs
 * than there are workers only makes them all slower: jobs run `concurrency` at a time, a few may wait, and
 * past that callers are told to retry. A waiting caller whose client hangs up leaves the line at once.
 *
 * Why not piscina's own `maxQueue` (piscina 5.3, checked in queue.test.ts): a task given an AbortSignal, the
 * only way to take a waiting task out of piscina's queue, skips that queue, and `maxQueue` is then never
 * applied (piscinajs/piscina#899); and aborting a task that has started terminates its worker thread, which
 * throws away the loaded ONNX sessions (seconds to reload) where our jobs stop cooperatively at the next stage.
 * So the line is kept here, in front of the pool: only a job holding a slot reaches piscina, which then always
 * has a free worker for it, and no piscina task ever carries a signal.
 */
import { inferenceSizing } from '../models/threads';

export class QueueFullError extends Error {
  readonly code = 'busy';
  constructor(readonly retryAfterSeconds: number) {
    super(`The server is busy with other analyses; retry in about ${retryAfterSeconds} s.`);
  }
}

/** The caller's signal fired while it waited: it never held a slot. */
export class QueueLeftError extends Error {
  readonly code = 'cancelled';
  constructor() {
    super('The client went away while waiting.');
  }
}

interface Waiter {
  admit(): void;
  leave(): void;
}

export class WorkQueue {
  private running = 0;
  private readonly waiting: Waiter[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
    /** Rough seconds one job takes, for Retry-After. */
    private readonly typicalJobSeconds: number,
  ) {}

  /** Jobs running plus jobs waiting. */
  get pending(): number {
    return this.running + this.waiting.length;
  }

  /** Throws QueueFullError when a caller would be refused now: lets a route refuse before reading an upload. */
  assertRoom(): void {
    if (this.running >= this.concurrency && this.waiting.length >= this.maxWaiting) {
      throw new QueueFullError(Math.ceil((this.waiting.length + 1) * this.typicalJobSeconds));
    }
  }

  /**
   * Waits for a slot (or throws QueueFullError at once); call the returned function when done. When `signal`
   * fires while waiting, the caller leaves the line and the promise rejects with QueueLeftError.
   */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) throw new QueueLeftError();
    if (this.running >= this.concurrency) {
      this.assertRoom();
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => waiter.leave();
        const waiter: Waiter = {
          admit: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
          leave: () => {
            const index = this.waiting.indexOf(waiter);
            if (index >= 0) this.waiting.splice(index, 1);
            reject(new QueueLeftError());
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(waiter);
      });
    }
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.waiting.shift()?.admit();
    };
  }
}

type QueueStore = { __strixQueue?: WorkQueue };

/** The process-wide queue for model work (shared across route modules and dev reloads): one slot per worker. */
export function modelQueue(): WorkQueue {
  const store = globalThis as typeof globalThis & QueueStore;
  return (store.__strixQueue ??= new WorkQueue(
    inferenceSizing().workers,
    Number(process.env.STRIX_MAX_QUEUED ?? 4),
    3,
  ));
}
