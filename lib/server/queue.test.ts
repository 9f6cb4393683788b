import { describe, expect, it } from 'vitest';
import { QueueFullError, WorkQueue } from './queue';

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
});
