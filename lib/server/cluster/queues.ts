/**
 * The web process's BullMQ handles (one of each per process) and admission: a queue with STRIX_MAX_QUEUED jobs
 * already waiting answers 429 at once, as the in-process queue does, and no live worker at all answers 503.
 * The check and the add are two steps, so replicas admitting at the same instant may overshoot by a job or two.
 */
import { Queue, QueueEvents } from 'bullmq';
import { HttpError } from '../http';
import { QueueFullError } from '../queue';
import { ANALYZE_QUEUE, liveWorkers, newRedis, sharedRedis, TASK_QUEUE } from './redis';

type Holder = { __strixQueues?: { analyze: Queue; tasks: Queue; taskEvents: QueueEvents } };

export function queues() {
  const holder = globalThis as typeof globalThis & Holder;
  if (!holder.__strixQueues) {
    const connection = newRedis();
    holder.__strixQueues = {
      analyze: new Queue(ANALYZE_QUEUE, { connection }),
      tasks: new Queue(TASK_QUEUE, { connection }),
      // Completion of question-time tasks arrives here (a blocking reader of its own).
      taskEvents: new QueueEvents(TASK_QUEUE, { connection: newRedis() }),
    };
  }
  return holder.__strixQueues;
}

/** Rough seconds one analysis takes on one worker, for Retry-After (as lib/server/queue.ts). */
const TYPICAL_JOB_SECONDS = 3;

export async function admit(queue: Queue): Promise<void> {
  const [counts, workers] = await Promise.all([queue.getJobCounts('wait', 'prioritized'), liveWorkers(sharedRedis())]);
  if (workers.length === 0) {
    throw new HttpError(
      503,
      'no_workers',
      'No analysis worker is running: start one with `npx strix worker` (same REDIS_URL).',
    );
  }
  const waiting = counts.wait + counts.prioritized;
  const maxWaiting = Number(process.env.STRIX_MAX_QUEUED ?? 4);
  if (waiting >= maxWaiting) {
    const slots = workers.reduce((sum, w) => sum + w.slots, 0);
    throw new QueueFullError(Math.ceil(((waiting + 1) * TYPICAL_JOB_SECONDS) / Math.max(1, slots)));
  }
}

export interface QueueDepths {
  waiting: number;
  active: number;
}

export async function queueDepths(): Promise<{ analyze: QueueDepths; tasks: QueueDepths }> {
  const depth = async (queue: Queue) => {
    const counts = await queue.getJobCounts('wait', 'prioritized', 'active');
    return { waiting: counts.wait + counts.prioritized, active: counts.active };
  };
  const { analyze, tasks } = queues();
  return { analyze: await depth(analyze), tasks: await depth(tasks) };
}
