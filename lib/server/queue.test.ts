import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { describe, expect, it } from 'vitest';
import { QueueFullError, QueueLeftError, WorkQueue } from './queue';

describe('WorkQueue', () => {
  it('runs one job at a time and lets waiting jobs in order', async () => {
    const queue = new WorkQueue(1, 2, 3);
    const order: string[] = [];
    const releaseFirst = await queue.acquire();
    const second = queue.acquire().then((release) => {
      order.push('second');
      return release;
    });
    const third = queue.acquire().then((release) => {
      order.push('third');
      return release;
    });
    expect(queue.pending).toBe(3);
    releaseFirst();
    (await second)();
    (await third)();
    expect(order).toEqual(['second', 'third']);
    expect(queue.pending).toBe(0);
  });

  it('refuses with a retry estimate once the waiting line is full', async () => {
    const queue = new WorkQueue(1, 1, 3);
    const release = await queue.acquire();
    const waiting = queue.acquire();
    await expect(queue.acquire()).rejects.toBeInstanceOf(QueueFullError);
    await expect(queue.acquire()).rejects.toMatchObject({ retryAfterSeconds: 6 });
    release();
    (await waiting)();
  });

  it('lets a waiting caller whose client hung up leave the line, so the next one moves up', async () => {
    const queue = new WorkQueue(1, 2, 3);
    const release = await queue.acquire();
    const gone = new AbortController();
    const leaving = queue.acquire(gone.signal);
    const staying = queue.acquire();
    expect(queue.pending).toBe(3);
    gone.abort();
    await expect(leaving).rejects.toBeInstanceOf(QueueLeftError);
    expect(queue.pending).toBe(2);
    // The freed place can be taken by a new caller instead of a 429.
    const newcomer = queue.acquire();
    release();
    (await staying)();
    (await newcomer)();
    expect(queue.pending).toBe(0);
  });

  it('refuses a caller whose signal already fired', async () => {
    const signal = AbortSignal.abort();
    await expect(new WorkQueue(1, 1, 3).acquire(signal)).rejects.toBeInstanceOf(QueueLeftError);
  });
});

/**
 * The reason WorkQueue exists (see queue.ts): piscina's own queue limit does not hold for tasks that can be
 * cancelled. If this starts failing, piscina has changed and its maxQueue may replace WorkQueue.
 */
describe("piscina's maxQueue", () => {
  it('refuses a task past the limit, but not when the tasks carry an AbortSignal', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'strix-piscina-'));
    const filename = path.join(dir, 'wait.cjs');
    writeFileSync(filename, 'module.exports = (ms) => new Promise((resolve) => setTimeout(resolve, ms));');
    const refusedOf = async (withSignal: boolean) => {
      const pool = new Piscina({ filename, minThreads: 1, maxThreads: 1, maxQueue: 1 });
      const runs = Array.from({ length: 4 }, () =>
        pool.run(50, withSignal ? { signal: new AbortController().signal } : {}).then(
          () => 'ran',
          (error: Error) => error.message,
        ),
      );
      const outcomes = await Promise.all(runs);
      await pool.close();
      return outcomes.filter((o) => o !== 'ran').length;
    };
    try {
      expect(await refusedOf(false)).toBe(2);
      expect(await refusedOf(true)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
