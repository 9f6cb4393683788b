import { describe, expect, it } from 'vitest';
import { QueueFullError, QueueLeftError, WorkQueue } from './queue';

describe('WorkQueue', () => {
  it('runs one job at a time and lets waiting jobs in order', async () => {
    const queue = new WorkQueue(1, 2, 3);
    const order: string[] = [];
    const releaseFirst = await queue.acquire();
    const second = queue.acquire().then((release) => { order.push('second'); return release; });
    const third = queue.acquire().then((release) => { order.push('third'); return release; });
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
