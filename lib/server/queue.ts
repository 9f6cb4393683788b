/**
 * Bounded work queue for model runs. The models already use both cores, so running two analyses at once
 * only makes both slower: jobs run one at a time, a few may wait, and past that callers are told to retry.
 */
export class QueueFullError extends Error {
  readonly code = 'busy';
  constructor(readonly retryAfterSeconds: number) {
    super(`The server is busy with other analyses; retry in about ${retryAfterSeconds} s.`);
  }
}

export class WorkQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
    /** Rough seconds one job takes, for Retry-After. */
    private readonly typicalJobSeconds: number,
  ) {}

  get pending(): number {
    return this.running + this.waiting.length;
  }

  /** Waits for a slot (or throws QueueFullError at once); call the returned function when done. */
  async acquire(): Promise<() => void> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) {
        throw new QueueFullError(Math.ceil((this.waiting.length + 1) * this.typicalJobSeconds));
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running--;
      this.waiting.shift()?.();
    };
  }
}

type QueueStore = { __strixQueue?: WorkQueue };

/** The process-wide queue for model work (shared across route modules and dev reloads). */
export function modelQueue(): WorkQueue {
  const store = globalThis as typeof globalThis & QueueStore;
  return (store.__strixQueue ??= new WorkQueue(
    1,
    Number(process.env.STRIX_MAX_QUEUED ?? 4),
    3,
  ));
}
