/**
 * Shared names and connections of the worker fleet (REDIS_URL). Analyses and question-time tasks are BullMQ jobs;
 * each analysis streams its messages back through a Redis stream of its own (so the web process that holds the
 * client's connection reads them in order, and can resume after a blocked read times out); a client that leaves
 * is announced on a pub/sub channel; every worker process keeps a heartbeat key that expires if it dies.
 */
import os from 'node:os';
import { Redis } from 'ioredis';

export const ANALYZE_QUEUE = 'strix-analyze';
export const TASK_QUEUE = 'strix-tasks';
export const CANCEL_CHANNEL = 'strix:cancel';
const WORKER_KEY_PREFIX = 'strix:worker:';

/** A worker missing this long is dead: three heartbeats lost. */
export const HEARTBEAT_MS = 3_000;
export const WORKER_TTL_MS = 3 * HEARTBEAT_MS;

export const eventsKey = (jobId: string) => `strix:job:${jobId}:events`;
export const cancelKey = (jobId: string) => `strix:job:${jobId}:cancel`;
/** How long an analysis's messages and cancel flag outlive it, should nobody clean them up (a web process died). */
export const JOB_KEY_TTL_S = 600;

export function clusterEnabled(): boolean {
  return Boolean(process.env.REDIS_URL);
}

/**
 * A new connection. BullMQ wants `maxRetriesPerRequest: null` (its blocking commands wait on reconnects);
 * blocking reads (XREAD BLOCK, SUBSCRIBE) need a connection each.
 */
export function newRedis(): Redis {
  const redis = new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: null });
  redis.on('error', (error) => console.error('Redis:', error.message));
  return redis;
}

type Holder = { __strixRedis?: Redis };

/** The process's connection for plain commands. */
export function sharedRedis(): Redis {
  const holder = globalThis as typeof globalThis & Holder;
  return (holder.__strixRedis ??= newRedis());
}

export interface LiveWorker {
  id: string;
  host: string;
  pid: number;
  startedAt: string;
  /** Inference worker threads in that process: analyses it runs at once. */
  slots: number;
}

export function workerIdentity(slots: number): LiveWorker {
  return {
    id: `${os.hostname()}-${process.pid}`,
    host: os.hostname(),
    pid: process.pid,
    startedAt: new Date().toISOString(),
    slots,
  };
}

export async function beat(redis: Redis, worker: LiveWorker): Promise<void> {
  await redis.set(WORKER_KEY_PREFIX + worker.id, JSON.stringify(worker), 'PX', WORKER_TTL_MS);
}

export async function forget(redis: Redis, worker: LiveWorker): Promise<void> {
  await redis.del(WORKER_KEY_PREFIX + worker.id);
}

/** Workers whose heartbeat has not expired. SCAN, not KEYS: never blocks Redis for the other clients. */
export async function liveWorkers(redis: Redis): Promise<LiveWorker[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${WORKER_KEY_PREFIX}*`, 'COUNT', 100);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  if (keys.length === 0) return [];
  return (await redis.mget(keys)).flatMap((value) => (value ? [JSON.parse(value) as LiveWorker] : []));
}
