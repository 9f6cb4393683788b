/**
 * Admission to the worker fleet on a real Redis: no live worker is a 503 that says how to start one; a queue
 * with STRIX_MAX_QUEUED jobs waiting is a 429 with a Retry-After; a worker whose heartbeat lapses stops counting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisAvailable, testRedisUrl } from '../../../tests/helpers/test-redis';
import { HttpError } from '../http';
import { QueueFullError } from '../queue';
import { admit, queues } from './queues';
import { beat, forget, liveWorkers, sharedRedis, workerIdentity } from './redis';

describe.runIf(redisAvailable())('fleet admission', () => {
  beforeAll(async () => {
    process.env.REDIS_URL = testRedisUrl(8);
    process.env.STRIX_MAX_QUEUED = '2';
    await sharedRedis().flushdb();
  });

  afterAll(async () => {
    const { analyze, tasks, taskEvents } = queues();
    await Promise.all([analyze.close(), tasks.close(), taskEvents.close()]);
    await sharedRedis().flushdb();
    sharedRedis().disconnect();
    delete process.env.REDIS_URL;
    delete process.env.STRIX_MAX_QUEUED;
  });

  it('answers 503 no_workers while no worker is alive', async () => {
    const refused = await admit(queues().analyze).catch((error) => error);
    expect(refused).toBeInstanceOf(HttpError);
    expect(refused).toMatchObject({ status: 503, code: 'no_workers' });
  });

  it('admits below STRIX_MAX_QUEUED waiting jobs and answers 429 at it', async () => {
    const me = workerIdentity(1);
    await beat(sharedRedis(), me);
    const { analyze } = queues();
    await analyze.add('analyze', { resultId: 'a' });
    await expect(admit(analyze)).resolves.toBeUndefined();
    await analyze.add('analyze', { resultId: 'b' });
    const refused = await admit(analyze).catch((error) => error);
    expect(refused).toBeInstanceOf(QueueFullError);
    expect((refused as QueueFullError).retryAfterSeconds).toBeGreaterThan(0);
    await forget(sharedRedis(), me);
    expect(await liveWorkers(sharedRedis())).toEqual([]);
  });
});
