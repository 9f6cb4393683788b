/**
 * Runs jobs one at a time per key and keeps only the newest waiting one: while a job runs, a new request
 * replaces the one waiting (which is answered "superseded"). A fast mouse sending a point-mode preview on every
 * move therefore never builds a backlog: at most one decode runs and one waits, and the newest always wins.
 */
export type Outcome<T> = { kind: 'done'; value: T } | { kind: 'superseded' };

interface Waiting<T> {
  job: () => Promise<T>;
  resolve: (outcome: Outcome<T>) => void;
  reject: (error: unknown) => void;
}

export class LatestOnly<T> {
  private readonly lanes = new Map<string, { waiting?: Waiting<T> }>();

  run(key: string, job: () => Promise<T>): Promise<Outcome<T>> {
    return new Promise((resolve, reject) => {
      const lane = this.lanes.get(key);
      if (!lane) return this.start(key, { job, resolve, reject });
      lane.waiting?.resolve({ kind: 'superseded' });
      lane.waiting = { job, resolve, reject };
    });
  }

  private start(key: string, current: Waiting<T>): void {
    const lane: { waiting?: Waiting<T> } = {};
    this.lanes.set(key, lane);
    current
      .job()
      .then((value) => current.resolve({ kind: 'done', value }), current.reject)
      .finally(() => {
        if (lane.waiting) this.start(key, lane.waiting);
        else this.lanes.delete(key);
      });
  }
}
